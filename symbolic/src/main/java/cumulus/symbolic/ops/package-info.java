/**
 * The operator algebra of the macroscopic variables m_i^a, x, p (SU(2) per ensemble with its explicit
 * 1/S commutators, bosonic CCR) in one canonical order ({@link cumulus.symbolic.ops.MacroAlgebra}),
 * operator monomials and polynomials with coefficients from {@code cumulus.symbolic.algebra}.
 *
 * <p>May import: {@code cumulus.api}, {@code cumulus.symbolic.algebra}.
 */
package cumulus.symbolic.ops;
