/**
 * The contract between a state space and the engines ({@link cumulus.solvers.space.LiouvillianSpace})
 * and what every space is built from: the Hermitian operator basis in which L is a real matrix
 * ({@link cumulus.solvers.space.HermitianBasis}), small complex sparse operators
 * ({@link cumulus.solvers.space.CMatrix}, {@link cumulus.solvers.space.LocalOperators}), moments and
 * SPEC.md's cumulant sums ({@link cumulus.solvers.space.Moments}), product initial states
 * ({@link cumulus.solvers.space.ProductStates}), invariant blocks ({@link cumulus.solvers.space.SymmetryBlocks}),
 * and the memory/time estimates of a run ({@link cumulus.solvers.space.Resources}).
 *
 * <p>May import: {@code cumulus.api}, EJML. Nothing else of Cumulus.
 */
package cumulus.solvers.space;
