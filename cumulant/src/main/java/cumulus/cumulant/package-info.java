/**
 * Mean-field and cumulant dynamics ({@code --method meanfield|cumulant2|cumulant3}): the symbolic
 * engine derives the closed hierarchy (Eqs. S2–S21; the N → ∞ limit for mean field), codegen
 * compiles it, the evolution driver {@code cumulus.solvers.ode.Evolution} integrates it from the
 * cumulants of a product state ({@link cumulus.cumulant.ProductStateCumulants}).
 *
 * <p>May import: {@code cumulus.api}, {@code cumulus.symbolic}, {@code cumulus.codegen}, {@code cumulus.solvers.ode}.
 */
package cumulus.cumulant;
