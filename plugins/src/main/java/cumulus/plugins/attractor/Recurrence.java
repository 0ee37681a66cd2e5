package cumulus.plugins.attractor;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Recurrence of the full state: the smallest lag τ after which x(t − τ) ≈ x(t) at the end of the
 * window, for every component at once (a section of one observable cannot tell a period-2 orbit
 * from its half-period). Candidates are the local minima of the recurrence distance
 * D(τ) = max_j |x(t_j) − x(t_j − τ)| over eight reference times t_j spread over the last eighth
 * of the window, on the sample grid; each is refined by minimizing Σ_j |x(t_j) − x(t_j − τ)|² with
 * Brent's method on the interpolated state, and measured relative to the orbit's size over the
 * lag. A candidate is a period when that residual is at the integration floor, or when the
 * residual along the window (block maxima, each relative to the orbit's size in its block, so a
 * shrinking spiral does not pass) clearly falls (the orbit is still being approached; its rate is
 * the contraction rate). Lags up to half the window are searched.
 */
final class Recurrence {
    private Recurrence() { }

    /** Residual relative to the orbit size below which the state has returned. */
    static final double RETURNED = 1e-6;
    /** A refined residual below this is a near return worth following along the window. */
    static final double NEAR = 1e-2;

    /**
     * A lag that (nearly) returns the state: {@code residual} at the end of the window, its
     * exponential fall {@code rate} along the window (NaN when not followed), and whether the
     * fall is one clean exponential.
     */
    record Return(double period, double residual, double rate, double rateEarly, double rateLate, double span, boolean returned) {
        /**
         * Still approaching the return, clearly: the residual falls by e or more over the window,
         * in both halves, and not more slowly at the end (a fall that levels off may stop short);
         * or, after a transient that ends inside the window, by e or more over its second half.
         */
        boolean converging() {
            if (returned || !(residual < NEAR)) return false;
            boolean whole = rate > 0 && rate * span >= 1 && rateEarly > 0 && rateLate >= 0.8 * rateEarly;
            return whole || rateLate * span / 2 >= 1;
        }
    }

    /** The first lag that returns the state or converges to a return; otherwise the closest near return seen (or null). */
    static Return search(StateSeries s, int from) {
        int end = s.size() - 1;
        int n = end - from;
        int step = Math.max(1, n / 64);
        int[] ref = new int[8];
        for (int j = 0; j < 8; j++) ref[j] = end - j * step;
        int maxLag = (ref[7] - from);
        maxLag = Math.min(maxLag, n / 2);
        double size = Math.max(s.range(from, end + 1), 1e-300);
        double[] D = new double[maxLag + 1];
        for (int k = 1; k <= maxLag; k++) {
            double m = 0;
            for (int r : ref) m = Math.max(m, StateSeries.distance(s.state(r), s.state(r - k)));
            D[k] = m / size;
        }
        // skip the initial rise from D(0) = 0
        int k0 = 1;
        double dmax = 0;
        for (int k = 1; k <= maxLag; k++) dmax = Math.max(dmax, D[k]);
        while (k0 < maxLag && D[k0] < 0.1 * dmax) k0++;
        Return closest = null;
        int tried = 0;
        for (int k = Math.max(k0, 2); k < maxLag && tried < 40; k++) {
            if (!(D[k] <= D[k - 1] && D[k] <= D[k + 1] && D[k] < 0.05 + 2 * speed(s, ref[0]) * s.dt() / size)) continue;
            tried++;
            Return r = refine(s, ref, k, from);
            if (r == null) continue;
            if (r.returned() || r.converging()) return r;
            if (closest == null || r.residual() < closest.residual()) closest = r;
        }
        return closest;
    }

    private static double speed(StateSeries s, int i) {
        double[] v = s.velocity(i);
        double q = 0;
        for (double c : v) q += c * c;
        return Math.sqrt(q);
    }

    private static Return refine(StateSeries s, int[] ref, int k, int from) {
        double dt = s.dt();
        double[][] xr = new double[ref.length][];
        for (int j = 0; j < ref.length; j++) xr[j] = s.state(ref[j]);
        double lo = (k - 1) * dt, hi = (k + 1) * dt;
        var best = Brent.min(tau -> {
            double q = 0;
            for (int j = 0; j < ref.length; j++) {
                double[] y = s.at(s.time(ref[j]) - tau);
                for (int c = 0; c < y.length; c++) q += (y[c] - xr[j][c]) * (y[c] - xr[j][c]);
            }
            return q;
        }, lo, hi, k * dt);
        double tau = best.getPoint();
        int lagStart = ref[ref.length - 1] - k - 1;
        double size = Math.max(s.range(Math.max(0, lagStart), s.size()), 1e-300);
        double residual = Math.sqrt(best.getValue() / ref.length) / size;
        boolean returned = residual < RETURNED;
        if (residual >= NEAR) return null;
        if (returned) return new Return(tau, residual, Double.NaN, Double.NaN, Double.NaN, 0, true);
        // follow the residual along the window: its block maxima over blocks of at least one lag
        int blocks = Math.min(16, (s.size() - 1 - from - k) / Math.max(k, 1));
        if (blocks < 6) return new Return(tau, residual, Double.NaN, Double.NaN, Double.NaN, 0, false);
        int first = from + k, len = (s.size() - first) / blocks;
        double[][] pts = new double[blocks][];
        for (int b = 0; b < blocks; b++) {
            double m = 0;
            int at = first + b * len;
            for (int i = first + b * len; i < first + (b + 1) * len && i < s.size(); i++) {
                double dist = StateSeries.distance(s.state(i), s.at(s.time(i) - tau));
                if (dist > m) { m = dist; at = i; }
            }
            // relative to the orbit's size over this block: a spiral's residual shrinks with its size, a cycle's does not
            double local = Math.max(s.range(Math.max(0, first + b * len - k), Math.min(s.size(), first + (b + 1) * len)), 1e-300);
            pts[b] = new double[]{s.time(at), Math.log(Math.max(m / local, Double.MIN_NORMAL))};
        }
        return new Return(tau, residual, -slope(pts, 0, blocks), -slope(pts, 0, (blocks + 1) / 2), -slope(pts, blocks / 2, blocks), pts[blocks - 1][0] - pts[0][0], false);
    }

    private static double slope(double[][] pts, int from, int to) {
        SimpleRegression r = new SimpleRegression();
        for (int i = from; i < to; i++) r.addData(pts[i][0], pts[i][1]);
        return r.getSlope();
    }
}
