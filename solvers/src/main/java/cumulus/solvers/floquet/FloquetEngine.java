package cumulus.solvers.floquet;

import cumulus.api.Complex;
import cumulus.api.FloquetResult;
import cumulus.api.FloquetSolver;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Schedule;
import cumulus.solvers.ExactEngine;
import cumulus.solvers.SmoothGenerator;
import cumulus.solvers.Spaces;
import cumulus.solvers.StateRows;
import cumulus.api.InitialState;
import cumulus.api.Trajectory;
import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.Moments;
import cumulus.solvers.space.SymmetryBlocks;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.ops.DConvertMatrixStruct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Floquet multipliers of a piecewise-constant periodic Lindbladian (Eq. 14):
 * U_F = exp(T_K L_K) ⋯ exp(T_1 L_1), L_k the real Liouvillian during segment k. The coordinates
 * split into invariant blocks ({@link SymmetryBlocks}); per block, U_F is either formed densely
 * (block size ≤ {@link #DENSE_LIMIT}) and diagonalised, or applied matrix-free
 * ({@link ExpmAction} per segment) inside Arnoldi ({@link LargestModulusEigen}), so that no dense
 * D²×D² matrix is formed for large D. The Floquet steady state is the μ = 1 eigenvector.
 */
public final class FloquetEngine implements FloquetSolver {
    public static final int DENSE_LIMIT = 500;
    public static final double FOCK_TOLERANCE = 1e-6;

    /** How U_F is handled: by size, always dense, or always matrix-free. */
    public enum Route { AUTO, DENSE, MATRIX_FREE }

    private final Route route;

    public FloquetEngine() { this(Route.AUTO); }

    public FloquetEngine(Route route) { this.route = route; }

    /**
     * The one-period problem on one space: per segment its duration and generator, or, for
     * coefficients that depend on t, the smooth generator L(t) ({@link SmoothGenerator}; then
     * {@code generators} are its constant parts, which the symmetry blocks must respect).
     */
    public record Periodic(double[] durations, List<DMatrixSparseCSC> generators, LiouvillianSpace space, List<String> warnings,
                           SmoothGenerator smooth) {
        public double period() {
            double p = 0;
            for (double d : durations) p += d;
            return p;
        }

        /** U_F on the coordinates {@code idx} of an invariant block (all coordinates for null), applied matrix-free. */
        public LinearMap map(int[] idx) {
            if (smooth != null) return new SmoothPropagator(idx == null ? smooth : smooth.restrict(idx), durations);
            return oneperiod(idx == null ? generators : generators.stream().map(m -> SymmetryBlocks.restrict(m, idx)).toList(), durations);
        }
    }

    public static Periodic assemble(Model model, Map<String, Double> parameters) {
        Schedule s = model.schedule();
        if (s == null && model.dependsOnTime())
            throw new ModelException("model " + model.name() + " depends on t but has no schedule: the Floquet map needs the drive's period; "
                    + "add a one-segment schedule '- {duration: T, set: {on: 1}}' whose duration is the period of the drive");
        if (s == null) throw new ModelException("model " + model.name() + " has no periodic schedule: floquet needs a periodic model such as dicke-floquet or kerr-floquet (use 'cumulus spectrum' for a time-independent one)");
        double[] durations = s.durations(parameters);
        if (model.dependsOnTime()) {
            double period = 0;
            for (double d : durations) period += d;
            SmoothGenerator g = SmoothGenerator.of(model, parameters, period);
            List<String> warnings = new ArrayList<>(g.space().warnings());
            for (String w : g.warnings()) if (!warnings.contains(w)) warnings.add(w);
            return new Periodic(durations, g.matrices(), g.space(), warnings, g);
        }
        LiouvillianSpace space = Spaces.of(model, parameters);
        List<String> warnings = new ArrayList<>(space.warnings());
        List<DMatrixSparseCSC> gens = ExactEngine.generators(space, parameters, warnings);
        return new Periodic(durations, gens, space, warnings, null);
    }

    @Override
    public FloquetResult floquet(Model model, Map<String, Double> parameters, int count) {
        long t0 = System.nanoTime();
        Periodic p = assemble(model, parameters);
        List<DMatrixSparseCSC> mats = p.generators();
        List<int[]> blocks = SymmetryBlocks.of(mats);
        LiouvillianSpace space = p.space();
        double[] traceRow = space.traceFunctional();
        int nWanted = Math.max(count, 2);
        List<Candidate> all = new ArrayList<>();
        List<String> routes = new ArrayList<>();
        // blocks are independent: solve them concurrently (2 cores here)
        List<List<Candidate>> perBlock = blocks.parallelStream().map(idx -> {
            boolean dense = useDense(idx.length, p.smooth() != null);
            int want = Math.min(idx.length, nWanted + 1);
            List<LargestModulusEigen.Pair> pairs;
            if (p.smooth() != null) {
                // each application integrates L(t) over a period: long for large blocks, so say how far it is
                cumulus.solvers.sparse.Stage stage = new cumulus.solvers.sparse.Stage("Floquet map of the smooth drive, block of " + idx.length + (dense ? " (dense)" : " (Arnoldi)"));
                LinearMap u = p.map(idx);
                int[] applied = {0};
                LinearMap counted = (in, out) -> {
                    u.apply(in, out);
                    applied[0]++;
                    stage.update(dense ? applied[0] / (double) idx.length : Double.NaN, applied[0] + " one-period propagations");
                };
                pairs = dense ? denseBlock(counted, idx.length, want) : matrixFreeBlock(counted, idx.length, want);
                stage.done(applied[0] + " one-period propagations");
            }
            else {
                List<DMatrixSparseCSC> sub = mats.stream().map(m -> SymmetryBlocks.restrict(m, idx)).toList();
                pairs = dense ? denseBlock(sub, p.durations(), want) : matrixFreeBlock(p.map(idx), idx.length, want);
            }
            return pairs.stream().map(pr -> new Candidate(pr, idx)).toList();
        }).toList();
        for (List<Candidate> c : perBlock) all.addAll(c);
        for (int[] idx : blocks) routes.add((useDense(idx.length, p.smooth() != null) ? "dense" : "Arnoldi") + "(" + idx.length + ")");
        all.sort(Comparator.comparingDouble((Candidate c) -> -c.pair().value().abs()).thenComparingDouble(c -> -c.pair().value().im()));
        List<Complex> mus = new ArrayList<>();
        for (int i = 0; i < Math.min(count, all.size()); i++) mus.add(all.get(i).pair().value());

        // Floquet steady state: the real multiplier closest to 1 whose vector has a trace
        Candidate steady = null;
        for (Candidate c : all) {
            if (c.pair().vector() == null) continue;
            if (steady == null || c.pair().value().minus(Complex.ONE).abs() < steady.pair().value().minus(Complex.ONE).abs()) {
                double[] full = embed(c, traceRow.length);
                if (Math.abs(dot(traceRow, full)) > 1e-8) steady = c;
            }
        }
        List<String> warnings = new ArrayList<>(p.warnings());
        if (steady == null) throw new IllegalStateException("no Floquet steady state (multiplier 1 with non-zero trace) was found");
        if (steady.pair().value().minus(Complex.ONE).abs() > 1e-8)
            warnings.add("the multiplier of the Floquet steady state is " + steady.pair().value() + ", not 1: the map does not preserve the trace");
        double[] x = embed(steady, traceRow.length);
        double tr = dot(traceRow, x);
        for (int i = 0; i < x.length; i++) x[i] /= tr;
        Moments mo = space.moments();
        Moments.Values v = mo.evaluate(x);
        double top = space.topFock(x);
        ExactEngine.fockWarning(top, space.topFockMode(x), warnings);
        double gap = mus.size() > 1 ? 1 - mus.get(1).abs() : Double.NaN;
        // Truncation guard over the whole period, not only at t = nT: the squeezing segment pushes
        // the state up the Fock ladder and back (kerr-floquet, N = 80, cutoff 65: top population
        // 2e-15 at t = nT but ~1e-6 mid-period, and a Floquet gap 25x too large).
        double topOverPeriod = top;
        if (space.truncated()) topOverPeriod = Math.max(topOverPeriod, maxTopFockOverPeriod(p, x));
        if (space.truncated() && topOverPeriod > FOCK_TOLERANCE && top <= FOCK_TOLERANCE)
            warnings.add(String.format("top Fock state population reaches %.3g during the period (%.3g at t = nT): raise the cutoff, the Floquet gap is not converged", topOverPeriod, top));
        String method = space.description() + (p.smooth() != null
                ? ": U_F = time-ordered propagator of the smooth L(t) (Dormand-Prince 8(5,3), rtol 1e-12, applied to each vector); symmetry blocks "
                : ": U_F = product of segment exponentials; symmetry blocks ") + routes;
        return new FloquetResult(model.name(), parameters, space.dimension(), p.period(), mus, gap,
                mo.expectations(v), mo.cumulants(v), space.truncated() ? topOverPeriod : Double.NaN,
                method, (System.nanoTime() - t0) * 1e-9, warnings);
    }

    /** Largest top-Fock population of the Floquet steady state at 8 points inside every segment. */
    private static double maxTopFockOverPeriod(Periodic p, double[] x0) {
        double[] x = x0.clone();
        double top = 0;
        if (p.smooth() != null) {
            SmoothPropagator u = new SmoothPropagator(p.smooth(), p.durations());
            double start = 0;
            for (int k = 0; k < p.durations().length; k++) {
                for (int i = 0; i < 8; i++) {
                    x = u.propagate(x, k, start + p.durations()[k] * i / 8, start + p.durations()[k] * (i + 1) / 8);
                    top = Math.max(top, p.space().topFock(x));
                }
                start += p.durations()[k];
            }
            return top;
        }
        for (int k = 0; k < p.generators().size(); k++) {
            ExpmAction step = new ExpmAction(p.generators().get(k), p.durations()[k] / 8);
            for (int i = 0; i < 8; i++) {
                step.apply(x, x);
                top = Math.max(top, p.space().topFock(x));
            }
        }
        return top;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Override public String method() { return "exact"; }

    /** x(nT) = U_F^n x(0), U_F applied matrix-free ({@link #oneperiod}). */
    @Override
    public Trajectory stroboscopic(Model model, Map<String, Double> parameters, InitialState initial, int periods) {
        if (periods < 1) throw new ModelException("the number of periods must be at least 1, got " + periods);
        Periodic p = assemble(model, parameters);
        List<String> warnings = new ArrayList<>(p.warnings());
        LinearMap uf = p.map(null);
        double[] x = p.space().initialState(initial, warnings), y = new double[x.length];
        StateRows rows = new StateRows(p.space());
        for (int n = 0; n <= periods; n++) {
            rows.add(n * p.period(), x);
            if (n < periods) {
                uf.apply(x, y);
                double[] t = x; x = y; y = t;
            }
        }
        ExactEngine.fockWarning(rows.maxTopFock(), rows.maxTopFockMode(), warnings);
        return new Trajectory(rows.columns(), rows.rows(), warnings);
    }

    private boolean useDense(int size) { return route == Route.DENSE || (route == Route.AUTO && size <= DENSE_LIMIT); }

    /**
     * A smooth drive forms U_F densely only for small blocks: each column costs a whole one-period
     * integration, while Arnoldi needs a few dozen (N = 20, 441 unknowns: 441 against ~20).
     */
    private boolean useDense(int size, boolean smooth) { return smooth ? route == Route.DENSE || (route == Route.AUTO && size <= SMOOTH_DENSE_LIMIT) : useDense(size); }

    /** Largest block whose U_F is formed column by column for a smooth drive (AUTO route). */
    public static final int SMOOTH_DENSE_LIMIT = 64;

    private record Candidate(LargestModulusEigen.Pair pair, int[] idx) { }

    private static double[] embed(Candidate c, int n) {
        double[] full = new double[n];
        double[] v = c.pair().vector();
        for (int i = 0; i < c.idx().length; i++) full[c.idx()[i]] = v[i];
        return full;
    }

    /** U_F applied matrix-free: exp(T_1 L_1) first. */
    public static LinearMap oneperiod(List<DMatrixSparseCSC> generators, double[] durations) {
        List<ExpmAction> steps = new ArrayList<>();
        for (int k = 0; k < durations.length; k++) steps.add(new ExpmAction(generators.get(k), durations[k]));
        return (in, out) -> {
            System.arraycopy(in, 0, out, 0, in.length);
            for (ExpmAction e : steps) e.apply(out, out);
        };
    }

    private static List<LargestModulusEigen.Pair> matrixFreeBlock(LinearMap uf, int n, int want) {
        return LargestModulusEigen.compute(uf, n, want, 1e-12, 600, null);
    }

    /** U_F formed column by column from its action on the unit vectors (a smooth L(t) has no segment exponentials). */
    private static List<LargestModulusEigen.Pair> denseBlock(LinearMap uf, int n, int want) {
        DMatrixRMaj u = new DMatrixRMaj(n, n);
        double[] e = new double[n], col = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            uf.apply(e, col);
            e[j] = 0;
            for (int i = 0; i < n; i++) u.set(i, j, col[i]);
        }
        return eigenpairs(u, want);
    }

    private static List<LargestModulusEigen.Pair> denseBlock(List<DMatrixSparseCSC> gens, double[] durations, int want) {
        int n = gens.get(0).numRows;
        DMatrixRMaj u = CommonOps_DDRM.identity(n), tmp = new DMatrixRMaj(n, n);
        for (int k = 0; k < durations.length; k++) {
            DMatrixRMaj a = DConvertMatrixStruct.convert(gens.get(k), (DMatrixRMaj) null);
            CommonOps_DDRM.mult(DenseExpm.expm(a, durations[k]), u, tmp);
            DMatrixRMaj sw = u; u = tmp; tmp = sw;
        }
        return eigenpairs(u, want);
    }

    /** The {@code want} eigenvalues of largest modulus of a dense U_F, with eigenvectors for the real ones. */
    private static List<LargestModulusEigen.Pair> eigenpairs(DMatrixRMaj u, int want) {
        int n = u.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(u.copy())) throw new IllegalStateException("dense eigen-decomposition of U_F failed");
        List<Complex> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Complex_F64 z = eig.getEigenvalue(i);
            values.add(new Complex(z.real, z.imaginary));
        }
        values.sort(Comparator.comparingDouble((Complex q) -> -q.abs()).thenComparingDouble(q -> -q.im()));
        List<LargestModulusEigen.Pair> out = new ArrayList<>();
        for (Complex z : values.subList(0, Math.min(want, n))) {
            double[] vec = Math.abs(z.im()) <= 1e-13 ? realEigenvector(u, z.re()) : null;
            out.add(new LargestModulusEigen.Pair(z, 0, vec));
        }
        return out;
    }

    /** Eigenvector of a real eigenvalue μ by inverse iteration on U − (μ + δ)I (three solves). */
    private static double[] realEigenvector(DMatrixRMaj u, double mu) {
        int n = u.numRows;
        DMatrixRMaj a = u.copy();
        for (int i = 0; i < n; i++) a.add(i, i, -(mu + 1e-12 * Math.max(1, Math.abs(mu))));
        var lu = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.lu(n);
        if (!lu.setA(a)) return null;
        DMatrixRMaj x = new DMatrixRMaj(n, 1), y = new DMatrixRMaj(n, 1);
        java.util.Arrays.fill(x.data, 1);
        for (int it = 0; it < 3; it++) {
            lu.solve(x, y);
            double m = org.ejml.dense.row.NormOps_DDRM.normPInf(y);
            if (!(m > 0) || !Double.isFinite(m)) return null;
            CommonOps_DDRM.scale(1 / m, y, x);
        }
        return x.data.clone();
    }
}
