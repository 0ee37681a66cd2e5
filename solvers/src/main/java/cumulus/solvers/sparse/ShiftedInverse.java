package cumulus.solvers.sparse;

/**
 * The operator OP = (A − σI)^{-1} that shift-invert Krylov methods ({@link ShiftInvertEigen}, {@link RightmostEigen})
 * apply: a sparse LU of A − σI ({@link SparseLU}), or an iterative solve to a tight tolerance where the LU of the
 * whole matrix is too expensive (the permutation-invariant space: {@link SectorGmresInverse}).
 */
public interface ShiftedInverse {
    /** Dimension n. */
    int size();

    /** x = (A − σI)^{-1} b; b is not modified. */
    void solve(double[] b, double[] x);
}
