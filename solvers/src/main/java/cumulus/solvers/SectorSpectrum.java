package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.solvers.space.SymmetryBlocks;
import cumulus.solvers.sparse.SectorRightmost;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The spectrum of a large Liouvillian on a space with total-spin sectors (⊕_j, {@code LiouvillianSpace.sectorOffsets}):
 * the rightmost eigenvalues of each invariant block by {@link SectorRightmost} — the Ritz values of (L − σ)^{-1}
 * ordered by Re λ as in {@link LiouvillianSpectrum.Search#RIGHTMOST}, but from a harmonic Davidson search whose
 * expansions apply the LUs of slabs of sectors instead of solves with one LU of the whole block (why, measured:
 * {@link SectorRightmost}, docs/performance.md). The search
 * from σ near 0 does not reach an oscillating mode far from the real axis, so with a precession frequency ω a second
 * search about σ = ω follows, as on the LU route; for λ0, λ1 it stops once the rightmost oscillating Ritz value is
 * resolved left of λ1 (local-btc N = 100: 59 and 112 preconditioner applications for the two blocks, instead of
 * the 600-application budget in which it found no oscillating mode to converge on).
 */
final class SectorSpectrum {
    private SectorSpectrum() { }

    /** Real size of the Liouvillian above which a space with sectors takes this route. */
    static final int THRESHOLD = Integer.getInteger("cumulus.piqs.spectrum.threshold", SteadyState.ITERATIVE_THRESHOLD);
    /** About this many preconditioner slabs per block. */
    static final int GROUPS = Integer.getInteger("cumulus.piqs.spectrum.groups", SteadyState.GROUPS);

    /** @param frequencies the model's precession frequencies ω: with the largest, also the oscillating-mode search about σ = ω */
    static LiouvillianSpectrum.Eigen compute(DMatrixSparseCSC l, int[] sectorOffsets, int count, int denseLimit, List<Double> frequencies) {
        List<int[]> blocks = SymmetryBlocks.of(List.of(l));
        List<Complex> all = new ArrayList<>();
        List<DMatrixSparseCSC> big = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        int dense = 0;
        for (int[] idx : blocks) {
            DMatrixSparseCSC b = blocks.size() == 1 ? l : SymmetryBlocks.restrict(l, idx);
            if (idx.length <= denseLimit) { all.addAll(LiouvillianSpectrum.denseEig(b)); dense++; continue; }
            big.add(b);
            ranges.add(SteadyState.slabs(idx, sectorOffsets, l.numRows, GROUPS));
        }
        double w = 0;
        for (double f : frequencies) w = Math.max(w, f);
        StringBuilder how = new StringBuilder();
        if (blocks.size() > 1) how.append(String.format(Locale.ROOT, "%d invariant blocks; ", blocks.size()));
        if (dense > 0) how.append(dense).append(" small block(s) by dense EJML eig; ");
        for (SectorRightmost.Result r : SectorRightmost.computeEach(big, ranges, count, w)) {
            LiouvillianSpectrum.merge(all, r.values());
            how.append(r.method()).append("; certificate: ").append(r.certificate()).append("; ");
        }
        return new LiouvillianSpectrum.Eigen(LiouvillianSpectrum.sort(all), how.toString());
    }
}
