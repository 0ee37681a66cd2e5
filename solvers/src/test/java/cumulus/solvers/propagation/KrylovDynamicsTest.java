package cumulus.solvers.propagation;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Trajectory;
import cumulus.models.Btc;
import cumulus.models.Dephasing;
import cumulus.models.KerrFloquet;
import cumulus.solvers.ExactEngine;
import cumulus.solvers.Refs;
import cumulus.solvers.Spaces;
import cumulus.solvers.space.LiouvillianSpace;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shift-invert Krylov propagator against independent values: QuTiP 5.3.1 mesolve
 * (refs/dephasing_dynamics.csv, refs/btc_dynamics_N8.csv), the spectral decomposition
 * exp(tL) = V exp(tD) V^{-1} at small N, and the explicit driver on a piecewise-constant schedule.
 */
class KrylovDynamicsTest {
    private static final ExactEngine ENGINE = new ExactEngine();
    private static final double TOL = ExactPropagation.DEFAULT_TOLERANCE;

    private static Trajectory krylov(Model m, Map<String, Double> p, String init, double tEnd, double dt) {
        Trajectory tr = ENGINE.evolve(m, p, List.of(InitialState.parse(init, m)), tEnd, dt, TOL, ExactPropagation.Kind.KRYLOV);
        assertTrue(tr.complete(), tr.failure());
        assertTrue(tr.method().contains("shift-invert Krylov"), tr.method());
        return tr;
    }

    @Test
    void stiffDephasingMatchesMesolve() {
        Model m = new Dephasing().model();
        for (int n : new int[]{16, 32}) {
            Map<String, Double> p = Refs.params(m, "N", n, "gamma", 10);
            Trajectory tr = krylov(m, p, "coherent:0.7853981633974483,0", 10, n == 16 ? 0.5 : 1);
            int row = 0;
            for (Map<String, Double> r : Refs.read("dephasing_dynamics.csv")) {
                if (r.get("N") != n) continue;
                assertEquals(r.get("t"), tr.value(row, "t"), 1e-12);
                for (String c : List.of("m1x", "m1y", "m1z"))
                    assertEquals(r.get(c), tr.value(row, c), 1e-8, "N=" + n + " t=" + r.get("t") + " " + c);
                row++;
            }
            assertEquals(row, tr.rows().size());
        }
    }

    @Test
    void btcFromUpMatchesMesolve() {
        Model btc = new Btc().model();
        Trajectory tr = krylov(btc, Refs.params(btc, "N", 8, "omega_x", 2), "up", 20, 0.1);
        // up is real in the Dicke basis: only the invariant half that holds it evolves
        assertTrue(tr.method().contains("on the invariant block of 45 of 81 coordinates"), tr.method());
        List<Map<String, Double>> ref = Refs.read("btc_dynamics_N8.csv");
        assertEquals(ref.size(), tr.rows().size());
        for (int i = 0; i < ref.size(); i++)
            for (Map.Entry<String, Double> e : ref.get(i).entrySet())
                assertEquals(e.getValue(), tr.value(i, e.getKey()), 1e-8, "t=" + ref.get(i).get("t") + " " + e.getKey());
    }

    /** exp(tL) x0 = V exp(tD) V^{-1} x0 with commons-math's real block-diagonal D (2×2 blocks [[a, b], [−b, a]]). */
    @Test
    void krylovStateMatchesSpectralDecomposition() {
        spectralCheck(false);
    }

    /** The polynomial (Arnoldi on L) variant on the same stiff problem and the same stated tolerance. */
    @Test
    void arnoldiStateMatchesSpectralDecomposition() {
        spectralCheck(true);
    }

