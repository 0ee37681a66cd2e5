package cumulus.solvers;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * dρ/dt = L[ρ] (Eq. 1) on the real coordinates (piecewise-constant L for periodic schedules, Eq. 13), integrated with commons-math3's Dormand–Prince
 * 8(5,3) (rtol 1e-10, atol 1e-12), restarted on each output interval [t_k, t_{k+1}] so every
 * stored sample is an integration end point (no interpolation).
 */
public final class ExactDynamics {
    private ExactDynamics() { }

    public interface Sampler { void sample(double t, double[] x); }

    public static void integrate(Liouvillian l, double[] x0, double tEnd, double dt, Sampler out) {
        integratePiecewise(java.util.List.of(l), new double[]{Double.POSITIVE_INFINITY}, x0, tEnd, dt, out);
    }

    /**
     * Periodic piecewise-constant drive (Eq. 13): generator {@code gens[k]} during segment k of
     * length {@code durations[k]}, repeating; output intervals are split at segment boundaries.
     */
    public static void integratePiecewise(java.util.List<Liouvillian> gens, double[] durations, double[] x0, double tEnd, double dt, Sampler out) {
        if (!(dt > 0) || !(tEnd >= 0)) throw new cumulus.api.ModelException("need dt > 0 and t-end >= 0, got dt = " + dt + ", t-end = " + tEnd);
        final int[] seg = {0};
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            public int getDimension() { return gens.get(0).size(); }
            public void computeDerivatives(double t, double[] y, double[] yDot) { gens.get(seg[0]).apply(y, yDot); }
        };
        double period = 0;
        for (double d : durations) period += d;
        DormandPrince853Integrator ig = new DormandPrince853Integrator(1e-14, Math.max(dt, 1e-12), 1e-12, 1e-10);
        double[] x = x0.clone();
        long steps = Math.round(Math.floor(tEnd / dt + 1e-9));
        out.sample(0, x);
        double t = 0;
        for (long k = 1; k <= steps; k++) {
            double t1 = k * dt;
            while (t < t1) {
                double tt = t1;
                if (durations.length > 1) {
                    // segment containing the start of this stretch, and its end
                    double base = Math.floor(t / period) * period, acc = base;
                    int sgm = 0;
                    for (; sgm < durations.length; sgm++) {
                        if (t < acc + durations[sgm] - 1e-12 * period) break;
                        acc += durations[sgm];
                    }
                    if (sgm == durations.length) { sgm = 0; acc = base + period; }
                    seg[0] = sgm;
                    tt = Math.min(t1, acc + durations[sgm]);
                }
                if (tt - t > 1e-13 * Math.max(1, Math.abs(t))) ig.integrate(ode, t, x, tt, x);
                t = tt;
            }
            t = t1;
            out.sample(t, x);
        }
    }
}
