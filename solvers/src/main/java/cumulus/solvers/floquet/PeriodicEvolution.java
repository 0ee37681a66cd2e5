package cumulus.solvers.floquet;

import org.ejml.data.DMatrixSparseCSC;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact propagation of a piecewise-constant periodic Lindbladian: between consecutive sample
 * times and segment boundaries, x ← exp(τ L_k) x by {@link ExpmAction} (no time-stepping error
 * beyond the Taylor tolerance). Samples at t = 0, dt, 2dt, ... ≤ tEnd; with dt equal to the
 * period this is the stroboscopic map x(nT) = U_F^n x(0).
 */
public final class PeriodicEvolution {
    /** Receives each sample; {@code x} is reused, copy it to keep it. */
    public interface Sampler { void sample(double t, double[] x); }

    private PeriodicEvolution() { }

    public static void propagate(List<DMatrixSparseCSC> generators, double[] durations, double[] x0, double tEnd, double dt, Sampler out) {
        double period = 0;
        for (double d : durations) period += d;
        double[] x = x0.clone();
        Map<Long, ExpmAction> cache = new HashMap<>();
        long samples = (long) Math.floor(tEnd / dt + 1e-9);
        out.sample(0, x);
        double t = 0;
        int seg = 0;
        double segEnd = durations[0];
        for (long s = 1; s <= samples; s++) {
            double target = s * dt;
            while (t < target - 1e-12 * Math.max(1, target)) {
                double stop = Math.min(target, segEnd);
                double tau = stop - t;
                if (tau > 0) {
                    final int k = seg;
                    long key = ((long) k << 40) ^ Double.doubleToLongBits(tau);
                    cache.computeIfAbsent(key, q -> new ExpmAction(generators.get(k), tau)).apply(x, x);
                }
                t = stop;
                if (t >= segEnd - 1e-12 * Math.max(1, segEnd)) {
                    seg = (seg + 1) % durations.length;
                    segEnd += durations[seg];
                }
                if (cache.size() > 64) cache.clear();
            }
            t = target;
            out.sample(target, x);
        }
    }
}
