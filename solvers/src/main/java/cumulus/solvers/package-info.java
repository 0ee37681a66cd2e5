/**
 * The exact engines, written once against {@link cumulus.solvers.space.LiouvillianSpace}:
 * {@link cumulus.solvers.ExactEngine} (spectrum, steady state, dynamics; method "exact"),
 * {@link cumulus.solvers.Spaces} (the one place a model's space is chosen),
 * {@link cumulus.solvers.LiouvillianSpectrum} with {@link cumulus.solvers.Shifts} (dense QR per
 * invariant block, or shift-invert Krylov–Schur near σ and σ + iω), {@link cumulus.solvers.SteadyState}
 * (bordered sparse LU or block-Jacobi GMRES) and the checks every result passes
 * ({@link cumulus.solvers.SpectrumChecks}, {@link cumulus.solvers.SteadyStateChecks}).
 *
 * <p>May import: {@code cumulus.api}, the sub-packages {@code space}, {@code dicke}, {@code piqs},
 * {@code sparse}, {@code ode}; not {@code floquet} (which imports this package).
 */
package cumulus.solvers;
