package cumulus.plugins.attractor;

import cumulus.api.DynamicsSolver;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.NumericalException;
import cumulus.api.Trajectory;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Floquet multipliers of a periodic orbit of a spin mean field, where every state is a product of
 * spin-coherent states and the solver can be restarted from any point of the orbit: the monodromy
 * matrix of the return map over one period by central differences (±1e-4 along an orthonormal
 * basis of the tangent space of the spheres |m_j| = 1 at the orbit point), divided by the flow
 * direction (which returns with multiplier 1 on every periodic orbit). What is left are the
 * nontrivial multipliers: all inside the unit circle for an isolated attracting orbit (a limit
 * cycle), some on it for a family of closed orbits. Cost per Newton step: 4·(ensembles) + 1 runs
 * of one period.
 */
public final class ReturnMap {
    private ReturnMap() { }

    static final double STEP = 1e-4;

    /** The nontrivial multipliers (real and imaginary parts), the largest modulus, and |Φ_T(x) − x| where they were taken. */
    public record Multipliers(double[] re, double[] im, double largest, double returnResidual) {
        public String describe() {
            List<String> m = new ArrayList<>();
            for (int i = 0; i < re.length; i++)
                m.add(Math.abs(im[i]) < 1e-12 ? String.format(Locale.ROOT, "%.6f", re[i]) : String.format(Locale.ROOT, "%.6f%+.6fi", re[i], im[i]));
            return String.join(", ", m);
        }
    }

    /** The state is exactly m1x, m1y, m1z, m2x, ... on unit spheres, for an autonomous model. */
    public static boolean applies(Model model, List<String> names, double[] x0) {
        int e = model.ensembles();
        if (e == 0 || model.hasBoson() || model.isPeriodic() || names.size() != 3 * e) return false;
        for (int j = 0; j < e; j++) {
            for (int c = 0; c < 3; c++) if (!names.get(3 * j + c).equals("m" + (j + 1) + "xyz".charAt(c))) return false;
            if (Math.abs(norm(x0, j) - 1) > 1e-6) return false;
        }
        return true;
    }

    /**
     * The periodic orbit through (near) x0, closed by Newton's method on the return map (Keller's
     * shooting: (J − 1)δ + f δT = −(Φ_T(x) − x) with the phase condition f·δ = 0, J the monodromy
     * on the tangent space, f the flow), and its nontrivial multipliers at the closed orbit. A
     * trajectory still approaching its cycle thus gets the cycle's exact period. {@code steps}
     * Newton steps were taken; {@code closure} = |Φ_T(x) − x| at the returned point.
     */
    public record Orbit(double period, double[] point, Multipliers multipliers, int steps, double closure) { }

    /** Closure below which the orbit counts as closed (the integration floor over one period). */
    public static final double CLOSED = 1e-9;

