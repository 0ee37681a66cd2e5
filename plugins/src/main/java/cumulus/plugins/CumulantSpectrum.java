package cumulus.plugins;

import cumulus.api.Complex;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.PowerSpectrumResult;
import cumulus.api.Trajectory;
import cumulus.codegen.CompiledRhs;
import cumulus.codegen.RhsCompiler;
import cumulus.cumulant.CumulantDynamics;
import cumulus.symbolic.EquationSystem;
import org.apache.commons.math3.complex.ComplexField;
import org.apache.commons.math3.linear.Array2DRowFieldMatrix;
import org.apache.commons.math3.linear.ArrayFieldVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.FieldLUDecomposition;
import org.apache.commons.math3.linear.FieldMatrix;
import org.apache.commons.math3.linear.FieldVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * S_AB(ω) from the compiled second-order cumulant equations (method "cumulant2"), for A, B linear in the model's
 * observables O_i (m_i^a, m_i^±, x, p). The fixed point y* of the closed equations dy/dt = F(y) (means ⟨O_i⟩ and
 * symmetrized cumulants K_s) is reached by integration from the spin-down product state and polished by Newton's
 * method; the regression matrix is R = ∂F_mean/∂⟨O⟩ at y* with the cumulants held at their steady values (the
 * second-order closure of the regression equations: ⟨XY(τ)B⟩ − ⟨XY⟩⟨B⟩ ≈ ⟨X⟩C_Y(τ) + ⟨Y⟩C_X(τ)), so that the
 * connected correlations C_i(τ) = ⟨O_i(τ)B⟩ − ⟨O_i⟩⟨B⟩ obey dC/dτ = R C with
 * C_i(0) = K_s(O_i, B) + ⟨[O_i, B]⟩/2. Then, as for the exact route,
 * S_AB(ω) = −a·(R − iω)^{-1} c_B − b·(R + iω)^{-1} d_A with d_A,i = ⟨A O_i⟩ − ⟨A⟩⟨O_i⟩.
 * Commutators: [m^a, m^b] = (i/S) ε_abc m^c within one ensemble, [x, p] = i/N. Without a stable fixed point (a limit
 * cycle, closed orbits, or a marginal mode) the method refuses.
 */
final class CumulantSpectrum {
    private CumulantSpectrum() { }

