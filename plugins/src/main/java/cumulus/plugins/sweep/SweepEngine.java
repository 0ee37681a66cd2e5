package cumulus.plugins.sweep;

import cumulus.plugins.Cumulus;

import java.nio.file.Path;

/**
 * A sweep engine other than the built-in {@code local} one, found with {@link java.util.ServiceLoader}
 * (e.g. {@code spark} from the separate cumulus-spark module, docs/spark.md). It must write the
 * same DIR/results.csv as {@link LocalSweep} (header {@link LocalSweep#header}, rows from
 * {@link LocalSweep#row}, appended through {@link ResultsTable}) and resume the same way.
 */
public interface SweepEngine {
    /** The name {@code --engine} selects. */
    String name();

    /** Runs the sweep into {@code dir}; {@code master} is the engine's cluster address (may be null). */
    LocalSweep.Summary run(Cumulus cumulus, SweepRequest request, Path dir, String master);
}
