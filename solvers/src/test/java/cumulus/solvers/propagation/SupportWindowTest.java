package cumulus.solvers.propagation;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Schedule;
import cumulus.models.Btc;
import cumulus.solvers.Refs;
import cumulus.solvers.Spaces;
import cumulus.solvers.ode.Evolution;
import cumulus.solvers.ode.LinearDormandPrince;
import cumulus.solvers.ode.SupportWindow;
import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.HermitianBasis;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The explicit driver on the state's support ({@link SupportWindow}) against the same driver on every coordinate: btc
 * from "up" is a spin coherent state, localised in the Dicke basis, and its evolution on the window is the full one.
 */
class SupportWindowTest {
    private static final Model BTC = new Btc().model();

    private record Runs(List<double[]> full, List<double[]> windowed, SupportWindow window, int n) { }

    private static Runs btc(int n, double tEnd, double dt, double bound, Evolution.Tolerances tol) {
        LiouvillianSpace space = Spaces.of(BTC, Refs.params(BTC, "N", n, "omega_x", 2));
        DMatrixSparseCSC l = space.generator(space.values());
        double[] x0 = space.initialState(InitialState.parse("up", BTC), new ArrayList<>());
        List<Schedule.Span> spans = Schedule.constant(tEnd);
        Evolution.Budget budget = Evolution.Budget.densityMatrix(l.nz_length);
        List<double[]> full = new ArrayList<>(), windowed = new ArrayList<>();
        Evolution.Outcome a = LinearDormandPrince.run(spans, k -> l, x0, dt, tol, budget, (t, y) -> full.add(y), 2);
        SupportWindow w = new SupportWindow(space.traceNormWeights(), bound, tEnd);
        Evolution.Outcome b = LinearDormandPrince.run(spans, k -> l, x0, dt, tol, budget, (t, y) -> windowed.add(y), 2, w);
        assertTrue(a.complete() && b.complete(), a.failure() + " / " + b.failure());
        assertEquals(full.size(), windowed.size());
        return new Runs(full, windowed, w, l.numRows);
    }

    private static double worstDistance(Runs r) {
        double worst = 0;
        for (int j = 0; j < r.full().size(); j++) {
            double e = 0;
            for (int i = 0; i < r.n(); i++) e += Math.pow(r.full().get(j)[i] - r.windowed().get(j)[i], 2);
            worst = Math.max(worst, Math.sqrt(e));
        }
        return worst;
    }

    /**
     * With nothing dropped, a step on A dilated by the polynomial's 12 hops is the full step. From up (one entry of
     * 1) the first steps' outermost hops carry entries of ~1e-4, so a hop missing from the window would show; over
     * long runs the two runs' sums of the error norm differ in rounding order and can flip a step's acceptance, so
     * they are compared at tight step tolerances.
     */
    @Test
    void stepsOnTheDilatedSupportAreTheFullSteps() {
        Runs first = btc(128, 0.02, 0.01, 0, Evolution.Tolerances.DEFAULT);
        assertTrue(first.window().windowedSteps() > 2, first.window().describe(first.n()));
        double d0 = worstDistance(first);
        assertTrue(d0 < 1e-14, "first steps: windowed and full states differ by " + d0);
        Runs r = btc(128, 4, 0.5, 0, new Evolution.Tolerances(1e-13, 1e-15));
        assertTrue(r.window().windowedSteps() > 100, r.window().describe(r.n()));
        // up is real: the support stays in the invariant half of the coordinates (ExactPropagation drops the other)
        assertTrue(r.window().meanRows() < 0.55 * r.n(), r.window().describe(r.n()));
        assertEquals(0, r.window().spent());
        double d = worstDistance(r);
        assertTrue(d < 1e-11, "windowed and full states differ by " + d);
    }

