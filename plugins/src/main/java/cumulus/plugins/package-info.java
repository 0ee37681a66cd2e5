/**
 * The wiring and the public facade. {@link cumulus.plugins.Cumulus} is the toolkit as one object
 * (models by name or file, solvers of every kind by {@code method()}), assembled by Guice from
 * {@link cumulus.plugins.CumulusModule}: ServiceLoader finds model plugins ({@link
 * cumulus.plugins.PluginLoader}, external jars included, broken ones skipped with a warning),
 * Multibinders register the solvers. The attractor classifier of {@code classify} lives here too.
 *
 * <p>May import: every Cumulus module; it is the only module above them all but {@code cli}.
 */
package cumulus.plugins;
