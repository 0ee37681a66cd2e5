package cumulus.solvers.dicke;

import cumulus.solvers.space.CMatrix;
import cumulus.solvers.space.LocalOperators;

import cumulus.api.Op;

/**
 * The tensor-product space of M Dicke manifolds (dimension N+1 each, ensemble 1 the slowest
 * index) and an optional truncated boson (the fastest index). Embeds local operators as
 * I ⊗ ... ⊗ O ⊗ ... ⊗ I.
 */
public final class HilbertSpace {
    /** Largest Hilbert-space dimension handled (D² real unknowns in the Liouvillian). */
    public static final int MAX_DIMENSION = 2500;

    private final int ensembles, spins, cutoff;
    private final int[] dims;
    private final int dimension;

    /** @param cutoff Fock cutoff, 0 for no boson */
    public HilbertSpace(int ensembles, int spins, int cutoff) {
        this.ensembles = ensembles; this.spins = spins; this.cutoff = cutoff;
        dims = new int[ensembles + (cutoff > 0 ? 1 : 0)];
        long d = 1;
        for (int i = 0; i < ensembles; i++) { dims[i] = spins + 1; d *= spins + 1; }
        if (cutoff > 0) { dims[ensembles] = cutoff; d *= cutoff; }
        if (d > MAX_DIMENSION) throw new cumulus.api.ModelException("Hilbert-space dimension " + d + " exceeds the exact engine's limit "
                + MAX_DIMENSION + " (the Liouvillian has dimension^2 real unknowns): lower N or the cutoff");
        dimension = (int) d;
    }

    public int dimension() { return dimension; }
    public int ensembles() { return ensembles; }
    public int spins() { return spins; }
    public int cutoff() { return cutoff; }
    public boolean hasBoson() { return cutoff > 0; }
    public int[] factorDimensions() { return dims.clone(); }

    /** Embeds {@code local} acting on factor {@code factor} (0-based; the boson is factor M). */
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
        if (cutoff <= 0) throw new cumulus.api.ModelException("operator " + b + " but the model has no boson");
        return embed(ensembles, b.dagger() ? LocalOperators.adag(cutoff) : LocalOperators.a(cutoff));
    }

    /** Index of the top Fock state of basis state p, or −1 if p is not in it. */
    public boolean isTopFock(int p) { return cutoff > 0 && p % cutoff == cutoff - 1; }

    /** Local index of factor f in basis state p. */
    public int localIndex(int p, int f) {
        int stride = 1;
        for (int g = dims.length - 1; g > f; g--) stride *= dims[g];
        return (p / stride) % dims[f];
    }
}
