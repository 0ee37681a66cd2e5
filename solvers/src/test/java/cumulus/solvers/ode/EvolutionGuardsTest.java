package cumulus.solvers.ode;

import cumulus.api.Schedule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The evolution driver ends every run: exact samples when it can, the reason and the samples so far when it cannot. */
class EvolutionGuardsTest {
    private static final Evolution.Budget MOMENTS = new Evolution.Budget(100_000, 1e10);

    @Test
    void piecewiseHarmonicOscillatorIsSampledExactlyOnTheGrid() {
        // x'' = -w_k^2 x with w = 1 on [0, 1) and w = 3 on [1, 1.5), period 1.5; samples every 0.25 to t = 3
        double[] w = {1, 3};
        List<Schedule.Span> spans = new ArrayList<>();
        for (int n = 0; n < 2; n++) { spans.add(new Schedule.Span(1.5 * n, 1.5 * n + 1, 0)); spans.add(new Schedule.Span(1.5 * n + 1, 1.5 * n + 1.5, 1)); }
        List<double[]> got = new ArrayList<>();
        Evolution.Outcome end = Evolution.run(spans, k -> (t, y, dy) -> { dy[0] = y[1]; dy[1] = -w[k] * w[k] * y[0]; },
                new double[]{1, 0}, 0.25, MOMENTS, (t, y) -> got.add(new double[]{t, y[0], y[1]}));
        assertTrue(end.complete(), end.failure());
        assertEquals(13, got.size(), "t = 0, 0.25, ..., 3");
        for (double[] r : got) {
            double[] exact = exact(r[0], w);
            assertEquals(exact[0], r[1], 1e-9, "x at t = " + r[0]);
            assertEquals(exact[1], r[2], 1e-9, "v at t = " + r[0]);
        }
    }

    /** The analytic solution: rotate (x, v/w) through each constant stretch. */
    private static double[] exact(double t, double[] w) {
        double x = 1, v = 0, s = 0;
        while (s < t - 1e-15) {
            double cycle = s % 1.5, end = cycle < 1 - 1e-12 ? s - cycle + 1 : s - cycle + 1.5;
            double ww = cycle < 1 - 1e-12 ? w[0] : w[1], h = Math.min(t, end) - s;
            double nx = x * Math.cos(ww * h) + v / ww * Math.sin(ww * h), nv = -x * ww * Math.sin(ww * h) + v * Math.cos(ww * h);
            x = nx; v = nv; s += h;
        }
        return new double[]{x, v};
    }

    @Test
    void exponentialGrowthStopsAsDivergenceAndKeepsTheSamples() {
        List<Double> times = new ArrayList<>();
        Evolution.Outcome end = Evolution.run(Schedule.constant(100), k -> (t, y, dy) -> dy[0] = y[0], new double[]{1}, 1, MOMENTS,
                (t, y) -> times.add(t));
        assertFalse(end.complete());
        assertTrue(end.failure().startsWith("solution diverged at t = "), end.failure());
        // |y| = e^t passes 1e10 at t = ln(1e10) = 23.03: the samples up to t = 23 are kept
        assertEquals(Math.log(1e10), end.reached(), 0.5);
        assertEquals(24, times.size(), times.toString());
    }

    @Test
    void finiteTimeBlowUpNeverHangs() {
        // y' = y^2, y(0) = 1 blows up at t = 1: the step size collapses or the bound trips
        Evolution.Outcome end = Evolution.run(Schedule.constant(5), k -> (t, y, dy) -> dy[0] = y[0] * y[0], new double[]{1}, 0.5, MOMENTS, (t, y) -> { });
        assertFalse(end.complete());
        assertTrue(end.reached() < 1 && end.reached() > 0.99, "stopped just before t = 1: " + end.reached());
    }

    @Test
    void stiffProblemIsStoppedEarlyWithAnEstimateOfTheWork() {
        // a fast oscillation (w = 1e7) over t = 100 needs ~1e9 explicit steps: refused after a few thousand
        double w = 1e7;
        Evolution.Outcome end = Evolution.run(Schedule.constant(100), k -> (t, y, dy) -> { dy[0] = w * y[1]; dy[1] = -w * y[0]; },
                new double[]{1, 0}, 1, MOMENTS, (t, y) -> { });
        assertFalse(end.complete());
        assertTrue(end.failure().startsWith("too stiff at t = "), end.failure());
        assertTrue(end.steps() <= 2000, "stopped at the first work estimate, after " + end.steps() + " steps");
    }

    @Test
    void absurdHorizonIsRefusedWithTheNumberOfStepsItWouldNeed() {
        Evolution.Outcome end = Evolution.run(Schedule.constant(1e12), k -> (t, y, dy) -> { dy[0] = y[1]; dy[1] = -y[0]; },
                new double[]{1, 0}, 1e11, MOMENTS, (t, y) -> { });
        assertFalse(end.complete());
        assertTrue(end.failure().contains("would need more than") || end.failure().contains("more steps"), end.failure());
    }

    @Test
    void aNonFiniteInitialStateIsNotIntegrated() {
        List<Double> times = new ArrayList<>();
        Evolution.Outcome end = Evolution.run(Schedule.constant(1), k -> (t, y, dy) -> dy[0] = 0, new double[]{Double.NaN}, 0.1, MOMENTS, (t, y) -> times.add(t));
        assertFalse(end.complete());
        assertTrue(end.failure().contains("initial state"), end.failure());
        assertTrue(times.isEmpty());
    }
}
