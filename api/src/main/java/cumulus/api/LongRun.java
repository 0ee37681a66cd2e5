package cumulus.api;

import java.util.function.DoubleConsumer;

/**
 * The engines' word, before a large computation starts, of how long they estimate it will take (seconds). The command
 * line's {@code steady} listens: it runs on C1-compiled code only, which is fastest for the usual sub-second steady
 * state, and hands a long one over to a JVM with the optimising compiler (cumulus.cli.C2Relaunch). One listener per
 * process; none by default.
 */
public final class LongRun {
    private static volatile DoubleConsumer listener = seconds -> { };

    private LongRun() { }

    /** Installs the process's listener (null: none). */
    public static void install(DoubleConsumer l) { listener = l == null ? seconds -> { } : l; }

    /** A computation estimated at {@code seconds} is about to start; the listener may not return (it may exit). */
    public static void ahead(double seconds) { listener.accept(seconds); }
}
