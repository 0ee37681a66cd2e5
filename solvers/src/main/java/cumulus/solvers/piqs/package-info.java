/**
 * The permutation-invariant space of one ensemble with local dissipation (paper Eq. 18; the
 * construction of Shammah et al., PRA 98, 063815 (2018), QuTiP's PIQS, in float64): ρ = ⊕_j P_j over
 * every total spin j ({@link cumulus.solvers.piqs.DickeBlocks}), local channels through their
 * Wigner–Eckart transfer rates j → j, j ± 1 ({@link cumulus.solvers.piqs.PiqsLiouvillian}),
 * {@link cumulus.solvers.piqs.PermutationInvariantSpace} implementing the engines' contract; with a boson
 * or several ensembles the product of the ensembles' spaces and the Fock space, blocks J = (j_1, ..., j_M)
 * ({@link cumulus.solvers.piqs.ProductBlocks}, {@link cumulus.solvers.piqs.ProductLiouvillian},
 * {@link cumulus.solvers.piqs.ProductPermutationSpace}).
 *
 * <p>May import: {@code cumulus.api}, {@code cumulus.solvers.space}, EJML.
 */
package cumulus.solvers.piqs;
