/**
 * Two-time correlations and power spectra of the steady state by the quantum regression theorem,
 * written once against {@link cumulus.solvers.space.LiouvillianSpace} (both exact spaces).
 */
package cumulus.solvers.correlation;
