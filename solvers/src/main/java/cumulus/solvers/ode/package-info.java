/**
 * The one evolution driver ({@link cumulus.solvers.ode.Evolution}) of every engine: Dormand–Prince
 * 8(5,3) of commons-math3 over the spans of a schedule, sampled on the output grid by dense
 * output, with one place for tolerances and the divergence and work budgets.
 *
 * <p>May import: {@code cumulus.api}, commons-math3.
 */
package cumulus.solvers.ode;
