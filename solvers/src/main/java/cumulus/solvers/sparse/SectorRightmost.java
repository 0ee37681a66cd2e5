package cumulus.solvers.sparse;

import org.ejml.data.DMatrixSparseCSC;

import java.util.List;
import java.util.Locale;

/**
 * The rightmost eigenvalues of the permutation-invariant Liouvillian without a factorization of the whole matrix:
 * {@link RightmostEigen} (the same Krylov–Schur search ordered by Re λ, the same verification sweep, the same
 * oscillating-mode search and residual checks) with every application of (A − σI)^{-1} done by
 * {@link SectorGmresInverse}.
 *
 * <p>Why (local-btc N = 100, 2 symmetry blocks of ~88 000 unknowns): the nested-dissection LU of a block is a 3-D
 * problem in (j, m, m'), 7e10 flops and 6e7 stored entries per block (50 s each); the slabs of consecutive
 * sectors j are 2-D-like, their LUs together cost well under a second, and GMRES preconditioned by them converges to
 * 1e-12 in a few tens of iterations, because the slabs are coupled only through the local transfers j → j ± 1 at
 * their faces. Block-LU (Schur complement) recursion over j was not taken: the Schur complement of a sector is dense,
 * (2j+1)² ≈ 10⁴ unknowns square at j = N/2, i.e. the same 3-D fill as the nested dissection.
 */
public final class SectorRightmost {
    private SectorRightmost() { }

    /** A block's eigenvalues and the inner-solve statistics, for the method text. */
    public record Result(List<cumulus.api.Complex> values, String method, String certificate) { }

    /**
     * @param parts independent diagonal blocks of the Liouvillian
     * @param ranges for each block, the cut points of its preconditioner slabs (slab b is [r[b], r[b+1]))
     */
    public static List<Result> computeEach(List<DMatrixSparseCSC> parts, List<int[]> ranges, int count, RightmostEigen.Options o) {
        Result[] out = new Result[parts.size()];
        for (int i = 0; i < parts.size(); i += 2) {
            final int i0 = i, i1 = i + 1;
            Runnable r0 = () -> out[i0] = compute(parts.get(i0), ranges.get(i0), count, o);
            if (i1 >= parts.size()) { r0.run(); break; }
            DenseKernels.sideBySide(r0, () -> out[i1] = compute(parts.get(i1), ranges.get(i1), count, o));
        }
        return List.of(out);
    }

    /** Krylov-basis size, expansions of the verification sweep, and the budget of preconditioner applications. */
    static final boolean GAUSS_SEIDEL = !Boolean.getBoolean("cumulus.piqs.spectrum.jacobi");
    static final int BASIS = Integer.getInteger("cumulus.piqs.spectrum.basis", 40), VERIFY = Integer.getInteger("cumulus.piqs.spectrum.verify", 30), BUDGET = 3000;

    static Result compute(DMatrixSparseCSC a, int[] ranges, int count, RightmostEigen.Options o) {
        double sigma = RightmostEigen.defaultShift(a);
        long t0 = System.nanoTime();
        BlockGmres slabs = new BlockGmres(ShiftInvertEigen.shifted(a, sigma), ranges);
        ShiftedInverse m = new ShiftedInverse() {
            @Override public int size() { return a.numRows; }
            @Override public void solve(double[] b, double[] x) { if (GAUSS_SEIDEL) slabs.gaussSeidel(b, x); else slabs.precondition(b, x); }
        };
        double setup = (System.nanoTime() - t0) / 1e9;
        Stage stage = new Stage("Davidson (rightmost eigenvalues, block-Jacobi preconditioner over the total-spin sectors)");
        int want = Math.min(count, 2);
        HarmonicDavidson.Result r = HarmonicDavidson.rightmost(a, sigma, m, want, BASIS, VERIFY, BUDGET, stage);
        stage.done(r.applications() + " preconditioner applications, " + r.restarts() + " restarts");
        if (!r.converged())
            throw new cumulus.api.NumericalException(String.format(Locale.ROOT, "rightmost eigenvalues (preconditioned Davidson, block of %d unknowns): not converged after %d preconditioner applications",
                    a.numRows, r.applications()));
        double worst = 0;
        for (double x : r.residuals()) worst = Math.max(worst, x);
        String method = String.format(Locale.ROOT, "rightmost eigenvalues by harmonic Davidson about sigma=%.3g (the Ritz values of (L - sigma)^-1 ordered by Re(lambda), as the shift-invert search), "
                + "expanded by a block-Jacobi preconditioner of L - sigma over %d slabs of consecutive total-spin sectors (sparse LU each, %.3g stored entries, %.1f s), basis %d, %d applications, %d restarts",
                sigma, ranges.length - 1, (double) slabs.factorNonZeros(), setup, BASIS, r.applications(), r.restarts());
        String cert = String.format(Locale.ROOT, "the %d rightmost unchanged over %d further expansions; residuals on L at most %.1e", want, r.stableSteps(), worst);
        return new Result(r.values(), method, cert);
    }
}
