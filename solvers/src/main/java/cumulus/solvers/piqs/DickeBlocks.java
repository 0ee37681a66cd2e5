package cumulus.solvers.piqs;

import cumulus.solvers.space.HermitianBasis;


/**
 * The permutation-invariant state space of N spins-1/2. By Schur–Weyl duality a permutation-invariant
 * operator is ρ = ⊕_j ρ_j ⊗ 1_{d_j} over the total spins j = N/2, N/2 − 1, ..., (0 or 1/2), where
 * ρ_j acts on the spin-j irrep |j, m⟩ and d_j = N! (2j+1) / ((N/2−j)! (N/2+j+1)!) is the number of
 * copies of that irrep. Block b (0-based) holds j = N/2 − b, of size 2j+1 = N+1−2b, with local index
 * i = j − m (i = 0 is m = j).
 *
 * <p><b>Normalization (as PIQS):</b> the stored block is P_j = d_j ρ_j, the total weight of all
 * copies, so Tr ρ = Σ_j Tr P_j and ⟨O⟩ = Σ_j Tr(O_j P_j) for a collective O = ⊕_j O_j ⊗ 1. The
 * degeneracies d_j then appear only in the local-process rates (through the ratios of Clebsch–Gordan
 * sums) and in the conversion to the 2^N-dimensional state, never in expectations.
 *
 * <p>Each block is written in the real coordinates of {@link HermitianBasis}; the blocks are
 * concatenated (block 0 first). {@link #dickeStates()} = Σ_j (2j+1) is the number of Dicke states
 * |j, m⟩; {@link #size()} = Σ_j (2j+1)² the number of real unknowns.
 */
public final class DickeBlocks {
    private final int n;
    private final int blocks;
    private final int[] dim;
    private final int[] offset;
    private final HermitianBasis[] basis;
    private final int size;
    private final int states;

    public DickeBlocks(int n) {
        if (n < 1) throw new cumulus.api.ModelException("N must be at least 1, got " + n);
        this.n = n;
        blocks = n / 2 + 1;
        dim = new int[blocks];
        offset = new int[blocks + 1];
        basis = new HermitianBasis[blocks];
        int st = 0;
        for (int b = 0; b < blocks; b++) {
            dim[b] = n + 1 - 2 * b;
            basis[b] = new HermitianBasis(dim[b]);
            offset[b + 1] = offset[b] + dim[b] * dim[b];
            st += dim[b];
        }
        size = offset[blocks];
        states = st;
    }

    /** Number of Dicke states |j, m⟩ over all j: (N/2+1)² for even N, (N+1)(N+3)/4 for odd N. */
    public static int dickeStates(int n) {
        int s = 0;
        for (int b = 0; b <= n / 2; b++) s += n + 1 - 2 * b;
        return s;
    }

    public int spins() { return n; }
    public int blocks() { return blocks; }
    /** 2j+1 of block b. */
    public int dim(int b) { return dim[b]; }
    /** j of block b. */
    public double j(int b) { return n / 2.0 - b; }
    /** First real coordinate of block b. */
    public int offset(int b) { return offset[b]; }
    public HermitianBasis basis(int b) { return basis[b]; }
    /** Number of real unknowns Σ_j (2j+1)². */
    public int size() { return size; }
    public int dickeStates() { return states; }

    /** d_j = N! (2j+1) / ((N/2−j)! (N/2+j+1)!), the multiplicity of spin j among N spins-1/2 (exact up to ~1e15, else rounded). */
    public double degeneracy(int b) {
        double jj = j(b);
        int a = (int) Math.round(n / 2.0 - jj), c = (int) Math.round(n / 2.0 + jj + 1);
        double lg = logFactorial(n) + Math.log(2 * jj + 1) - logFactorial(a) - logFactorial(c);
        return Math.rint(Math.exp(lg));
    }

    private static double logFactorial(int k) {
        double s = 0;
        for (int i = 2; i <= k; i++) s += Math.log(i);
        return s;
    }

    /** Tr ρ = Σ_j Tr P_j. */
    public double trace(double[] x) {
        double s = 0;
        for (int b = 0; b < blocks; b++) {
            for (int p = 0; p < dim[b]; p++) s += x[offset[b] + basis[b].diag(p)];
        }
        return s;
    }

    /** The trace functional over all blocks. */
    public double[] traceFunctional() {
        double[] t = new double[size];
        for (int b = 0; b < blocks; b++) for (int p = 0; p < dim[b]; p++) t[offset[b] + basis[b].diag(p)] = 1;
        return t;
    }

    /** Block b of the state as dense {re, im}. */
    public double[][][] block(double[] x, int b) {
        double[] part = new double[dim[b] * dim[b]];
        System.arraycopy(x, offset[b], part, 0, part.length);
        return basis[b].matrix(part);
    }

    /** Population Tr P_j of each block (total weight of total spin j). */
    public double[] blockPopulations(double[] x) {
        double[] w = new double[blocks];
        for (int b = 0; b < blocks; b++) for (int p = 0; p < dim[b]; p++) w[b] += x[offset[b] + basis[b].diag(p)];
        return w;
    }
}
