package cumulus.solvers.piqs;

import cumulus.solvers.space.HermitianBasis;

/**
 * The block structure of the permutation-invariant state of M ensembles of N spins-1/2 each and an
 * optional boson: ρ = ⊕_J P_J over the tuples J = (j_1, ..., j_M) of total spins, one per ensemble
 * (the permutations of each ensemble form a group of their own, so each j_i stays diagonal, Shammah
 * et al. PRA 98, 063815 (2018) per ensemble), where P_J acts on H_{j_1} ⊗ ... ⊗ H_{j_M} ⊗ Fock
 * (ensemble 1 the slowest index, the boson the fastest, as the Dicke ⊗ Fock space). As in
 * {@link DickeBlocks} the stored block is the total weight P_J = d_{j_1} ··· d_{j_M} ρ_J of all copies
 * of the irreps. An ensemble without local dissipation keeps its total spin: it has only j = N/2.
 *
 * <p>Block J is written in the real coordinates of {@link HermitianBasis} of dimension
 * D_J = Π(2j_i+1)·cutoff; blocks are concatenated with J in mixed radix (ensemble 1 slowest, b_i = N/2 − j_i),
 * so block 0 is all j_i = N/2: the Dicke ⊗ Fock space itself.
 */
public final class ProductBlocks {
    private final int n, ensembles;
    private final int[] cutoffs;     // Fock cutoff per bosonic mode (factors after the ensembles, the last mode fastest)
    private final boolean[] local;
    private final int[] radix;       // number of j values per ensemble
    private final int blocks;
    private final int[][] b;         // b[J][i] = N/2 − j_i
    private final int[][] dims;      // factor dimensions per block (ensembles, then the modes)
    private final int[] dim, offset, stateOffset;
    private final HermitianBasis[] basis;

    /**
     * @param local  per ensemble, whether it has local dissipation (all j) or not (j = N/2 only)
     * @param cutoff Fock cutoff, 0 without a boson
     */
    public ProductBlocks(int n, boolean[] local, int cutoff) { this(n, local, cutoff > 0 ? new int[]{cutoff} : new int[0]); }

    /**
     * @param local   per ensemble, whether it has local dissipation (all j) or not (j = N/2 only)
     * @param cutoffs the Fock cutoff of each bosonic mode, in mode order (empty: no boson)
     */
    public ProductBlocks(int n, boolean[] local, int[] cutoffs) {
        if (n < 1) throw new cumulus.api.ModelException("N must be at least 1, got " + n);
        this.n = n; this.ensembles = local.length; this.cutoffs = cutoffs.clone(); this.local = local.clone();
        radix = new int[ensembles];
        long count = 1;
        for (int i = 0; i < ensembles; i++) { radix[i] = local[i] ? n / 2 + 1 : 1; count *= radix[i]; }
        blocks = (int) count;
        b = new int[blocks][ensembles];
        dims = new int[blocks][];
        dim = new int[blocks];
        offset = new int[blocks + 1];
        stateOffset = new int[blocks + 1];
        basis = new HermitianBasis[blocks];
        for (int k = 0; k < blocks; k++) {
            int rest = k;
            for (int i = ensembles - 1; i >= 0; i--) { b[k][i] = rest % radix[i]; rest /= radix[i]; }
            int[] f = new int[ensembles + cutoffs.length];
            long d = 1;
            for (int i = 0; i < ensembles; i++) { f[i] = n + 1 - 2 * b[k][i]; d *= f[i]; }
            for (int q = 0; q < cutoffs.length; q++) { f[ensembles + q] = cutoffs[q]; d *= cutoffs[q]; }
            if ((long) offset[k] + d * d > Integer.MAX_VALUE)
                throw new cumulus.api.ModelException("the permutation-invariant space of " + ensembles + " ensemble(s) of N = " + n
                        + (cutoffs.length > 0 ? " with cutoff(s) " + java.util.Arrays.toString(cutoffs) : "") + " has more than 2^31 real unknowns: lower N or the cutoff");
            dims[k] = f;
            dim[k] = (int) d;
            basis[k] = new HermitianBasis(dim[k]);
            offset[k + 1] = offset[k] + dim[k] * dim[k];
            stateOffset[k + 1] = stateOffset[k] + dim[k];
        }
    }

    /** Real unknowns Σ_J D_J², without building the blocks (for the memory estimate). */
    public static long unknowns(int n, boolean[] local, int[] cutoffs) {
        long s = 1;
        for (boolean l : local) {
            long e = 0;
            for (int bb = 0; bb <= (l ? n / 2 : 0); bb++) e += (long) (n + 1 - 2 * bb) * (n + 1 - 2 * bb);
            s *= e;
        }
        for (int c : cutoffs) s *= (long) c * c;
        return s;
    }

    public int spins() { return n; }
    public int ensembles() { return ensembles; }
    /** The first mode's cutoff (0 without a boson). */
    public int cutoff() { return cutoffs.length > 0 ? cutoffs[0] : 0; }
    /** Mode k's cutoff (k from 1). */
    public int cutoff(int mode) { return cutoffs[mode - 1]; }
    /** The number of bosonic modes. */
    public int modes() { return cutoffs.length; }
    public boolean hasBoson() { return cutoffs.length > 0; }
    public boolean local(int ensemble) { return local[ensemble]; }
    public int blocks() { return blocks; }
    /** Hilbert dimension D_J of block J. */
    public int dim(int block) { return dim[block]; }
    /** Factor dimensions of block J: 2j_i+1 per ensemble, then the cutoff of each mode. */
    public int[] factorDimensions(int block) { return dims[block].clone(); }
    int factorDim(int block, int factor) { return dims[block][factor]; }
    /** 2j_i of ensemble i (0-based) in block J. */
    public int twoJ(int block, int ensemble) { return n - 2 * b[block][ensemble]; }
    public double j(int block, int ensemble) { return n / 2.0 - b[block][ensemble]; }
    public int offset(int block) { return offset[block]; }
    public HermitianBasis basis(int block) { return basis[block]; }
    public int size() { return offset[blocks]; }
    /** Number of basis states Σ_J D_J. */
    public int states() { return stateOffset[blocks]; }

    /** The block whose ensemble {@code ensemble} has j raised by {@code dir} (−1, 0, +1), or −1 if there is none. */
    public int shifted(int block, int ensemble, int dir) {
        int nb = b[block][ensemble] - dir;
        if (nb < 0 || nb >= radix[ensemble]) return -1;
        int stride = 1;
        for (int i = ensembles - 1; i > ensemble; i--) stride *= radix[i];
        return block + (nb - b[block][ensemble]) * stride;
    }

    /** Stride of factor f in block J's basis index. */
    int stride(int block, int factor) {
        int s = 1;
        for (int g = dims[block].length - 1; g > factor; g--) s *= dims[block][g];
        return s;
    }

    /** Tr ρ = Σ_J Tr P_J. */
    public double trace(double[] x) {
        double s = 0;
        for (int k = 0; k < blocks; k++) for (int p = 0; p < dim[k]; p++) s += x[offset[k] + basis[k].diag(p)];
        return s;
    }

    public double[] traceFunctional() {
        double[] t = new double[size()];
        for (int k = 0; k < blocks; k++) for (int p = 0; p < dim[k]; p++) t[offset[k] + basis[k].diag(p)] = 1;
        return t;
    }

    /** Coordinates of block J. */
    public double[] part(double[] x, int block) {
        double[] part = new double[dim[block] * dim[block]];
        System.arraycopy(x, offset[block], part, 0, part.length);
        return part;
    }
}