    static PowerSpectrumResult spectrum(Model model, Map<String, Double> parameters, String a, String b, double[] omega) {
        long t0 = System.nanoTime();
        CumulantDynamics c2 = CumulantDynamics.cumulant2();
        EquationSystem sys = c2.system(model);
        List<String> u = sys.unknowns();
        List<String> obs = new ArrayList<>();
        for (Model.Observable o : model.observables()) obs.add(o.name());
        Complex[] ca = linear(model, obs, a, "--a"), cb = linear(model, obs, b, "--b");
        CompiledRhs f = RhsCompiler.compile(u, sys.parameters(), sys.rhs()).bind(parameters);
        double tEnd = 400;
        Trajectory tr = c2.evolve(model, parameters, InitialState.parse("down", model), tEnd, tEnd);
        if (!tr.complete()) throw new cumulus.api.NumericalException("cumulant2 power spectrum: the run to the fixed point failed: " + tr.failure());
        int n = u.size();
        double[] y = new double[n];
        for (int k = 0; k < n; k++) y[k] = tr.value(tr.rows().size() - 1, u.get(k));
        // Newton's method on F(y) = 0 with a central-difference Jacobian
        double res = norm(eval(f, y));
        for (int it = 0; it < 20 && res > 1e-13; it++) {
            RealMatrix j = jacobian(f, y);
            double[] step;
            try {
                step = new LUDecomposition(j).getSolver().solve(MatrixUtils.createRealVector(eval(f, y))).toArray();
            } catch (RuntimeException e) {
                break;
            }
            for (int k = 0; k < n; k++) y[k] -= step[k];
            res = norm(eval(f, y));
        }
        if (!(res < 1e-9))
            throw new ModelException(String.format(Locale.ROOT, "cumulant2 power spectrum: the second-order cumulant equations of %s have no fixed point "
                    + "reached from 'down' (|F| = %.2e after integration to t = %.0f and Newton): a limit cycle or closed orbits; use --method exact", model.name(), res, tEnd));
        RealMatrix jac = jacobian(f, y);
        // unstable: a growing mode of the full system (marginal ones come from conservation laws, e.g. the total spin)
        double maxFull = Double.NEGATIVE_INFINITY;
        for (double re : new EigenDecomposition(jac).getRealEigenvalues()) maxFull = Math.max(maxFull, re);
        if (maxFull > 1e-7)
            throw new ModelException(String.format(Locale.ROOT, "cumulant2 power spectrum: the fixed point of the second-order cumulant equations of %s is unstable "
                    + "(Jacobian eigenvalue with Re %.3g): no steady state to fluctuate about (limit cycle); use --method exact", model.name(), maxFull));
        int m = obs.size();
        int[] mi = new int[m];
        for (int i = 0; i < m; i++) mi[i] = u.indexOf(obs.get(i));
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++) for (int k = 0; k < m; k++) r[i][k] = jac.getEntry(mi[i], mi[k]);
        double maxRe = Double.NEGATIVE_INFINITY;
        for (double re : new EigenDecomposition(MatrixUtils.createRealMatrix(r)).getRealEigenvalues()) maxRe = Math.max(maxRe, re);
        if (!(maxRe < -1e-9))
            throw new ModelException(String.format(Locale.ROOT, "cumulant2 power spectrum: the regression matrix of %s at the cumulant fixed point has a mode that does not decay "
                    + "(largest Re of its eigenvalues %.3g): closed orbits or a marginal mode, S(omega) would not be finite; use --method exact", model.name(), maxRe));
        double s = parameters.getOrDefault("S", parameters.get("N") / 2.0), bigN = parameters.get("N");
        Complex[][] kns = new Complex[m][m];  // K_ns(O_i, O_k) = ⟨O_i O_k⟩ − ⟨O_i⟩⟨O_k⟩
        for (int i = 0; i < m; i++) for (int k = 0; k < m; k++) {
            double ks = cumulant(u, y, obs.get(i), obs.get(k));
            kns[i][k] = new Complex(ks, 0).plus(commutator(obs, y, mi, i, k, s, bigN).times(0.5));
        }
        Complex[] cB = new Complex[m], dA = new Complex[m];
        for (int i = 0; i < m; i++) {
            Complex x = Complex.ZERO, z = Complex.ZERO;
            for (int k = 0; k < m; k++) { x = x.plus(kns[i][k].times(cb[k])); z = z.plus(ca[k].times(kns[k][i])); }
            cB[i] = x;
            dA[i] = z;
        }
        boolean real = true;
        for (int k = 0; k < m; k++) real &= ca[k].minus(cb[k].conj()).abs() < 1e-15;
        double[] re = new double[omega.length], im = new double[omega.length];
        for (int w = 0; w < omega.length; w++) {
            Complex t1 = dot(ca, solve(r, -omega[w], cB)), t2 = dot(cb, solve(r, omega[w], dA));
            Complex sw = t1.plus(t2).times(-1);
            re[w] = sw.re();
            im[w] = real ? 0 : sw.im();
        }
        Complex meanA = Complex.ZERO, meanB = Complex.ZERO;
        for (int k = 0; k < m; k++) { meanA = meanA.plus(ca[k].times(y[mi[k]])); meanB = meanB.plus(cb[k].times(y[mi[k]])); }
        String method = String.format(Locale.ROOT, "cumulant2: regression matrix (%dx%d) of the means at the fixed point of the %d compiled second-order cumulant equations "
                + "(|F| = %.1e, slowest Jacobian rate %.4g), cumulants held at their steady values", m, m, n, res, -maxRe);
        return new PowerSpectrumResult(model.name(), parameters, a, b, omega.clone(), re, im, real, meanA, meanB, method,
                (System.nanoTime() - t0) / 1e9, tr.warnings(), List.of());
    }

    /** Coefficients of an observable spec over the model's observables: a name, m<i>+ = m_x + i m_y, m<i>- = m_x − i m_y. */
    static Complex[] linear(Model model, List<String> obs, String spec, String field) {
        Complex[] c = new Complex[obs.size()];
        java.util.Arrays.fill(c, Complex.ZERO);
        String t = spec == null ? "" : spec.trim();
        int i = obs.indexOf(t);
        if (i >= 0) { c[i] = Complex.ONE; return c; }
        if (t.matches("m\\d+[+-]")) {
            String e = t.substring(0, t.length() - 1);
            int x = obs.indexOf(e + "x"), y = obs.indexOf(e + "y");
            if (x >= 0 && y >= 0) {
                c[x] = Complex.ONE;
                c[y] = new Complex(0, t.endsWith("+") ? 1 : -1);
                return c;
            }
        }
        throw new ModelException(field + " '" + spec + "': the cumulant2 power spectrum takes one of the observables " + obs
                + " or m<i>+ / m<i>- (products need --method exact)");
    }

    private static double cumulant(List<String> u, double[] y, String p, String q) {
        int k = u.indexOf("K(" + p + "," + q + ")");
        if (k < 0) k = u.indexOf("K(" + q + "," + p + ")");
        if (k < 0) throw new ModelException("cumulant2 power spectrum: no unknown K(" + p + "," + q + ") in the second-order equations");
        return y[k];
    }

    /** ⟨[O_i, O_k]⟩. */
    private static Complex commutator(List<String> obs, double[] y, int[] mi, int i, int k, double s, double bigN) {
        String p = obs.get(i), q = obs.get(k);
        // [x_k, p_k] = i/N per mode (x, p for one mode; x1, p1, x2, p2, ... for several); modes commute
        if (p.matches("[xp]\\d*") && q.matches("[xp]\\d*") && p.charAt(0) != q.charAt(0) && p.substring(1).equals(q.substring(1)))
            return new Complex(0, (p.charAt(0) == 'x' ? 1 : -1) / bigN);
        if (p.matches("m\\d+[xyz]") && q.matches("m\\d+[xyz]") && p.substring(0, p.length() - 1).equals(q.substring(0, q.length() - 1))) {
            String e = p.substring(0, p.length() - 1);
            char a = p.charAt(p.length() - 1), b = q.charAt(q.length() - 1);
            if (a == b) return Complex.ZERO;
            String axes = "xyz";
            int ia = axes.indexOf(a), ib = axes.indexOf(b), ic = 3 - ia - ib;
            double sign = (ib - ia + 3) % 3 == 1 ? 1 : -1;   // ε_abc
            return new Complex(0, sign * y[mi[obs.indexOf(e + axes.charAt(ic))]] / s);
        }
        return Complex.ZERO;
    }

    /** (R + i·shift)^{-1} v for the small real R (commons-math LU over the complex field). */
    private static Complex[] solve(double[][] r, double shift, Complex[] v) {
        int m = v.length;
        FieldMatrix<org.apache.commons.math3.complex.Complex> a = new Array2DRowFieldMatrix<>(ComplexField.getInstance(), m, m);
        FieldVector<org.apache.commons.math3.complex.Complex> rhs = new ArrayFieldVector<>(ComplexField.getInstance(), m);
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) a.setEntry(i, k, new org.apache.commons.math3.complex.Complex(r[i][k], i == k ? shift : 0));
            rhs.setEntry(i, new org.apache.commons.math3.complex.Complex(v[i].re(), v[i].im()));
        }
        FieldVector<org.apache.commons.math3.complex.Complex> x = new FieldLUDecomposition<>(a).getSolver().solve(rhs);
        Complex[] out = new Complex[m];
        for (int i = 0; i < m; i++) out[i] = new Complex(x.getEntry(i).getReal(), x.getEntry(i).getImaginary());
        return out;
    }

    private static Complex dot(Complex[] a, Complex[] b) {
        Complex s = Complex.ZERO;
        for (int i = 0; i < a.length; i++) s = s.plus(a[i].times(b[i]));
        return s;
    }

    private static double[] eval(CompiledRhs f, double[] y) {
        double[] dy = new double[y.length];
        f.rhs(0, y, dy);
        return dy;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s = Math.max(s, Math.abs(x));
        return s;
    }

    private static RealMatrix jacobian(CompiledRhs f, double[] y) {
        int n = y.length;
        RealMatrix j = MatrixUtils.createRealMatrix(n, n);
        for (int k = 0; k < n; k++) {
            double h = 1e-6 * Math.max(1e-3, Math.abs(y[k]));
            double[] yp = y.clone(), ym = y.clone();
            yp[k] += h;
            ym[k] -= h;
            double[] fp = eval(f, yp), fm = eval(f, ym);
            for (int i = 0; i < n; i++) j.setEntry(i, k, (fp[i] - fm[i]) / (2 * h));
        }
        return j;
    }
}
