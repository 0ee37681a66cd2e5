package cumulus.cli;

import picocli.CommandLine.Option;

/** {@code --method} and {@code --format} of the solver commands (spectrum, steady, floquet). */
public final class SolverOptions {
    @Option(names = "--method", defaultValue = "exact", description = "solver (default ${DEFAULT-VALUE}; 'cumulus models' lists the methods of each command)")
    String method;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default ${DEFAULT-VALUE})")
    Format format;
}
