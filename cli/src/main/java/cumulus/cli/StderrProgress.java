package cumulus.cli;

import cumulus.api.Progress;

import java.io.PrintWriter;

/**
 * The command line's progress sink: lines "cumulus: ..." on stderr, so stdout stays clean JSON/CSV.
 * On a terminal (the launcher passes {@code -Dcumulus.stderr.tty=true} when stderr is one) the
 * transient lines of a long stage are redrawn in place on one line, a progress bar; elsewhere
 * (a log file, a pipe, a test) every line stays. {@code --quiet} drops progress and notices but
 * keeps warnings: they are also in the JSON, but a user who silenced the progress still wants them.
 */
final class StderrProgress implements Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private volatile boolean quiet;
    private boolean redrawing;   // the last thing written is a progress line without its newline

    StderrProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Whether the launcher said that stderr is a terminal. */
    static boolean stderrIsTerminal() { return Boolean.getBoolean("cumulus.stderr.tty"); }

    void quiet(boolean q) { quiet = q; }

    @Override public void note(String line) {
        if (!quiet) line("cumulus: " + line);
    }

    @Override public void warn(String line) { line("cumulus: warning: " + line); }

    @Override public void progress(String line) {
        if (quiet) return;
        if (!terminal) { line("cumulus: " + line); return; }
        synchronized (err) {
            err.print("\r\033[2K" + "cumulus: " + line);
            err.flush();
            redrawing = true;
        }
    }

    private void line(String text) {
        synchronized (err) {
            if (redrawing) { err.print("\r\033[2K"); redrawing = false; }
            err.println(text);
            err.flush();
        }
    }

    /** Ends a progress line that is still being redrawn, before the command's own output to stderr. */
    void finish() {
        synchronized (err) {
            if (redrawing) { err.println(); err.flush(); redrawing = false; }
        }
    }
}