    public static Orbit close(DynamicsSolver solver, Model model, Map<String, Double> params, List<String> names, double[] x0, double period) {
        int e = model.ensembles(), dim = 2 * e;
        double[] x = x0.clone();
        double t = period;
        Orbit best = null;
        for (int step = 0; step < 6; step++) {
            double[][] basis = tangent(x, e);
            Period base = period(solver, model, params, names, x, t);
            double[] r = new double[x.length];
            for (int c = 0; c < x.length; c++) r[c] = base.end()[c] - x[c];
            double closure = Math.sqrt(dot(r, r));
            double[][] jac = monodromy(solver, model, params, names, x, t, basis);
            double[] f = new double[dim];
            for (int a = 0; a < dim; a++) for (int c = 0; c < x.length; c++) f[a] += basis[a][c] * base.flow()[c];
            Orbit here = new Orbit(t, x.clone(), multipliers(jac, f, closure), step, closure);
            if (best == null || closure < best.closure()) best = here;
            if (closure < CLOSED || closure > 2 * best.closure()) break;
            // the bordered Newton system for (δ, δT)
            double[][] a = new double[dim + 1][dim + 1];
            double[] rhs = new double[dim + 1];
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) a[i][j] = jac[i][j] - (i == j ? 1 : 0);
                a[i][dim] = f[i];
                a[dim][i] = f[i];
                for (int c = 0; c < x.length; c++) rhs[i] -= basis[i][c] * r[c];
            }
            double[] sol = new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().solve(new ArrayRealVector(rhs, false)).toArray();
            double[] move = new double[x.length];
            for (int i = 0; i < dim; i++) for (int c = 0; c < x.length; c++) move[c] += sol[i] * basis[i][c];
            x = shift(x, move, 1, e);
            t += sol[dim];
            if (!(t > 0) || Math.abs(t - period) > 0.01 * period) break; // Newton left the neighbourhood: keep the best point
        }
        return best;
    }

    /** The monodromy matrix over time t in the tangent basis at x, by central differences. */
    private static double[][] monodromy(DynamicsSolver solver, Model model, Map<String, Double> params, List<String> names, double[] x, double t, double[][] basis) {
        int dim = basis.length, e = dim / 2;
        double[][] jac = new double[dim][dim];
        for (int b = 0; b < dim; b++) {
            double[] plus = advance(solver, model, params, names, shift(x, basis[b], STEP, e), t);
            double[] minus = advance(solver, model, params, names, shift(x, basis[b], -STEP, e), t);
            for (int a = 0; a < dim; a++) {
                double s = 0;
                for (int c = 0; c < x.length; c++) s += basis[a][c] * (plus[c] - minus[c]);
                jac[a][b] = s / (2 * STEP);
            }
        }
        return jac;
    }

    /** The multipliers of the return map: the monodromy divided by the flow direction f (tangent coordinates). */
    private static Multipliers multipliers(double[][] jac, double[] f, double closure) {
        int dim = jac.length;
        double[][] q = complement(f);
        double[][] reduced = new double[dim - 1][dim - 1];
        for (int i = 0; i < dim - 1; i++)
            for (int j = 0; j < dim - 1; j++) {
                double s = 0;
                for (int a = 0; a < dim; a++) for (int b = 0; b < dim; b++) s += q[i][a] * jac[a][b] * q[j][b];
                reduced[i][j] = s;
            }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(reduced, false));
        double[] re = eig.getRealEigenvalues(), im = eig.getImagEigenvalues();
        double largest = 0;
        for (int i = 0; i < re.length; i++) largest = Math.max(largest, Math.hypot(re[i], im[i]));
        return new Multipliers(re, im, largest, closure);
    }

    /** The end point after time t from x, and the flow at x (fourth-order one-sided difference of the first samples). */
    private record Period(double[] end, double[] flow) { }

    private static Period period(DynamicsSolver solver, Model model, Map<String, Double> params, List<String> names, double[] x, double t) {
        int steps = Math.max(8, (int) Math.ceil(t / 0.01));
        double h = t / steps;
        List<double[]> rows = states(solver, model, params, names, x, t, h);
        double[] f = new double[x.length];
        for (int c = 0; c < f.length; c++)
            f[c] = (-25 * rows.get(0)[c] + 48 * rows.get(1)[c] - 36 * rows.get(2)[c] + 16 * rows.get(3)[c] - 3 * rows.get(4)[c]) / (12 * h);
        return new Period(rows.get(rows.size() - 1), f);
    }

    private static double norm(double[] x, int j) { return Math.sqrt(x[3 * j] * x[3 * j] + x[3 * j + 1] * x[3 * j + 1] + x[3 * j + 2] * x[3 * j + 2]); }

    /** Two orthonormal vectors perpendicular to each m_j. */
    static double[][] tangent(double[] x, int e) {
        double[][] out = new double[2 * e][3 * e];
        for (int j = 0; j < e; j++) {
            double r = norm(x, j);
            double[] m = {x[3 * j] / r, x[3 * j + 1] / r, x[3 * j + 2] / r};
            int least = 0;
            for (int c = 1; c < 3; c++) if (Math.abs(m[c]) < Math.abs(m[least])) least = c;
            double[] u = new double[3];
            u[least] = 1;
            double dot = m[least];
            for (int c = 0; c < 3; c++) u[c] -= dot * m[c];
            double un = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
            for (int c = 0; c < 3; c++) u[c] /= un;
            double[] w = {m[1] * u[2] - m[2] * u[1], m[2] * u[0] - m[0] * u[2], m[0] * u[1] - m[1] * u[0]};
            for (int c = 0; c < 3; c++) { out[2 * j][3 * j + c] = u[c]; out[2 * j + 1][3 * j + c] = w[c]; }
        }
        return out;
    }

    /** x + h·v, each m_j put back on its unit sphere. */
    private static double[] shift(double[] x, double[] v, double h, int e) {
        double[] y = new double[x.length];
        for (int c = 0; c < x.length; c++) y[c] = x[c] + h * v[c];
        for (int j = 0; j < e; j++) {
            double r = norm(y, j);
            for (int c = 0; c < 3; c++) y[3 * j + c] /= r;
        }
        return y;
    }

    /** Gram–Schmidt of the unit vectors against f: an orthonormal basis of the complement of f. */
    static double[][] complement(double[] f) {
        int n = f.length;
        List<double[]> vs = new ArrayList<>();
        double fn = Math.sqrt(dot(f, f));
        double[] u0 = f.clone();
        for (int i = 0; i < n; i++) u0[i] /= fn;
        vs.add(u0);
        // the unit vectors least aligned with f first
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(u0[a]), Math.abs(u0[b])));
        for (int k = 0; k < n && vs.size() < n; k++) {
            double[] v = new double[n];
            v[order[k]] = 1;
            for (double[] u : vs) { double d = dot(u, v); for (int i = 0; i < n; i++) v[i] -= d * u[i]; }
            double vn = Math.sqrt(dot(v, v));
            if (vn < 1e-8) continue;
            for (int i = 0; i < n; i++) v[i] /= vn;
            vs.add(v);
        }
        return vs.subList(1, vs.size()).toArray(new double[0][]);
    }

    private static double dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }

    /** The state after time {@code t} from the product of coherent states pointing along x. */
    private static double[] advance(DynamicsSolver solver, Model model, Map<String, Double> params, List<String> names, double[] x, double t) {
        List<double[]> rows = states(solver, model, params, names, x, t, t);
        return rows.get(rows.size() - 1);
    }

    /** The states on the grid 0, h, 2h, ..., t from the product of coherent states pointing along x. */
    private static List<double[]> states(DynamicsSolver solver, Model model, Map<String, Double> params, List<String> names, double[] x, double t, double h) {
        int e = model.ensembles();
        List<InitialState.SpinState> spins = new ArrayList<>();
        for (int j = 0; j < e; j++) {
            double r = norm(x, j);
            spins.add(new InitialState.SpinState(Math.acos(Math.max(-1, Math.min(1, x[3 * j + 2] / r))), Math.atan2(x[3 * j + 1], x[3 * j])));
        }
        Trajectory tr = solver.evolve(model, params, new InitialState(spins, null), t, h);
        if (!tr.complete()) throw new NumericalException("Floquet multipliers: the run over one period failed: " + tr.failure());
        int[] cols = new int[names.size()];
        for (int c = 0; c < cols.length; c++) cols[c] = tr.column(names.get(c));
        List<double[]> out = new ArrayList<>();
        for (double[] row : tr.rows()) {
            double[] y = new double[cols.length];
            for (int c = 0; c < cols.length; c++) y[c] = row[cols[c]];
            out.add(y);
        }
        return out;
    }
}
