package cumulus.solvers.dicke;

import cumulus.solvers.space.CMatrix;
import cumulus.solvers.space.LocalOperators;

import cumulus.api.Op;

/**
 * The tensor-product space of M Dicke manifolds (dimension N+1 each, ensemble 1 the slowest
 * index) and zero or more truncated bosonic modes (Fock states 0..cutoff_k − 1, after the
 * ensembles, the last mode the fastest index): Dicke ⊗ ... ⊗ Fock ⊗ Fock. Embeds local operators
 * as I ⊗ ... ⊗ O ⊗ ... ⊗ I.
 */
public final class HilbertSpace {
    /** Largest Hilbert-space dimension handled (D² real unknowns in the Liouvillian). */
    public static final int MAX_DIMENSION = 2500;

    private final int ensembles, spins, cutoff;
    private final int[] cutoffs;
    private final int[] dims;
    private final int dimension;

    /** @param cutoff Fock cutoff, 0 for no boson */
    public HilbertSpace(int ensembles, int spins, int cutoff) { this(ensembles, spins, cutoff > 0 ? new int[]{cutoff} : new int[0]); }

    /** @param cutoffs the Fock cutoff of each bosonic mode, in mode order (empty: no boson) */
    public HilbertSpace(int ensembles, int spins, int[] cutoffs) {
        this.ensembles = ensembles; this.spins = spins;
        this.cutoffs = cutoffs.clone();
        this.cutoff = cutoffs.length > 0 ? cutoffs[0] : 0;
        dims = new int[ensembles + cutoffs.length];
        long d = 1;
        for (int i = 0; i < ensembles; i++) { dims[i] = spins + 1; d *= spins + 1; }
        for (int k = 0; k < cutoffs.length; k++) {
            if (cutoffs[k] < 1) throw new IllegalArgumentException("Fock cutoff of mode " + (k + 1) + " must be positive, got " + cutoffs[k]);
            dims[ensembles + k] = cutoffs[k];
            d *= cutoffs[k];
        }
        if (d > MAX_DIMENSION) throw new cumulus.api.ModelException("Hilbert-space dimension " + d + " exceeds the exact engine's limit "
                + MAX_DIMENSION + " (the Liouvillian has dimension^2 real unknowns): lower N or the cutoff");
        dimension = (int) d;
    }

    public int dimension() { return dimension; }
    public int ensembles() { return ensembles; }
    public int spins() { return spins; }
    /** The first mode's cutoff (0 without a boson). */
    public int cutoff() { return cutoff; }
    /** Mode k's cutoff (k from 1). */
    public int cutoff(int mode) { return cutoffs[mode - 1]; }
    /** The number of bosonic modes. */
    public int modes() { return cutoffs.length; }
    public boolean hasBoson() { return cutoffs.length > 0; }
    public int[] factorDimensions() { return dims.clone(); }

    /** Embeds {@code local} acting on factor {@code factor} (0-based; bosonic mode k is factor M + k − 1). */
    public CMatrix embed(int factor, CMatrix local) {
        CMatrix out = null;
        for (int f = 0; f < dims.length; f++) {
            CMatrix m = f == factor ? local : CMatrix.identity(dims[f]);
            out = out == null ? m : out.kron(m);
        }
        return out == null ? CMatrix.identity(1) : out;
    }

    /** The full-space matrix of an elementary operator. */
    public CMatrix operator(Op op) {
        if (op instanceof Op.Spin s) {
            if (s.ensemble() > ensembles) throw new cumulus.api.ModelException("operator " + s + " but the model has " + ensembles + " ensembles");
            CMatrix local = switch (s.component()) {
                case X -> LocalOperators.sx(spins);
                case Y -> LocalOperators.sy(spins);
                case Z -> LocalOperators.sz(spins);
                case PLUS -> LocalOperators.splus(spins);
                case MINUS -> LocalOperators.sminus(spins);
            };
            return embed(s.ensemble() - 1, local);
        }
        Op.Boson b = (Op.Boson) op;
        if (b.mode() > cutoffs.length)
            throw new cumulus.api.ModelException("operator " + b + " but the model has " + (cutoffs.length == 0 ? "no boson" : cutoffs.length + " bosonic mode(s)"));
        int c = cutoffs[b.mode() - 1];
        return embed(ensembles + b.mode() - 1, b.dagger() ? LocalOperators.adag(c) : LocalOperators.a(c));
    }

    /** Whether basis state p has the first mode in its top Fock state. */
    public boolean isTopFock(int p) { return hasBoson() && isTopFock(p, 1); }

    /** Whether basis state p has mode k (from 1) in its top Fock state cutoff_k − 1. */
    public boolean isTopFock(int p, int mode) { return localIndex(p, ensembles + mode - 1) == cutoffs[mode - 1] - 1; }

    /** Local index of factor f in basis state p. */
    public int localIndex(int p, int f) {
        int stride = 1;
        for (int g = dims.length - 1; g > f; g--) stride *= dims[g];
        return (p / stride) % dims[f];
    }
}
