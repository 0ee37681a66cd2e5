/**
 * Benchmarks of internals that the facade does not expose ({@code cumulus bench --suite codegen}:
 * Janino against javac on the generated right-hand side), run through the bench command.
 *
 * <p>May import: every Cumulus module, like the facade.
 */
package cumulus.plugins.bench;
