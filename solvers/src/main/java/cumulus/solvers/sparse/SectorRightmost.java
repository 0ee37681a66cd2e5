package cumulus.solvers.sparse;

import org.ejml.data.DMatrixSparseCSC;

import java.util.List;
import java.util.Locale;

/**
 * The rightmost eigenvalues of the permutation-invariant Liouvillian without a factorization of the whole matrix: a
 * harmonic Davidson search ({@link HarmonicDavidson}: the Ritz values of (A − σI)^{-1} ordered by Re λ as in
 * {@link RightmostEigen}, a verification sweep, every eigenvalue residual-checked on A) whose expansions apply one
 * forward block Gauss–Seidel sweep over slabs of consecutive total-spin sectors ({@link BlockGmres#gaussSeidel}).
 *
 * <p>Why (local-btc N = 100, ω_x = κ = γ = 1; 2 symmetry blocks of ~88 000 unknowns; measured on the shared
 * 2-core machine, load 7–11, so seconds are indicative, counts are not):
 * <ul>
 * <li>the nested-dissection LU of a block is a 3-D problem in (j, m, m'): 7e10 flops and 6.3e7 stored entries per
 * block, ~50 s each; the 11 slabs of ~5 sectors factor in 1e8–4e8 flops each, 1.4e7 entries per block in all;</li>
 * <li>inexact shift-invert (RightmostEigen with each solve by GMRES on the slab preconditioner to 1e-12) needs 33–47
 * GMRES iterations per solve, ~2.5 s per solve, and the Krylov–Schur search ~100–300 solves: slower than the LU;</li>
 * <li>Davidson spends one preconditioner application where shift-invert spends a whole solve: 150–165 applications
 * per block for λ0, λ1 and 30 verification expansions (22 s CPU for the whole process against 56 s with the LU);</li>
 * <li>Gauss–Seidel instead of Jacobi over the slabs: 150 against 210 applications at the same cost per application;
 * 24 thinner slabs: cheaper factors (9e6 entries) but 209 applications;</li>
 * <li>block LU over j (Schur complements of the sectors) is not an option: the Schur complement of a sector is
 * dense, (2j+1)² ≈ 10⁴ square at j = N/2 — the same 3-D fill as the nested dissection.</li>
 * </ul>
 */
public final class SectorRightmost {
    private SectorRightmost() { }

    /** A block's eigenvalues and the inner-solve statistics, for the method text. */
    public record Result(List<cumulus.api.Complex> values, String method, String certificate) { }

    /**
     * Each block's rightmost eigenvalues, in two phases as {@link RightmostEigen#computeEach}: first every block's
     * search about the small shift; then, with ω &gt; 0, every block's oscillating-mode search about σ = ω, which only
     * has to show that no oscillating mode lies right of the line through the union's λ1 (λ0 for count 1), the places
     * this route certifies, and converges one only if it might. Two blocks run side by side on two cores.
     *
     * @param parts independent diagonal blocks of the Liouvillian
     * @param ranges for each block, the cut points of its preconditioner slabs (slab b is [r[b], r[b+1]))
     */
    public static List<Result> computeEach(List<DMatrixSparseCSC> parts, List<int[]> ranges, int count, double omega) {
        int p = parts.size();
        Result[] first = new Result[p];
        DenseKernels.eachPair(p, i -> first[i] = rightmost(parts.get(i), ranges.get(i), count));
        if (!(omega > 0 && Double.isFinite(omega))) return List.of(first);
        List<List<cumulus.api.Complex>> found = new java.util.ArrayList<>();
        for (Result r : first) found.add(r.values());
        // the line through λ1 for any count: the places beyond λ1 are residual-checked, not certified, on this route
        double line = RightmostEigen.line(found, count);
        Result[] out = new Result[p];
        DenseKernels.eachPair(p, i -> out[i] = oscillating(parts.get(i), ranges.get(i), omega, line, count, first[i]));
        return List.of(out);
    }

    /** Gauss–Seidel (default) or Jacobi over the slabs. */
    static final boolean GAUSS_SEIDEL = !Boolean.getBoolean("cumulus.piqs.spectrum.jacobi");
    /** Basis size, expansions of the verification sweep, and the budget of preconditioner applications. */
    static final int BASIS = Integer.getInteger("cumulus.piqs.spectrum.basis", 40), VERIFY = Integer.getInteger("cumulus.piqs.spectrum.verify", 30), BUDGET = 3000;

    /** Budget of the oscillating-mode search (a model may have no oscillating mode to converge on). */
    static final int OSCILLATING_BUDGET = 600;

