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

    /** Truncated coherent-state amplitudes; the last entry of the result array is the lost norm 1 − Σ|c_n|² before renormalizing. */
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
        double s = 1 / Math.sqrt(norm);
        for (int k = 0; k < cutoff; k++) c[k] *= s;
        return c;
    }

    /** Coordinates of |ψ><ψ| for the product state, plus the boson truncation loss in {@code lost[0]}. */
    public static double[] coordinates(HilbertSpace space, InitialState init, double[] lost) {
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
            if (lost != null) lost[0] = c[space.cutoff()];
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

    private static double[][] kron(double[] ar, double[] ai, double[] br, double[] bi) {
        double[] r = new double[ar.length * br.length], i = new double[r.length];
        for (int p = 0; p < ar.length; p++) for (int q = 0; q < br.length; q++) {
            r[p * br.length + q] = ar[p] * br[q] - ai[p] * bi[q];
            i[p * br.length + q] = ar[p] * bi[q] + ai[p] * br[q];
        }
        return new double[][]{r, i};
    }
}
