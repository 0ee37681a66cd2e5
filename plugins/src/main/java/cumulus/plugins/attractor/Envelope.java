package cumulus.plugins.attractor;

import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The envelope of the distance d(t) = |x(t) − x̄| to the late-time mean x̄, and its exponential fit:
 * a spiral into a fixed point, however slow, has an envelope A·exp(−λt) whose logarithm is a
 * straight line with the same slope in both halves of the window; a periodic, quasi-periodic or
 * irregular motion has not. The envelope points are the largest local maximum of d in each of a
 * number of equal blocks (refined by Brent's method on the interpolated d), so an elliptic spiral's
 * points lie exactly on the exponential.
 */
final class Envelope {
    private Envelope() { }

    /** The exponential fit: rates of the whole window and of its halves, total fall λ·span, rms residual of ln d. */
    record Decay(double rate, double earlyRate, double lateRate, double fall, double residual, int points) {
        /** The envelope falls by at least 1%, as one exponential (halves agree to 10%, residual under 2% of the fall). */
        boolean exponential() {
            return points >= 6 && rate > 0 && fall >= 0.01 && Math.abs(earlyRate - lateRate) <= 0.1 * rate && residual <= 0.02 * fall;
        }

        /** Falling in both halves by clearly more than the scatter, but not (yet) as one exponential. */
        boolean falling() { return points >= 6 && earlyRate > 0 && lateRate > 0 && fall >= 0.05 && residual <= 0.25 * fall; }
    }

    /** Hann-weighted mean of the samples from..to−1: the window's edges do not bias it by a fraction of an oscillation. */
    static double[] lateMean(StateSeries s, int from, int to) {
        double[] m = new double[s.dimension()];
        double wsum = 0;
        int n = to - from;
        for (int i = from; i < to; i++) {
            double w = Math.pow(Math.sin(Math.PI * (i - from + 0.5) / n), 2);
            wsum += w;
            for (int k = 0; k < m.length; k++) m[k] += w * s.value(i, k);
        }
        for (int k = 0; k < m.length; k++) m[k] /= wsum;
        return m;
    }

    static double[] distances(StateSeries s, double[] centre) {
        double[] d = new double[s.size()];
        for (int i = 0; i < d.length; i++) d[i] = StateSeries.distance(s.state(i), centre);
        return d;
    }

    /**
     * How many blocks (at most 16, at least 6) the samples from..to−1 make when every block spans
     * 2.2 median gaps between local maxima of d — at least one full turn of a spiral, whose d peaks
     * twice a turn.
     */
    static int blocks(StateSeries s, double[] d, int from, int to) {
        List<Integer> gaps = new ArrayList<>();
        int last = -1;
        for (int i = Math.max(1, from); i + 1 < to; i++) {
            if (d[i] >= d[i - 1] && d[i] > d[i + 1]) {
                if (last >= 0) gaps.add(i - last);
                last = i;
            }
        }
        if (gaps.size() < 4) return 16;
        gaps.sort(null);
        double len = 2.2 * gaps.get(gaps.size() / 2);
        return (int) Math.max(6, Math.min(16, Math.floor((to - from) / len)));
    }

    /**
     * Envelope points (time, value) of the sampled quantity d over samples from..to−1, one per
     * block: the block's largest local maximum, refined by Brent's method on {@code exact} (the
     * quantity between samples) or, when that is null, by the parabola through three samples.
     */
    static List<double[]> points(StateSeries s, double[] d, int from, int to, int blocks, DoubleUnaryOperator exact) {
        List<double[]> out = new ArrayList<>();
        int len = (to - from) / blocks;
        if (len < 3) return out;
        for (int b = 0; b < blocks; b++) {
            int a = from + b * len, e = b == blocks - 1 ? to : a + len;
            int best = -1, any = a;
            for (int i = a; i < e; i++) {
                if (d[i] > d[any]) any = i;
                boolean peak = i > 0 && i + 1 < d.length && d[i] >= d[i - 1] && d[i] >= d[i + 1] && d[i] > 0;
                if (peak && (best < 0 || d[i] > d[best])) best = i;
            }
            if (best < 0) out.add(new double[]{s.time(any), d[any]});
            else out.add(exact == null ? parabola(s, d, best) : refinePeak(s, exact, best));
        }
        return out;
    }

    /** The distance to {@code centre} between samples. */
    static DoubleUnaryOperator distanceTo(StateSeries s, double[] centre) { return t -> StateSeries.distance(s.at(t), centre); }

    /** |dx/dt| at every sample. */
    static double[] speeds(StateSeries s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = StateSeries.distance(s.velocity(i), new double[s.dimension()]);
        return v;
    }

    private static double[] parabola(StateSeries s, double[] d, int i) {
        double a = d[i - 1], b = d[i], c = d[i + 1], den = a - 2 * b + c;
        double off = den == 0 ? 0 : 0.5 * (a - c) / den;
        return new double[]{s.time(i) + off * s.dt(), b - 0.25 * (a - c) * off};
    }

    /** The maximum of {@code f} near sample i (Brent's method via commons-math). */
    private static double[] refinePeak(StateSeries s, DoubleUnaryOperator f, int i) {
        double lo = s.time(Math.max(0, i - 1)), hi = s.time(Math.min(s.size() - 1, i + 1));
        UnivariatePointValuePair p = Brent.max(f, lo, hi, s.time(i));
        return new double[]{p.getPoint(), p.getValue()};
    }

    /**
     * The fit over the envelope points, leaving out those at the end that have reached the
     * integration floor (there the late-time mean's own error and rounding are all that is left).
     */
    static Decay fit(List<double[]> all, double floor) {
        int n = all.size();
        while (n > 0 && all.get(n - 1)[1] <= floor) n--;
        List<double[]> pts = all.subList(0, n);
        if (n < 2) return new Decay(Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, n);
        SimpleRegression whole = regression(pts, 0, n), early = regression(pts, 0, (n + 1) / 2), late = regression(pts, n / 2, n);
        double rate = -whole.getSlope();
        double span = pts.get(n - 1)[0] - pts.get(0)[0];
        double rms = Math.sqrt(whole.getSumSquaredErrors() / n);
        return new Decay(rate, -early.getSlope(), -late.getSlope(), rate * span, rms, n);
    }

    private static SimpleRegression regression(List<double[]> pts, int from, int to) {
        SimpleRegression r = new SimpleRegression();
        for (int i = from; i < to; i++) r.addData(pts.get(i)[0], Math.log(Math.max(pts.get(i)[1], Double.MIN_NORMAL)));
        return r;
    }

    /**
     * The decay rate of a motion that has already converged (d below {@code floor} at late times):
     * the fit over the last (at most 8) envelope points of the whole run that still lie well above
     * the floor, where the late-time mean is exact to far better than the distances fitted. NaN if
     * fewer than three such points exist even with short blocks.
     */
    static double convergedRate(StateSeries s, double[] centre, double[] d, double floor) {
        for (int blocks : new int[]{64, 256, 1024}) {
            List<double[]> pts = points(s, d, 0, s.size(), blocks, distanceTo(s, centre));
            int last = pts.size() - 1;
            while (last >= 0 && pts.get(last)[1] <= 1e3 * floor) last--;
            int first = last;
            while (first > 0 && pts.get(first - 1)[1] > 1e3 * floor && last - first < 7) first--;
            if (last - first >= 2) return -regression(pts, first, last + 1).getSlope();
        }
        return Double.NaN;
    }
}
