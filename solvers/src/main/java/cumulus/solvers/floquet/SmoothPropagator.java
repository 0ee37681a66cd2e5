package cumulus.solvers.floquet;

import cumulus.api.NumericalException;
import cumulus.api.Schedule;
import cumulus.solvers.SmoothGenerator;
import cumulus.solvers.ode.Evolution;

import java.util.List;

/**
 * The one-period map U_F = T exp(∫_0^T L(t) dt) of a smooth, time-ordered generator
 * ({@link SmoothGenerator}), applied matrix-free to one vector at a time: dx/dt = L(t) x is
 * integrated over each schedule segment by {@link Evolution}'s Dormand–Prince 8(5,3) with
 * error control at {@link Evolution.Tolerances#TIGHT} (rtol 1e-12, atol 1e-14), so that the
 * Arnoldi vectors of {@link LargestModulusEigen} see U_F to about 1e-11. A product of segment
 * exponentials ({@link ExpmAction}) would need L constant on each segment, which a drive in t
 * is not.
 */
public final class SmoothPropagator implements LinearMap {
    private final SmoothGenerator generator;
    private final double[] durations;

    public SmoothPropagator(SmoothGenerator generator, double[] durations) {
        this.generator = generator;
        this.durations = durations.clone();
    }

    @Override public void apply(double[] in, double[] out) {
        double[] x = in;
        double start = 0;
        for (int k = 0; k < durations.length; k++) {
            if (durations[k] > 0) x = propagate(x, k, start, start + durations[k]);
            start += durations[k];
        }
        System.arraycopy(x, 0, out, 0, out.length);
    }

    /** x(t1) from x(t0) = x, both inside schedule segment {@code segment} (t measured from the start of the period). */
    public double[] propagate(double[] x, int segment, double t0, double t1) {
        double length = t1 - t0;
        double[][] last = {x};
        long cost = 0;
        for (var m : generator.matrices()) cost += m.nz_length;
        Evolution.Budget budget = new Evolution.Budget(Evolution.Budget.densityMatrix(cost).maxSteps(), 1e6 * Math.max(1, max(x)));
        Evolution.Outcome o = Evolution.run(List.of(new Schedule.Span(0, length, 0)),
                k -> (t, y, dy) -> generator.derivative(segment, t0 + t, y, dy), x, length, Evolution.Tolerances.TIGHT, budget,
                (t, y) -> last[0] = y);
        if (!o.complete()) throw new NumericalException("Floquet map of the smooth drive, segment " + (segment + 1) + ": " + o.failure());
        return last[0];
    }

    private static double max(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        return m;
    }
}