    /** The rightmost search about the small shift σ on one block. */
    static Result rightmost(DMatrixSparseCSC a, int[] ranges, int count) {
        double sigma = RightmostEigen.defaultShift(a);
        long t0 = System.nanoTime();
        BlockGmres slabs = new BlockGmres(ShiftInvertEigen.shifted(a, sigma), ranges);
        HarmonicDavidson.Preconditioner m = GAUSS_SEIDEL ? slabs::gaussSeidel : slabs::precondition;
        double setup = (System.nanoTime() - t0) / 1e9;
        Stage stage = new Stage("Davidson (rightmost eigenvalues, block Gauss-Seidel over the total-spin sectors)");
        // λ0 and λ1 (with its conjugate) converged and verified; the further ones asked for are extracted in the same
        // order and residual-checked (converging all six of a block costs four times as many applications: 626
        // against 150-165 at N = 100)
        int want = Math.min(count, 2);
        HarmonicDavidson.Result r = HarmonicDavidson.rightmost(a, sigma, m, want, Math.min(count, a.numRows - 2), BASIS, VERIFY, BUDGET, stage);
        stage.done(r.applications() + " preconditioner applications, " + r.restarts() + " restarts");
        if (!r.converged())
            throw new cumulus.api.NumericalException(String.format(Locale.ROOT, "rightmost eigenvalues (preconditioned Davidson, block of %d unknowns): not converged after %d preconditioner applications",
                    a.numRows, r.applications()));
        double worst = 0;
        for (int i = 0; i < r.certified(); i++) {
            double x = r.residuals().get(i);
            worst = Math.max(worst, x);
            if (!(x <= ShiftInvertEigen.RESIDUAL_TOL * Math.max(r.normA(), r.values().get(i).abs())))
                throw new cumulus.api.NumericalException(String.format(Locale.ROOT, "rightmost eigenvalues (preconditioned Davidson, block of %d unknowns): eigenvalue %s failed the residual check on L (%.1e)",
                        a.numRows, r.values().get(i), x));
        }
        String method = String.format(Locale.ROOT, "rightmost eigenvalues by harmonic Davidson about sigma=%.3g (the Ritz values of (L - sigma)^-1 ordered by Re(lambda), as the shift-invert search), "
                + "expanded by one %s sweep on L - sigma over %d slabs of consecutive total-spin sectors (sparse LU each, %.3g stored entries, %.1f s), basis %d, %d applications, %d restarts",
                sigma, GAUSS_SEIDEL ? "forward block Gauss-Seidel" : "block-Jacobi", ranges.length - 1, (double) slabs.factorNonZeros(), setup, BASIS, r.applications(), r.restarts());
        String cert = String.format(Locale.ROOT, "the %d rightmost (lambda0, lambda1) unchanged over %d further expansions; residuals on L at most %.1e", want, r.stableSteps(), worst)
                + (r.values().size() > r.certified() ? String.format(Locale.ROOT, "; %d further eigenvalues residual-checked (<= 1e-8 max(|L|_1, |lambda|)), their order beyond lambda1 is not certified", r.values().size() - r.certified()) : "");
        return new Result(r.values(), method, cert);
    }

    /**
     * The oscillating-mode search about σ = ω (|Im λ| ≥ ω/4) on one block, as RightmostEigen's second search: its
     * preconditioner is built after the first search's was released, so the peak memory stays one set of slab factors.
     * With a finite {@code line} it stops once the rightmost oscillating Ritz value is resolved left of it.
     */
    static Result oscillating(DMatrixSparseCSC a, int[] ranges, double omega, double line, int count, Result first) {
        List<cumulus.api.Complex> values = new java.util.ArrayList<>(first.values());
        String method = first.method(), cert = first.certificate();
        BlockGmres slabsW = new BlockGmres(ShiftInvertEigen.shifted(a, omega), ranges);
        Stage st2 = new Stage("Davidson (oscillating modes, about sigma = omega)");
        HarmonicDavidson.Result o = HarmonicDavidson.oscillating(a, omega, omega / 4, GAUSS_SEIDEL ? slabsW::gaussSeidel : slabsW::precondition,
                BASIS, VERIFY, OSCILLATING_BUDGET, line, st2);
        st2.done(o.applications() + " preconditioner applications" + (o.resolvedLeft() ? ", none right of the line" : ""));
        for (int i = 0; i < o.values().size(); i++) {
            cumulus.api.Complex z = o.values().get(i);
            if (!(o.residuals().get(i) <= ShiftInvertEigen.RESIDUAL_TOL * Math.max(o.normA(), z.abs()))) continue;
            RightmostEigen.addNew(values, z);
        }
        method += String.format(Locale.ROOT, "; oscillating modes (|Im| >= %.3g) by the same search about sigma=%.3g, %d applications", omega / 4, omega, o.applications());
        cert += o.resolvedLeft()
                ? String.format(Locale.ROOT, "; oscillating-mode search: the rightmost oscillating Ritz value lay left of Re lambda = %.6g (the %s rightmost of all blocks' first searches) "
                        + "by %.0f times its residual at every expansion over %d applications, so none competes", line, count >= 2 ? "2nd" : "1st",
                        ShiftInvertEigen.RESOLVED_MARGIN, ShiftInvertEigen.RESOLVED_SOLVES)
                : String.format(Locale.ROOT, "; oscillating-mode search %s", o.converged()
                        ? "converged, unchanged over " + o.stableSteps() + " expansions" : "NOT converged within its budget (no oscillating mode to converge on, or too slow)");
        return new Result(values, method, cert);
    }
}
