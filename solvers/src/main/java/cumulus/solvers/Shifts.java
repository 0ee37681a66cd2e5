package cumulus.solvers;

import cumulus.api.Op;
import cumulus.api.OpSum;
import cumulus.solvers.space.LiouvillianSpace;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the sparse eigen-search looks, chosen once for every space: the real shift σ near 0 (so
 * that λ_0 and the slow real modes are found) and the free-precession frequencies ω of H
 * (coefficients of single spin components and of a†a, at most three), where oscillating slow modes
 * may hide behind many slow real ones (collective dephasing's gap mode). The rightmost search
 * ({@link LiouvillianSpectrum.Search#RIGHTMOST}) looks there with a second REAL LU at σ = ω, at every size.
 * The nearest-eigenvalue search uses complex shifts σ + iω instead, each a factorization of a
 * 2n-unknown real block system; on grids of more than two dimensions its fill grows like n^{4/3} or
 * faster, so there it uses them only up to {@link #COMPLEX_SHIFT_LIMIT} unknowns, and the method
 * string says when they were skipped.
 *
 * @param real σ, small and positive
 * @param frequencies the ω of the model (empty: none, or not asked for)
 * @param complexSkipped whether the nearest-eigenvalue search must skip its complex shifts
 */
public record Shifts(double real, List<Double> frequencies, boolean complexSkipped) {
    /** Real size above which complex shifts are skipped on grids of more than two dimensions. */
    public static final int COMPLEX_SHIFT_LIMIT = 60000;

    public Shifts { frequencies = List.copyOf(frequencies); }

    public static Shifts of(LiouvillianSpace space, DMatrixSparseCSC l, boolean oscillations) {
        List<Double> w = oscillations ? frequencies(space) : List.of();
        return new Shifts(real(l), w, !w.isEmpty() && space.gridDims() > 2 && l.numRows > COMPLEX_SHIFT_LIMIT);
    }

    /** The ω of the complex shifts σ + iω of the nearest-eigenvalue search: none when they are skipped. */
    public List<Double> complexFrequencies() { return complexSkipped ? List.of() : frequencies; }

    /** The nearest-eigenvalue search's sentence on skipped complex shifts, or empty. */
    public String note() {
        return complexSkipped ? "complex shifts skipped above " + COMPLEX_SHIFT_LIMIT
                + " real unknowns (each costs a 2n-unknown block LU): an oscillating slow mode far from the real axis could be missed; " : "";
    }

    /** σ = 0.01 · max|L_ii| / sqrt(n): small and positive, so the steady state (λ = 0) is not hit exactly. */
    public static double real(DMatrixSparseCSC a) { return cumulus.solvers.sparse.RightmostEigen.defaultShift(a); }

    /** |coefficients| of Hamiltonian terms that are one spin component or a†a, distinct, at most three. */
    static List<Double> frequencies(LiouvillianSpace space) {
        List<Double> w = new ArrayList<>();
        for (OpSum.Term t : space.model().hamiltonian().terms()) {
            List<Op> f = t.factors();
            boolean single = f.size() == 1 && f.get(0) instanceof Op.Spin;
            boolean number = f.size() == 2 && f.get(0) instanceof Op.Boson b0 && b0.dagger() && f.get(1) instanceof Op.Boson b1 && !b1.dagger() && b0.mode() == b1.mode();
            if (!single && !number) continue;
            double x = t.coefficient().evaluate(space.values()).abs();
            if (x < 1e-9) continue;
            boolean dup = false;
            for (double y : w) if (Math.abs(x - y) < 1e-6 * Math.max(x, y)) dup = true;
            if (!dup && w.size() < 3) w.add(x);
        }
        return w;
    }
}
