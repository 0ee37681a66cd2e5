package cumulus.solvers.ode;

import cumulus.api.Schedule;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Dormand–Prince 8(5,3) step of a linear system as its stability polynomial: the polynomials are the method's, the
 * solution is the exact exponential, the steps and samples are those of the stage-based library integrator.
 */
class LinearDormandPrinceTest {
    private static final Evolution.Budget BUDGET = new Evolution.Budget(1_000_000, 10);

    @Test
    void theStepPolynomialIsTaylorToOrderEightAndTheEstimatesVanishBelowTheirOrders() {
        double fact = 1;
        for (int k = 0; k <= 8; k++) {
            if (k > 0) fact *= k;
            assertEquals(1 / fact, LinearDormandPrince.R[k], 1e-15 / fact, "R_" + k);
        }
        // beyond the order the polynomial is the method's own (not the exponential's)
        assertTrue(Math.abs(LinearDormandPrince.R[9] * 362880 - 1) > 1e-3);
        for (int k = 0; k <= 5; k++) assertEquals(0, LinearDormandPrince.E5[k], "E5_" + k);
        for (int k = 0; k <= 3; k++) assertEquals(0, LinearDormandPrince.E3[k], "E3_" + k);
        assertNotEquals(0, LinearDormandPrince.E5[6]);
        assertNotEquals(0, LinearDormandPrince.E3[4]);
    }

    /** Damped rotations at frequencies up to 800 (a stiff, oscillatory spectrum), solved exactly, on 1 and 2 threads. */
    @Test
    void dampedRotationsFollowTheirExponential() {
        int pairs = 12_000;   // 24,000 unknowns: above the size where the products are split over two threads
        double[] w = new double[pairs], g = new double[pairs];
        Random r = new Random(3);
        for (int p = 0; p < pairs; p++) { w[p] = 800 * r.nextDouble(); g[p] = 5 * r.nextDouble() * r.nextDouble(); }
        DMatrixSparseCSC l = rotations(w, g, 0);
        double[] y0 = new double[2 * pairs];
        for (int i = 0; i < y0.length; i++) y0[i] = r.nextDouble() - 0.5;
        for (int threads = 1; threads <= 2; threads++) {
            List<double[]> got = new ArrayList<>();
            Evolution.Outcome o = LinearDormandPrince.run(Schedule.constant(0.3), k -> l, y0, 0.1, new Evolution.Tolerances(1e-10, 1e-12), BUDGET,
                    (t, y) -> got.add(prepend(t, y)), threads);
            assertTrue(o.complete(), o.failure());
            assertEquals(4, got.size(), "t = 0, 0.1, 0.2, 0.3");
            double worst = 0;
            for (double[] s : got) {
                double t = s[0];
                for (int p = 0; p < pairs; p++) {
                    double e = Math.exp(-g[p] * t), c = Math.cos(w[p] * t), sn = Math.sin(w[p] * t);
                    double x = e * (c * y0[2 * p] + sn * y0[2 * p + 1]), v = e * (-sn * y0[2 * p] + c * y0[2 * p + 1]);
                    worst = Math.max(worst, Math.max(Math.abs(x - s[1 + 2 * p]), Math.abs(v - s[2 + 2 * p])));
                }
            }
            // the method's global error at rtol 1e-10 over up to 240 radians (the stage-based integrator: 4.64e-9)
            assertTrue(worst < 1e-8, threads + " thread(s): max |error| " + worst);
        }
    }

