/**
 * The symbolic engine: exact Heisenberg equations, cumulant closures and the mean-field verifier.
 *
 * <ul>
 *   <li>{@link cumulus.symbolic.algebra.Poly}: exact Laurent polynomials over Q(i) with half-integer
 *       exponents (parameters, N, square roots, unknowns) behind the small
 *       {@link cumulus.symbolic.algebra.Coefficient} interface.</li>
 *   <li>{@link cumulus.symbolic.ops.MacroAlgebra}: the operator algebra of m_i^a, x, p in one
 *       canonical (PBW) order, with commutators carrying their explicit 1/N.</li>
 *   <li>{@link cumulus.symbolic.Heisenberg}: the adjoint Lindbladian (S1), exact at finite N.</li>
 *   <li>{@link cumulus.symbolic.CumulantEngine}: symmetrized moments ↔ cumulants by set partitions,
 *       closure at any order, ordered cumulants of Eq. (6).</li>
 *   <li>{@link cumulus.symbolic.Derivation#derive} → {@link cumulus.symbolic.EquationSystem};
 *       {@link cumulus.symbolic.MeanFieldVerifier#verify} → {@link cumulus.symbolic.MeanFieldVerdict}.</li>
 * </ul>
 *
 * <p>Symja (matheclipse) is deliberately not used (nor a dependency): every coefficient of the
 * supported models is a Laurent monomial in the parameters, N and square roots of them, so the
 * exact representation here is already canonical (a difference is zero iff it is the zero
 * polynomial), and the leading order in 1/N is read off the exponents. That avoids Symja's 4–5 s
 * start-up, its relaxed-mode folding of names such as gamma or pi into built-ins, and its wrong
 * Series at infinity, and keeps it off every numeric path. Coefficients that are not Laurent
 * monomials (sqrt of a sum, 1/(a+b), exp, sin, cos) become opaque real atoms.
 */
package cumulus.symbolic;
