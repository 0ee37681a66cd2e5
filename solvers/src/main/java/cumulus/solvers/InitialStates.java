package cumulus.solvers;

import cumulus.api.InitialState;

/**
 * Product initial states as density-matrix coordinates. Spin-coherent state (θ, φ) in the Dicke
 * basis: ⟨S,m|θ,φ⟩ = sqrt(C(2S, S+m)) cos(θ/2)^{S+m} sin(θ/2)^{S−m} e^{i(S−m)φ}, evaluated in logs
 * (large N safe); boson coherent state with real α: e^{−α²/2} α^n / sqrt(n!), truncated at the
 * cutoff and renormalized (the truncation loss is reported).
 */
public final class InitialStates {
    private InitialStates() { }

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

    static double logBinomial(int n, int k) { return logFactorial(n) - logFactorial(k) - logFactorial(n - k); }

    static double logFactorial(int n) {
        double s = 0;
        for (int i = 2; i <= n; i++) s += Math.log(i);
        return s;
    }

    /** Truncation loss above which the initial state is refused: it is no longer the state asked for. */
    public static final double REFUSED_LOSS = 1e-4;
    /** Truncation loss above which a warning is given (SPEC.md's top-Fock tolerance). */
    public static final double WARNED_LOSS = 1e-6;

    /**
     * Truncated coherent-state amplitudes c_n = e^{−α²/2} α^n / sqrt(n!), n < cutoff, computed in logs
     * (no underflow for large α) and renormalized; the last entry of the result is the lost norm
     * 1 − Σ|c_n|² before renormalizing.
     */
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

    /**
     * Coordinates of |ψ><ψ| for the product state. A boson state that the Fock cutoff truncates by
     * more than {@link #REFUSED_LOSS} is refused (naming the cutoff it needs); a loss above
     * {@link #WARNED_LOSS} adds a warning.
     */
    public static double[] coordinates(HilbertSpace space, InitialState init, java.util.List<String> warnings) {
        int d = space.dimension();
        if (init.spins().size() != space.ensembles())
            throw new cumulus.api.ModelException("initial state has " + init.spins().size() + " spin states but the model has " + space.ensembles() + " ensembles");
        double[] pr = {1}, pi = {0};
        for (int e = 0; e < space.ensembles(); e++) {
            InitialState.SpinState s = init.spins().get(e);
            double[][] a = spinCoherent(space.spins(), s.theta(), s.phi());
            double[][] k = kron(pr, pi, a[0], a[1]);
            pr = k[0]; pi = k[1];
        }
        if (space.hasBoson()) {
            double alpha = init.boson() == null ? 0 : init.boson().alpha();
            double[] c = bosonCoherent(space.cutoff(), alpha);
            double lost = c[space.cutoff()];
            if (lost > REFUSED_LOSS)
                throw new cumulus.api.ModelException(String.format(java.util.Locale.ROOT,
                        "initial state boson-coherent:%s needs a Fock cutoff of about %d; the model has %d (it would lose %.3g of the norm): raise it with --set cutoff=%d",
                        fmt(alpha), cutoffFor(alpha), space.cutoff(), lost, cutoffFor(alpha)));
            if (lost > WARNED_LOSS && warnings != null)
                warnings.add(String.format(java.util.Locale.ROOT, "initial boson state loses %.3g of its norm to the Fock cutoff", lost));
            double[][] k = kron(pr, pi, java.util.Arrays.copyOf(c, space.cutoff()), new double[space.cutoff()]);
            pr = k[0]; pi = k[1];
        }
        HermitianBasis b = new HermitianBasis(d);
        double[] x = new double[b.size()];
        for (int p = 0; p < d; p++) {
            x[b.diag(p)] = pr[p] * pr[p] + pi[p] * pi[p];
            for (int q = p + 1; q < d; q++) {
                // ψ_p ψ_q*
                double r = pr[p] * pr[q] + pi[p] * pi[q], i = pi[p] * pr[q] - pr[p] * pi[q];
                x[b.sym(p, q)] = HermitianBasis.R2 * r;
                x[b.anti(p, q)] = HermitianBasis.R2 * i;
            }
        }
        return x;
    }

    private static String fmt(double x) { return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x); }

    private static double[][] kron(double[] ar, double[] ai, double[] br, double[] bi) {
        double[] r = new double[ar.length * br.length], i = new double[r.length];
        for (int p = 0; p < ar.length; p++) for (int q = 0; q < br.length; q++) {
            r[p * br.length + q] = ar[p] * br[q] - ai[p] * bi[q];
            i[p * br.length + q] = ar[p] * bi[q] + ai[p] * br[q];
        }
        return new double[][]{r, i};
    }
}
