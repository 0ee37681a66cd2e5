package cumulus.plugins.attractor;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Frequency analysis in the manner of Laskar's frequency-map analysis (Laskar, Physica D 67, 257
 * (1993)): the strongest line of one observable, located by a Hann²-windowed FFT (skipping the zero-frequency lobe) and refined by
 * maximizing the (Hann²-)windowed Fourier amplitude with Brent's method, measured separately over the two
 * halves of the window. On a quasi-periodic torus the lines do not move (the drift is at the level
 * of the window's leakage, below 1e-7 here); on an irregular (chaotic) orbit they wander by ~1/(ωL).
 */
final class Frequencies {
    private Frequencies() { }

    /** Relative drift of the strongest line at most this: quasi-periodic (btc-pair's chaos drifts by 2e-4 and more). */
    static final double QUASI_PERIODIC = 1e-5;

    /** The line's frequency over the window and over its halves; a half whose peak ran to the edge of its search moved by at least half a bin. */
    record Drift(double frequency, double first, double second, double halfBin, boolean escaped) {
        double relative() { return escaped ? Math.max(Math.abs(first - second), halfBin) / frequency : Math.abs(first - second) / frequency; }
    }

    static Drift drift(StateSeries s, int component, int from) {
        int to = s.size();
        double omega = strongest(s, component, from, to);
        int mid = (from + to) / 2;
        double halfBin = Math.PI / ((mid - from) * s.dt());
        double a = refine(s, component, from, mid, omega, halfBin), b = refine(s, component, mid, to, omega, halfBin);
        boolean escaped = Math.abs(Math.abs(a - omega) - halfBin) < 1e-3 * halfBin || Math.abs(Math.abs(b - omega) - halfBin) < 1e-3 * halfBin;
        return new Drift(omega, a, b, halfBin, escaped);
    }

    /** The angular frequency of the strongest line over samples from..to−1. */
    static double strongest(StateSeries s, int component, int from, int to) {
        int n = to - from;
        int m = Integer.highestOneBit(Math.max(1, 4 * n - 1)) << 1;
        double[] re = new double[m];
        double mean = mean(s, component, from, to);
        for (int i = 0; i < n; i++) re[i] = hann(i, n) * (s.value(from + i, component) - mean);
        Complex[] f = new FastFourierTransformer(DftNormalization.STANDARD).transform(re, TransformType.FORWARD);
        int best = -1;
        for (int k = 3 * (m / n) + 2; k < m / 2; k++) if (best < 0 || f[k].abs() > f[best].abs()) best = k;
        double bin = 2 * Math.PI / (m * s.dt());
        return refine(s, component, from, to, best * bin, 1.5 * bin);
    }

    private static double refine(StateSeries s, int component, int from, int to, double omega, double halfWidth) {
        double mean = mean(s, component, from, to);
        return Brent.max(w -> amplitude(s, component, from, to, mean, w), Math.max(omega - halfWidth, 1e-12), omega + halfWidth, omega).getPoint();
    }

    /** |Σ w_i (x_i − mean) e^{−iωt_i}| with the Hann window w. */
    private static double amplitude(StateSeries s, int component, int from, int to, double mean, double w) {
        int n = to - from;
        double c = 0, d = 0, dt = s.dt();
        // e^{−iω(t0 + i dt)} by rotation (recomputed every 256 steps to keep rounding small)
        double cr = 1, ci = 0, sr = Math.cos(w * dt), si = -Math.sin(w * dt);
        for (int i = 0; i < n; i++) {
            if ((i & 255) == 0) { cr = Math.cos(w * i * dt); ci = -Math.sin(w * i * dt); }
            double v = hann(i, n) * (s.value(from + i, component) - mean);
            c += v * cr;
            d += v * ci;
            double nr = cr * sr - ci * si;
            ci = cr * si + ci * sr;
            cr = nr;
        }
        return Math.hypot(c, d);
    }

    /** The Hann window squared (Laskar's window of order 2): side lobes fall as 1/(Δω L)^5, so neighbouring lines of a torus barely pull. */
    private static double hann(int i, int n) { return Math.pow(Math.sin(Math.PI * (i + 0.5) / n), 4); }

    private static double mean(StateSeries s, int component, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) m += s.value(i, component);
        return m / (to - from);
    }
}
