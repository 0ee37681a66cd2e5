/**
 * The space of collective models: M Dicke manifolds |S, m⟩ ⊗ a truncated Fock space
 * ({@link cumulus.solvers.dicke.HilbertSpace}); {@link cumulus.solvers.dicke.NumericModel} evaluates a
 * model there in the form L[ρ] = Kρ + ρK† + Σ A ρ B (Eq. 1, Γ matrices of Eq. 4),
 * {@link cumulus.solvers.dicke.Liouvillian} assembles the real sparse generator column by column,
 * {@link cumulus.solvers.dicke.DickeFockSpace} implements the engines' contract.
 *
 * <p>May import: {@code cumulus.api}, {@code cumulus.solvers.space}, EJML.
 */
package cumulus.solvers.dicke;
