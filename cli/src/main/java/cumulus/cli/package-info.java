/**
 * The {@code cumulus} command (picocli): one class per subcommand, SPEC.md's JSON/CSV/text output
 * ({@code Output}), atomic file writes ({@link cumulus.cli.AtomicFiles}), exit codes 0/2/3
 * ({@link cumulus.cli.Main}) and the benchmarks beside the QuTiP peers of {@code bench/}.
 *
 * <p>May import: {@code cumulus.api} and the facade {@code cumulus.plugins} (checked by
 * {@code CliUsesOnlyTheFacadeTest}); never solvers, symbolic, codegen or models directly.
 */
package cumulus.cli;
