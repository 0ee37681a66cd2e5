package cumulus.solvers.piqs;

/**
 * The local sandwich Σ_k σ_k^a |j m⟩⟨j m'| σ_k^b of N spins-1/2 in the permutation-invariant
 * normalization P_j = d_j ρ_j (see {@link PiqsLiouvillian}): by Wigner–Eckart it lands in blocks
 * j' = j, j ± 1 as E_{j→j'} (M^a|m⟩)(M^{b†}|m'⟩)†, with the reduced factors {@link #reduced} and the
 * transition amplitudes {@link #amplitude} (relative signs from ⟨j m; 1 q | j' m+q⟩ with σ^+ = −√2 T_{+1},
 * σ^− = √2 T_{−1}, σ^z = 2 T_0). Shared by the one-ensemble and the product assemblies.
 */
final class WignerEckart {
    private WignerEckart() { }

    /** Change of m by σ^−, σ^+, σ^z (spherical index 0, 1, 2), and the component of the adjoint (σ^−)† = σ^+, (σ^z)† = σ^z. */
    static final int[] SHIFT = {-1, 1, 0}, DAGGER = {1, 0, 2};

    /** E_{j→j+dir} for A = N/2: same (A+1)/(2j(j+1)); down (A+j+1)/(2j(2j+1)); up (A−j)/(2(j+1)(2j+1)). */
    static double reduced(int dir, double a, double j) {
        return dir == 0 ? (j > 0 ? (a + 1) / (2 * j * (j + 1)) : 0)
                : dir < 0 ? (j > 0 ? (a + j + 1) / (2 * j * (2 * j + 1)) : 0)
                : (a - j) / (2 * (j + 1) * (2 * j + 1));
    }

    /** One term of a sandwich: in block j + dir, the entry (ra, sb) (0 = m = j') gets re + i·im. */
    interface Term { void add(int dir, int ra, int sb, double re, double im); }

    /**
     * (cr + i ci) Σ_ab c_ab Σ_k σ_k^a |j m⟩⟨j m1| σ_k^b with c = kRe + i kIm in spherical components (−, +, z), for
     * A = N/2 spins: the terms in the blocks j + dir whose bit (1 &lt;&lt; (dir + 1)) is set in {@code dirs}.
     */
    static void sandwich(double a, double j, double m, double m1, double[][] kRe, double[][] kIm, double cr, double ci, int dirs, Term out) {
        for (int dir = -1; dir <= 1; dir++) {   // −1: j → j−1, 0: same j, +1: j → j+1
            if ((dirs & (1 << (dir + 1))) == 0) continue;
            double jt = j + dir;
            double e = reduced(dir, a, j);
            if (e == 0) continue;
            for (int qa = 0; qa < 3; qa++) {
                double va = amplitude(qa, dir, j, m);
                if (va == 0) continue;
                int ra = (int) Math.round(jt - (m + SHIFT[qa]));
                for (int qb = 0; qb < 3; qb++) {
                    double kr = kRe[qa][qb], ki = kIm[qa][qb];
                    if (kr == 0 && ki == 0) continue;
                    int qbd = DAGGER[qb];
                    double vb = amplitude(qbd, dir, j, m1);
                    if (vb == 0) continue;
                    int sb = (int) Math.round(jt - (m1 + SHIFT[qbd]));
                    double f = e * va * vb;
                    out.add(dir, ra, sb, f * (kr * cr - ki * ci), f * (kr * ci + ki * cr));
                }
            }
        }
    }

    /** ⟨j', m + SHIFT[q]| M^q |j, m⟩ up to the reduced factor, for j' = j + dir. */
    static double amplitude(int q, int dir, double j, double m) {
        return switch (dir) {
            case 0 -> switch (q) {
                case 0 -> Math.sqrt(Math.max(0, (j + m) * (j - m + 1)));
                case 1 -> Math.sqrt(Math.max(0, (j - m) * (j + m + 1)));
                default -> 2 * m;
            };
            case -1 -> switch (q) {
                case 0 -> Math.sqrt(Math.max(0, (j + m) * (j + m - 1)));
                case 1 -> -Math.sqrt(Math.max(0, (j - m) * (j - m - 1)));
                default -> -2 * Math.sqrt(Math.max(0, j * j - m * m));
            };
            default -> switch (q) {
                case 0 -> Math.sqrt(Math.max(0, (j - m + 1) * (j - m + 2)));
                case 1 -> -Math.sqrt(Math.max(0, (j + m + 1) * (j + m + 2)));
                default -> 2 * Math.sqrt(Math.max(0, (j + 1) * (j + 1) - m * m));
            };
        };
    }
}
