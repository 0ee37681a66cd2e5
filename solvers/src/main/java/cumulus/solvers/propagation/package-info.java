/**
 * Exact time evolution of constant and piecewise-constant Liouvillians: the shift-invert Krylov
 * propagator ({@link cumulus.solvers.propagation.ShiftInvertKrylov}, one factorization of I − γL per
 * schedule segment, {@link cumulus.solvers.propagation.KrylovEvolution}) that does not care about
 * stiffness, and the per-problem choice between it and the explicit driver of
 * {@code cumulus.solvers.ode} ({@link cumulus.solvers.propagation.ExactPropagation}).
 *
 * <p>May import: {@code cumulus.api}, {@code cumulus.solvers.ode}, {@code cumulus.solvers.sparse},
 * {@code cumulus.solvers.space}, {@code cumulus.solvers.floquet} (its small dense expm), EJML.
 */
package cumulus.solvers.propagation;
