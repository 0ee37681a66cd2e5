/**
 * Sparse kernels written here because no Java library has them: the multifrontal LU with
 * nested-dissection ordering and threshold pivoting ({@link cumulus.solvers.sparse.SparseLU},
 * {@link cumulus.solvers.sparse.NestedDissection}; EJML's sparse LU has no fill-reducing ordering),
 * shift-invert Krylov–Schur with residual-checked eigenpairs ({@link cumulus.solvers.sparse.ShiftInvertEigen};
 * the pure-Java ARPACK returns wrong eigenvectors now and then), block-Jacobi GMRES
 * ({@link cumulus.solvers.sparse.BlockGmres}) and dense blocked kernels.
 *
 * <p>May import: {@code cumulus.api}, {@code cumulus.solvers.space}, EJML.
 */
package cumulus.solvers.sparse;
