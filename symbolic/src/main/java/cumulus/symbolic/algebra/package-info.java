/**
 * The commutative coefficient algebra of the symbolic engine: exact Laurent polynomials over Q(i)
 * with half-integer exponents ({@link cumulus.symbolic.algebra.Poly}, {@link cumulus.symbolic.algebra.Mono},
 * {@link cumulus.symbolic.algebra.QI}), named atoms, the conversion from {@code cumulus.api.Expr}
 * ({@link cumulus.symbolic.algebra.ExprConverter}) and printing.
 *
 * <p>May import: {@code cumulus.api} only.
 */
package cumulus.symbolic.algebra;