    /** The same steps as the stage-based integrator, on a piecewise-constant schedule (the generator jumps at t = 1). */
    @Test
    void samplesEqualTheStageBasedIntegratorsOnAPiecewiseSchedule() {
        Random r = new Random(11);
        int n = 60;
        DMatrixSparseCSC a = randomStable(n, r, 1.0), b = randomStable(n, r, 3.0);
        List<DMatrixSparseCSC> gens = List.of(a, b);
        List<Schedule.Span> spans = List.of(new Schedule.Span(0, 1, 0), new Schedule.Span(1, 1.7, 1), new Schedule.Span(1.7, 2.5, 0));
        double[] y0 = new double[n];
        for (int i = 0; i < n; i++) y0[i] = r.nextDouble();
        Evolution.Tolerances tol = new Evolution.Tolerances(1e-12, 1e-14);
        List<double[]> lean = new ArrayList<>(), stages = new ArrayList<>();
        assertTrue(LinearDormandPrince.run(spans, gens::get, y0, 0.25, tol, BUDGET, (t, y) -> lean.add(prepend(t, y)), 1).complete());
        assertTrue(Evolution.run(spans, k -> (t, y, dy) -> cumulus.solvers.space.SparseOps.multiply(gens.get(k), y, dy), y0, 0.25, tol, BUDGET,
                (t, y) -> stages.add(prepend(t, y))).complete());
        assertEquals(11, lean.size());
        assertEquals(stages.size(), lean.size());
        for (int s = 0; s < lean.size(); s++) {
            assertEquals(stages.get(s)[0], lean.get(s)[0], 1e-12, "sample time");
            for (int i = 1; i <= n; i++) assertEquals(stages.get(s)[i], lean.get(s)[i], 1e-10, "t = " + lean.get(s)[0] + ", y_" + (i - 1));
        }
    }

    @Test
    void growthStopsAsDivergenceAndKeepsTheSamples() {
        DMatrixSparseCSC l = rotations(new double[]{0}, new double[]{-1}, 0);   // y' = +y
        List<Double> times = new ArrayList<>();
        Evolution.Outcome o = LinearDormandPrince.run(Schedule.constant(100), k -> l, new double[]{1, 0}, 1, new Evolution.Tolerances(1e-10, 1e-12),
                new Evolution.Budget(100_000, 1e10), (t, y) -> times.add(t), 1);
        assertFalse(o.complete());
        assertTrue(o.failure().startsWith("solution diverged at t = "), o.failure());
        assertEquals(Math.log(1e10), o.reached(), 1.0);
        assertEquals((int) Math.floor(o.reached()) + 1, times.size(), times.toString());
    }

    @Test
    void aStepBudgetEndsTheRunWithItsReason() {
        DMatrixSparseCSC l = rotations(new double[]{1e4}, new double[]{0}, 0);
        Evolution.Outcome o = LinearDormandPrince.run(Schedule.constant(100), k -> l, new double[]{1, 0}, 1, new Evolution.Tolerances(1e-10, 1e-12),
                new Evolution.Budget(200, 10), (t, y) -> { }, 1);
        assertFalse(o.complete());
        assertTrue(o.failure().contains("steps"), o.failure());
        assertTrue(o.reached() < 100);
    }

    private static double[] prepend(double t, double[] y) {
        double[] s = new double[y.length + 1];
        s[0] = t;
        System.arraycopy(y, 0, s, 1, y.length);
        return s;
    }

    /** ⊕_p [[−g_p, w_p], [−w_p, −g_p]] (+ shift on the diagonal). */
    private static DMatrixSparseCSC rotations(double[] w, double[] g, double shift) {
        int n = 2 * w.length;
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, 4 * w.length);
        for (int p = 0; p < w.length; p++) {
            t.addItem(2 * p, 2 * p, -g[p] + shift);
            t.addItem(2 * p + 1, 2 * p + 1, -g[p] + shift);
            t.addItem(2 * p, 2 * p + 1, w[p]);
            t.addItem(2 * p + 1, 2 * p, -w[p]);
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    /** A sparse matrix with eigenvalues in the left half-plane: −d I + (a random antisymmetric part) + small noise. */
    private static DMatrixSparseCSC randomStable(int n, Random r, double scale) {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, 6 * n);
        for (int i = 0; i < n; i++) {
            t.addItem(i, i, -scale * (0.5 + r.nextDouble()));
            for (int q = 0; q < 2; q++) {
                int j = r.nextInt(n);
                if (j == i) continue;
                double v = scale * (r.nextDouble() - 0.5);
                t.addItem(i, j, v);
                t.addItem(j, i, -v + 0.05 * scale * (r.nextDouble() - 0.5));
            }
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }
}
