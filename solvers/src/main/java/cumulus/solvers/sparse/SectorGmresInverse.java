package cumulus.solvers.sparse;

import cumulus.api.NumericalException;
import org.ejml.data.DMatrixSparseCSC;

import java.util.Locale;

/**
 * (A − σI)^{-1} by GMRES to a tight relative residual, preconditioned by the sparse LUs of slabs of consecutive
 * total-spin sectors ({@link BlockGmres}): the inner solve of inexact shift-invert Arnoldi on the permutation-invariant
 * Liouvillian, where the direct LU of the whole (3-D-like) matrix is the cost (local-btc N = 100: 7e10 flops per
 * symmetry block) and the slab LUs are 2-D-like and cheap.
 *
 * <p>Inexact shift-invert: Arnoldi with OP applied to a relative residual ε satisfies its Krylov relation to about
 * ε‖OP‖, so Ritz values converge to ~ε accuracy (Simoncini, SIAM J. Numer. Anal. 43 (2005) 1155); with ε = 1e-12
 * below the Krylov–Schur tolerance 1e-11 the outer iteration behaves as with the LU, and every reported eigenvalue
 * is residual-checked on A itself afterwards (ShiftInvertEigen), so an inaccurate solve cannot pass unnoticed.
 */
public final class SectorGmresInverse implements ShiftedInverse {
    /** Relative residual of every inner solve. */
    public static final double TOL = 1e-12;
    static final int RESTART = 80, MAX_ITERATIONS = 2000;

    private final BlockGmres gmres;
    private final int n;
    private final double sigma;
    private int solves, iterations, worst;

    /** @param ranges slab b of the preconditioner is [ranges[b], ranges[b+1]) */
    public SectorGmresInverse(DMatrixSparseCSC a, double sigma, int[] ranges) {
        this.n = a.numRows;
        this.sigma = sigma;
        this.gmres = new BlockGmres(ShiftInvertEigen.shifted(a, sigma), ranges);
    }

    @Override public int size() { return n; }

    @Override public void solve(double[] b, double[] x) {
        double bn = 0;
        for (int i = 0; i < n; i++) bn += b[i] * b[i];
        if (bn == 0) { java.util.Arrays.fill(x, 0, n, 0); return; }
        BlockGmres.Result r = gmres.solve(b, TOL, RESTART, MAX_ITERATIONS);
        if (!(r.relativeResidual() <= TOL))
            throw new NumericalException(String.format(Locale.ROOT, "shift-invert inner solve (GMRES, block-Jacobi over the total-spin sectors, sigma=%.3g): relative residual %.1e after %d iterations, %d solves done",
                    sigma, r.relativeResidual(), r.iterations(), solves));
        System.arraycopy(r.x(), 0, x, 0, n);
        solves++;
        iterations += r.iterations();
        worst = Math.max(worst, r.iterations());
    }

    public int solves() { return solves; }

    /** Stored entries of the slab LUs. */
    public long factorNonZeros() { return gmres.factorNonZeros(); }

    public int iterations() { return iterations; }

    /** Most iterations one solve took. */
    public int worstIterations() { return worst; }
}