    private static void spectralCheck(boolean arnoldi) {
        Model m = new Dephasing().model();
        Map<String, Double> p = Refs.params(m, "N", 6, "gamma", 20, "omega_x", 1.3);
        LiouvillianSpace space = Spaces.of(m, p);
        DMatrixSparseCSC l = space.generator(space.values());
        int n = l.numRows;
        RealMatrix a = new Array2DRowRealMatrix(n, n);
        for (int c = 0; c < n; c++) for (int k = l.col_idx[c]; k < l.col_idx[c + 1]; k++) a.setEntry(l.nz_rows[k], c, l.nz_values[k]);
        EigenDecomposition ed = new EigenDecomposition(a);
        RealMatrix v = ed.getV(), d = ed.getD(), vinv = new LUDecomposition(v).getSolver().getInverse();
        double[] x0 = space.initialState(InitialState.parse("coherent:1.1,0.4", m), new ArrayList<>());
        double[] c0 = vinv.operate(x0);
        double dt = 0.25, tEnd = 5;
        List<double[]> states = new ArrayList<>();
        KrylovEvolution k = arnoldi ? KrylovEvolution.arnoldi(s -> l) : new KrylovEvolution(s -> l, dt / 10);
        KrylovEvolution.Result r = k.run(cumulus.api.Schedule.constant(tEnd), x0, dt, TOL, (t, y) -> states.add(y), null);
        assertTrue(r.outcome().complete(), r.outcome().failure());
        assertEquals(21, states.size());
        double worst = 0;
        for (int j = 0; j < states.size(); j++) {
            double t = j * dt;
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                if (i + 1 < n && d.getEntry(i, i + 1) != 0) {
                    double re = d.getEntry(i, i), im = d.getEntry(i, i + 1), e = Math.exp(re * t);
                    double cs = Math.cos(im * t), sn = Math.sin(im * t);
                    c[i] = e * (cs * c0[i] + sn * c0[i + 1]);
                    c[i + 1] = e * (-sn * c0[i] + cs * c0[i + 1]);
                    i++;
                } else c[i] = Math.exp(d.getEntry(i, i) * t) * c0[i];
            }
            double[] want = v.operate(c);
            double err = 0;
            for (int i = 0; i < n; i++) err += (want[i] - states.get(j)[i]) * (want[i] - states.get(j)[i]);
            worst = Math.max(worst, Math.sqrt(err));
        }
        // the stated meaning of the tolerance: 2-norm of the state's error (the decomposition itself is good to ~1e-12 here)
        assertTrue(worst <= TOL, (arnoldi ? "Arnoldi" : "shift-invert") + " state error " + worst);
        if (arnoldi) assertTrue(r.factorizations() == 1 && r.factorNonZeros() == 0, "no factorization: " + r);
    }

    /**
     * Dephasing from a coherent state in the x-z plane touches both invariant blocks (ρ → Uρ*U†): propagated as two
     * independent halves on two threads and summed, the state equals the explicit driver's on the whole space at
     * tight tolerance to the stated 2-norm tolerance (Krylov; 1e-8 for the explicit driver's local step control).
     */
    @Test
    void twoInvariantHalvesOnTwoThreadsSumToTheWholeEvolution() {
        Model m = new Dephasing().model();
        Map<String, Double> p = Refs.params(m, "N", 12, "gamma", 10);
        LiouvillianSpace space = Spaces.of(m, p);
        DMatrixSparseCSC l = space.generator(space.values());
        double[] x0 = space.initialState(InitialState.parse("coherent:0.7853981633974483,0", m), new ArrayList<>());
        List<cumulus.api.Schedule.Span> spans = cumulus.api.Schedule.constant(5);
        List<double[]> whole = new ArrayList<>();
        ExactPropagation.Run ref = ExactPropagation.run(ExactPropagation.Kind.EXPLICIT, spans, List.of(l), space.gridDims(), List.of(x0), 0.25,
                1e-12, i -> (t, y) -> whole.add(y), null, Integer.MAX_VALUE);
        assertTrue(ref.outcome().complete(), ref.outcome().failure());
        assertTrue(!ref.method().contains("invariant"), ref.method());
        for (ExactPropagation.Kind kind : List.of(ExactPropagation.Kind.KRYLOV, ExactPropagation.Kind.EXPLICIT)) {
            List<double[]> split = new ArrayList<>();
            List<Double> times = new ArrayList<>();
            ExactPropagation.Run r = ExactPropagation.run(kind, spans, List.of(l), space.gridDims(), List.of(x0), 0.25, TOL,
                    i -> (t, y) -> { split.add(y); times.add(t); }, null, 0);
            assertTrue(r.outcome().complete(), r.outcome().failure());
            assertTrue(r.method().contains("two groups of invariant blocks"), r.method());
            assertEquals(whole.size(), split.size());
            for (int j = 0; j < whole.size(); j++) {
                assertEquals(j * 0.25, times.get(j), 1e-12);
                double err = 0;
                for (int i = 0; i < x0.length; i++) err += Math.pow(whole.get(j)[i] - split.get(j)[i], 2);
                // Krylov: the stated 2-norm tolerance; explicit: local step tolerances (rtol 1e-10), 1e-8 globally
                double allowed = kind == ExactPropagation.Kind.KRYLOV ? TOL : 1e-8;
                assertTrue(Math.sqrt(err) <= allowed, kind + " t=" + times.get(j) + " state error " + Math.sqrt(err));
            }
        }
    }

    @Test
    void piecewiseConstantScheduleAgreesWithExplicitDriver() {
        Model kerr = new KerrFloquet().model();
        Map<String, Double> p = Refs.params(kerr, "N", 6);
        List<InitialState> init = List.of(InitialState.parse("boson-coherent:1.5", kerr));
        Trajectory kr = ENGINE.evolve(kerr, p, init, 6, 0.25, TOL, ExactPropagation.Kind.KRYLOV);
        Trajectory ex = ENGINE.evolve(kerr, p, init, 6, 0.25, 1e-11, ExactPropagation.Kind.EXPLICIT);
        assertTrue(kr.complete(), kr.failure());
        assertTrue(kr.method().contains("factorization"), kr.method());
        assertEquals(ex.rows().size(), kr.rows().size());
        for (int i = 0; i < ex.rows().size(); i++)
            for (int c = 1; c < ex.columns().size(); c++)
                assertEquals(ex.rows().get(i)[c], kr.rows().get(i)[c], 1e-8, "t=" + ex.rows().get(i)[0] + " " + ex.columns().get(c));
    }

    @Test
    void severalInitialStatesShareOneRunAndCarryAnInitialColumn() {
        Model m = new Dephasing().model();
        Map<String, Double> p = Refs.params(m, "N", 16, "gamma", 10);
        List<InitialState> two = List.of(InitialState.parse("up", m), InitialState.parse("coherent:0.7853981633974483,0", m));
        Trajectory tr = ENGINE.evolve(m, p, two, 10, 0.5, TOL, ExactPropagation.Kind.KRYLOV);
        assertEquals(List.of("t", "initial"), tr.columns().subList(0, 2));
        assertTrue(tr.method().contains("1 factorization(s)"), tr.method());
        assertEquals(42, tr.rows().size());
        Trajectory single = krylov(m, p, "coherent:0.7853981633974483,0", 10, 0.5);
        for (int i = 0; i < 21; i++) {
            assertEquals(1, tr.value(i, "initial"));
            assertEquals(2, tr.value(21 + i, "initial"));
            assertEquals(single.value(i, "m1z"), tr.value(21 + i, "m1z"), 1e-12);
        }
        assertEquals(1, tr.value(0, "m1z"), 1e-12);
    }

    @Test
    void autoKeepsTheExplicitDriverForMildProblemsAndTakesKrylovForStiffOnes() {
        Model btc = new Btc().model();
        Trajectory mild = ENGINE.evolve(btc, Refs.params(btc, "N", 8, "omega_x", 2), InitialState.parse("up", btc), 20, 0.1);
        assertTrue(mild.method().contains("explicit"), mild.method());
        assertTrue(!prefersKrylov(btc, Refs.params(btc, "N", 1024, "omega_x", 2), 20), "btc N = 1024 (oscillation-bound: Krylov measured far slower)");
        assertTrue(!prefersKrylov(btc, Refs.params(btc, "N", 64, "omega_x", 2), 20), "btc N = 64");
        Model m = new Dephasing().model();
        assertTrue(prefersKrylov(m, Refs.params(m, "N", 256, "gamma", 10), 50), "dephasing N = 256");
    }

    /** The cost model of the automatic choice (without running), for the benchmark problems. */
    private static boolean prefersKrylov(Model m, Map<String, Double> p, double tEnd) {
        LiouvillianSpace space = Spaces.of(m, p);
        DMatrixSparseCSC l = space.generator(space.values());
        int n = l.numRows;
        double norm1 = cumulus.solvers.space.SparseOps.norm1(l);
        long nnz = l.nz_length;
        return ExactPropagation.krylovSeconds(tEnd, 1, n, nnz, space.gridDims(), 1, ExactPropagation.oscillatoryRadius(l)) < ExactPropagation.explicitSeconds(tEnd, norm1, nnz);
    }
}
