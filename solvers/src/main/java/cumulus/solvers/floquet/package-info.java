/**
 * Floquet multipliers of periodic Lindbladians (Eq. 14) on any space: U_F as the product of the
 * segments' exponentials, dense per invariant block when small ({@link cumulus.solvers.floquet.DenseExpm},
 * scaling and squaring) or applied matrix-free ({@link cumulus.solvers.floquet.ExpmAction}, Al-Mohy &amp;
 * Higham 2011) inside Arnoldi ({@link cumulus.solvers.floquet.LargestModulusEigen}); stroboscopic
 * evolution by repeated application of U_F.
 *
 * <p>May import: {@code cumulus.api}, {@code cumulus.solvers} and its {@code space}, EJML.
 */
package cumulus.solvers.floquet;
