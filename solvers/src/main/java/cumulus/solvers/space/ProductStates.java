package cumulus.solvers.space;

import cumulus.api.ModelException;

import java.util.List;
import java.util.Locale;

/**
 * Amplitudes of the product initial states of SPEC.md, shared by every space. Spin-coherent state
 * (θ, φ) in the Dicke basis: ⟨S,m|θ,φ⟩ = sqrt(C(2S, S+m)) cos(θ/2)^{S+m} sin(θ/2)^{S−m} e^{i(S−m)φ},
 * evaluated in logs (large N safe); boson coherent state with real α: e^{−α²/2} α^n / sqrt(n!),
 * truncated at the cutoff and renormalized, refused when the cutoff cannot hold it.
 */
public final class ProductStates {
    private ProductStates() { }

    /** Truncation loss above which the initial state is refused: it is no longer the state asked for. */
    public static final double REFUSED_LOSS = 1e-4;
    /** Truncation loss above which a warning is given (SPEC.md's top-Fock tolerance). */
    public static final double WARNED_LOSS = 1e-6;

    /** {re, im} amplitudes over index i = S − m. */
    public static double[][] spinCoherent(int n, double theta, double phi) {
        double[] re = new double[n + 1], im = new double[n + 1];
        double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
        double lc = Math.log(Math.abs(c)), ls = Math.log(Math.abs(s));
        for (int i = 0; i <= n; i++) {
            int up = n - i; // S + m
            int down = i;   // S − m
            double mag;
            if ((up > 0 && c == 0) || (down > 0 && s == 0)) mag = 0;
            else {
                double lg = logBinomial(n, up) / 2 + (up > 0 ? up * lc : 0) + (down > 0 ? down * ls : 0);
                mag = Math.exp(lg);
                if (up % 2 == 1 && c < 0) mag = -mag;
                if (down % 2 == 1 && s < 0) mag = -mag;
            }
            re[i] = mag * Math.cos(down * phi);
            im[i] = mag * Math.sin(down * phi);
        }
        return new double[][]{re, im};
    }

    /** Raw truncated coherent-state amplitudes c_0..c_{K−1}, renormalized; entry K is the lost norm 1 − Σ|c_n|² before renormalizing. */
    public static double[] bosonCoherent(int cutoff, double alpha) {
        double[] c = new double[cutoff + 1];
        double norm = 0;
        for (int k = 0; k < cutoff; k++) {
            double v;
            if (alpha == 0) v = k == 0 ? 1 : 0;
            else {
                v = Math.exp(-alpha * alpha / 2 + k * Math.log(Math.abs(alpha)) - logFactorial(k) / 2);
                if (alpha < 0 && k % 2 == 1) v = -v;
            }
            c[k] = v;
            norm += v * v;
        }
        c[cutoff] = Math.max(0, 1 - norm);
        if (norm > 0) {
            double s = 1 / Math.sqrt(norm);
            for (int k = 0; k < cutoff; k++) c[k] *= s;
        }
        return c;
    }

    /**
     * The amplitudes of |α⟩ on Fock states 0..cutoff−1: refused (naming the cutoff it needs) when the
     * truncation loses more than {@link #REFUSED_LOSS} of the norm, a warning above {@link #WARNED_LOSS}.
     */
    public static double[] boson(int cutoff, double alpha, List<String> warnings) {
        double[] c = bosonCoherent(cutoff, alpha);
        double lost = c[cutoff];
        if (lost > REFUSED_LOSS)
            throw new ModelException(String.format(Locale.ROOT,
                    "initial state boson-coherent:%s needs a Fock cutoff of about %d; the model has %d (it would lose %.3g of the norm): raise the cutoff to %d",
                    fmt(alpha), cutoffFor(alpha), cutoff, lost, cutoffFor(alpha)));
        if (lost > WARNED_LOSS && warnings != null)
            warnings.add(String.format(Locale.ROOT, "initial boson state loses %.3g of its norm to the Fock cutoff", lost));
        return java.util.Arrays.copyOf(c, cutoff);
    }

    /** The smallest cutoff K whose Fock states 0..K−1 hold all but {@link #WARNED_LOSS} of |α⟩ (Poisson tail of mean α²). */
    public static int cutoffFor(double alpha) {
        double mean = alpha * alpha, logP = -mean, cdf = 0;
        for (int k = 0; k < 100_000_000; k++) {
            cdf += Math.exp(logP);
            if (1 - cdf < WARNED_LOSS && k >= mean) return k + 1;
            logP += Math.log(mean) - Math.log(k + 1);
        }
        return Integer.MAX_VALUE;
    }

    /** Hermitian-basis coordinates of the pure state |ψ⟩⟨ψ|, ψ = re + i·im. */
    public static double[] pure(HermitianBasis b, double[] re, double[] im) {
        int d = re.length;
        double[] x = new double[b.size()];
        for (int p = 0; p < d; p++) {
            x[b.diag(p)] = re[p] * re[p] + im[p] * im[p];
            for (int q = p + 1; q < d; q++) {
                // ψ_p ψ_q*
                x[b.sym(p, q)] = HermitianBasis.R2 * (re[p] * re[q] + im[p] * im[q]);
                x[b.anti(p, q)] = HermitianBasis.R2 * (im[p] * re[q] - re[p] * im[q]);
            }
        }
        return x;
    }

    /** The tensor product of two state vectors {re, im}. */
    public static double[][] kron(double[] ar, double[] ai, double[] br, double[] bi) {
        double[] r = new double[ar.length * br.length], i = new double[r.length];
        for (int p = 0; p < ar.length; p++) for (int q = 0; q < br.length; q++) {
            r[p * br.length + q] = ar[p] * br[q] - ai[p] * bi[q];
            i[p * br.length + q] = ar[p] * bi[q] + ai[p] * br[q];
        }
        return new double[][]{r, i};
    }

    static double logBinomial(int n, int k) { return logFactorial(n) - logFactorial(k) - logFactorial(n - k); }

    static double logFactorial(int n) {
        double s = 0;
        for (int i = 2; i <= n; i++) s += Math.log(i);
        return s;
    }

    private static String fmt(double x) { return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x); }
}
