package cumulus.solvers.sparse;

import cumulus.api.Progress;

import java.util.Locale;

/**
 * Progress lines of one long stage of a computation (ordering, factorization, Arnoldi) on the
 * process-wide {@link Progress} sink: nothing during the first {@value #QUIET_SECONDS} s (short runs
 * stay silent), then at most one line per {@value #PERIOD_SECONDS} s, with an ETA extrapolated from
 * the fraction of the work done. Plain lines: the sink (the command line) decides how to show them.
 * Thread-safe: the two factorization threads report into one stage.
 */
public final class Stage {
    static final double QUIET_SECONDS = 2, PERIOD_SECONDS = 1;

    private final String name;
    private final long t0 = System.nanoTime();
    private long lastLine;
    private boolean spoke;

    public Stage(String name) { this.name = name; }

    /** Seconds since the stage began. */
    public double seconds() { return (System.nanoTime() - t0) * 1e-9; }

    /** A rate-limited line: {@code fraction} of the work done (NaN when unknown) and what was done. */
    public synchronized void update(double fraction, String detail) {
        long now = System.nanoTime();
        double s = (now - t0) * 1e-9;
        if (s < QUIET_SECONDS || (now - lastLine) * 1e-9 < PERIOD_SECONDS) return;
        lastLine = now;
        spoke = true;
        String eta = fraction > 0.02 && fraction < 1 ? String.format(Locale.ROOT, ", ETA %s", duration(s * (1 - fraction) / fraction)) : "";
        String pct = fraction >= 0 && fraction <= 1 ? String.format(Locale.ROOT, " %3.0f%%", 100 * fraction) : "";
        Progress.get().progress(String.format(Locale.ROOT, "%s:%s %s (%.0f s%s)", name, pct, detail, s, eta));
    }

    /** The closing line, printed only when the stage took long enough to have been announced. */
    public synchronized void done(String detail) {
        double s = seconds();
        if (spoke || s >= QUIET_SECONDS) Progress.get().note(String.format(Locale.ROOT, "%s: done, %s (%.1f s)", name, detail, s));
    }

    static String duration(double s) {
        if (s < 90) return String.format(Locale.ROOT, "%.0f s", s);
        return String.format(Locale.ROOT, "%.0f min", s / 60);
    }
}