    /**
     * Dropping within a trace-norm budget moves the state by at most that budget (‖δρ‖_HS ≤ ‖δρ‖₁ and the evolution
     * contracts the trace norm); at tight step tolerances the difference of the two runs is the truncation alone.
     */
    @Test
    void droppedEntriesMoveTheStateByLessThanTheirTraceNormBound() {
        double bound = 1e-8;
        Runs r = btc(128, 4, 0.5, bound, new Evolution.Tolerances(1e-13, 1e-15));
        SupportWindow w = r.window();
        assertTrue(w.spent() > 0.1 * bound && w.spent() <= bound, "spent " + w.spent());
        Runs exact = btc(128, 4, 0.5, 0, Evolution.Tolerances.DEFAULT);
        assertTrue(w.meanRows() < 0.9 * exact.window().meanRows(), "dropping shrinks the window: " + w.describe(r.n()) + " vs " + exact.window().describe(r.n()));
        double d = worstDistance(r);
        assertTrue(d <= w.spent() + 1e-12, "distance " + d + " above the bound " + w.spent());
        // the bound itself is one on the trace norm, which the Hilbert-Schmidt distance understates by ~√(entries)
        HermitianBasis basis = new HermitianBasis(129);
        double worst = 0;
        for (int j = 0; j < r.full().size(); j++) worst = Math.max(worst, traceNorm(basis, r.full().get(j), r.windowed().get(j)));
        assertTrue(worst <= w.spent() + 1e-11, "trace distance " + worst + " above the bound " + w.spent());
    }

    /** ‖ρ_a − ρ_b‖₁: H = A + iB has the eigenvalues of the real symmetric [[A, −B], [B, A]], each twice. */
    private static double traceNorm(HermitianBasis basis, double[] a, double[] b) {
        double[] x = new double[a.length];
        for (int i = 0; i < x.length; i++) x[i] = a[i] - b[i];
        double[][][] h = basis.matrix(x);
        int d = basis.hilbertDimension();
        DMatrixRMaj m = new DMatrixRMaj(2 * d, 2 * d);
        for (int p = 0; p < d; p++)
            for (int q = 0; q < d; q++) {
                m.set(p, q, h[0][p][q]); m.set(p + d, q + d, h[0][p][q]);
                m.set(p, q + d, -h[1][p][q]); m.set(p + d, q, h[1][p][q]);
            }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * d, false, true);
        assertTrue(eig.decompose(m));
        double s = 0;
        for (int k = 0; k < 2 * d; k++) s += Math.abs(eig.getEigenvalue(k).real);
        return s / 2;
    }

    /** Through {@link ExactPropagation}: the space's trace norms switch it on, and the method says what it did. */
    @Test
    void exactPropagationFollowsTheSupportAndSaysSo() {
        LiouvillianSpace space = Spaces.of(BTC, Refs.params(BTC, "N", 200, "omega_x", 2));
        DMatrixSparseCSC l = space.generator(space.values());
        double[] x0 = space.initialState(InitialState.parse("up", BTC), new ArrayList<>());
        List<double[]> full = new ArrayList<>(), windowed = new ArrayList<>();
        ExactPropagation.Run a = ExactPropagation.run(ExactPropagation.Kind.EXPLICIT, Schedule.constant(1), List.of(l), space.gridDims(), List.of(x0), 0.5,
                ExactPropagation.DEFAULT_TOLERANCE, i -> (t, y) -> full.add(y));
        ExactPropagation.Run b = ExactPropagation.run(ExactPropagation.Kind.EXPLICIT, Schedule.constant(1), List.of(l), space.gridDims(), List.of(x0), 0.5,
                ExactPropagation.DEFAULT_TOLERANCE, i -> (t, y) -> windowed.add(y), space.traceNormWeights());
        assertTrue(a.outcome().complete() && b.outcome().complete());
        assertTrue(!a.method().contains("state's support") && b.method().contains("steps on the state's support"), b.method());
        for (int j = 0; j < full.size(); j++) {
            double e = 0;
            for (int i = 0; i < l.numRows; i++) e += Math.pow(full.get(j)[i] - windowed.get(j)[i], 2);
            assertTrue(Math.sqrt(e) <= ExactPropagation.DEFAULT_TOLERANCE / 10, "t = " + 0.5 * j + ": " + Math.sqrt(e));
        }
    }
}
