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
