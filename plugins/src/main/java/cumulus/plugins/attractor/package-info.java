/**
 * The pieces of the attractor classifier ({@code cumulus.plugins.AttractorClassifier}): the sampled
 * state series, exponential-envelope fits of the distance to the late-time mean (fixed points, however
 * slow the spiral), full-state recurrence with Brent-refined periods, Newton shooting on the return
 * map with the Floquet multipliers of the monodromy (limit cycle vs closed orbits), measured
 * contraction rates, and the frequency drift between window halves (Laskar) that separates
 * quasi-periodic from irregular motion.
 *
 * <p>May import: {@code cumulus.api} only.
 */
package cumulus.plugins.attractor;
