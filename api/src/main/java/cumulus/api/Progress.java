package cumulus.api;

/**
 * Where Cumulus says what it is doing while it works and what it noticed on the way: estimates
 * of large runs, stages of long computations, plugins that were skipped. The command line installs
 * a sink that writes one line per note to stderr (stdout stays clean JSON/CSV); everywhere else
 * notes go nowhere unless a sink is installed. One sink per process.
 */
public interface Progress {
    /** One line of progress or notice, without a trailing newline. */
    void note(String line);

    /**
     * A transient line of a long stage (fraction done, ETA): a sink on a terminal may redraw it in
     * place as a progress bar; elsewhere it is an ordinary line.
     */
    default void progress(String line) { note(line); }

    /** A notice that something was skipped or is doubtful (printed as a warning). */
    default void warn(String line) { note("warning: " + line); }

    Progress SILENT = line -> { };

    /** The sink of this process. */
    static Progress get() { return Holder.sink; }

    /** Installs the sink of this process (the command line's stderr writer, or {@link #SILENT}). */
    static void install(Progress sink) { Holder.sink = sink == null ? SILENT : sink; }

    /** The holder of the process-wide sink (interfaces cannot have mutable static fields). */
    final class Holder {
        private static volatile Progress sink = SILENT;
        private Holder() { }
    }
}
