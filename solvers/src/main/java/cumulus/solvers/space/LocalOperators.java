package cumulus.solvers.space;

/**
 * Single-factor operators. Collective spin of N spins-1/2 in the Dicke manifold |S, m>, S = N/2,
 * basis index i = 0..N with m = S − i (index 0 is "all up"):
 * S^z|m> = m|m>, S^±|m> = sqrt(S(S+1) − m(m±1)) |m±1>, S^x = (S^+ + S^-)/2, S^y = (S^+ − S^-)/(2i).
 * Truncated boson: a|n> = sqrt(n)|n−1>, n = 0..d_b−1.
 */
public final class LocalOperators {
    private LocalOperators() { }

    public static CMatrix sz(int n) {
        double s = n / 2.0;
        CMatrix.Builder b = new CMatrix.Builder(n + 1, n + 1);
        for (int i = 0; i <= n; i++) b.add(i, i, s - i, 0);
        return b.build();
    }

    /** S^+: index i (m = S − i) to i − 1 (m + 1). */
    public static CMatrix splus(int n) {
        double s = n / 2.0;
        CMatrix.Builder b = new CMatrix.Builder(n + 1, n + 1);
        for (int i = 1; i <= n; i++) {
            double m = s - i;
            b.add(i - 1, i, Math.sqrt(s * (s + 1) - m * (m + 1)), 0);
        }
        return b.build();
    }

    public static CMatrix sminus(int n) { return splus(n).adjoint(); }

    public static CMatrix sx(int n) { return splus(n).plus(sminus(n)).scale(0.5); }

    public static CMatrix sy(int n) { return splus(n).minus(sminus(n)).scale(new cumulus.api.Complex(0, -0.5)); }

    /** Annihilation operator on Fock states 0..cutoff−1. */
    public static CMatrix a(int cutoff) {
        CMatrix.Builder b = new CMatrix.Builder(cutoff, cutoff);
        for (int k = 1; k < cutoff; k++) b.add(k - 1, k, Math.sqrt(k), 0);
        return b.build();
    }

    public static CMatrix adag(int cutoff) { return a(cutoff).adjoint(); }
}
