package cumulus.cli;

import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The output options of the commands that print a table (evolve, correlate): --format and --out. */
final class TableOutput {
    @Option(names = "--format", defaultValue = "csv", description = "csv, json or text (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", description = "write to this file (atomically) instead of standard output")
    Path file;

    /** Writes the text to --out (atomically) or to standard output. */
    void emit(String text, PrintWriter stdout) {
        if (file != null) AtomicFiles.write(file, text);
        else stdout.print(text);
    }
}
