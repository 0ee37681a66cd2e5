/**
 * The bottom of Cumulus: what a model is and what a solver promises. A {@link cumulus.api.Model}
 * declares spin ensembles, an optional boson, parameters, a Hamiltonian and dissipators with
 * symbolic {@link cumulus.api.Expr} coefficients (paper Eqs. 1–4, 18; SPEC.md), optionally a
 * periodic {@link cumulus.api.Schedule} (Eqs. 13, 16). Plugin interfaces: {@link cumulus.api.ModelPlugin}
 * for models, {@link cumulus.api.SpectrumSolver}, {@link cumulus.api.SteadyStateSolver},
 * {@link cumulus.api.DynamicsSolver} and {@link cumulus.api.FloquetSolver} for solvers, each
 * named by {@code method()}. Results are immutable records; {@link cumulus.api.ModelException}
 * (bad input, exit 2), {@link cumulus.api.NumericalException} (exit 3) and the process-wide
 * {@link cumulus.api.Progress} sink are how lower layers speak to the user.
 *
 * <p>May import: the JDK and jakarta.inject only.
 */
package cumulus.api;
