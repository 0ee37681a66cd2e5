package cumulus.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The training run of the launcher's class-data-sharing archive (AppCDS): the archive holds the classes one JVM loaded,
 * so this runs, in one JVM and on tiny models, the commands users start most (spectrum, steady, evolve, models, each
 * in text and JSON), and their classes are mapped from the archive instead of being parsed and verified from the jars.
 * Trained on 'spectrum' alone, a 'steady' run loaded 353 of its ~2900 classes from the jars.
 */
public final class CdsTraining {
    private CdsTraining() { }

    static final String[][] RUNS = {
            {"spectrum", "btc", "--set", "N=8", "--format", "json"},
            {"spectrum", "btc", "--set", "N=8", "--count", "2"},
            {"steady", "btc", "--set", "N=8"},
            {"steady", "btc", "--set", "N=8", "--format", "json"},
            {"evolve", "btc", "--set", "N=8", "--t-end", "1"},
            {"evolve", "btc", "--set", "N=8", "--t-end", "1", "--format", "json"},
            {"models"},
    };

    /** Runs every training command with its output discarded; exit code 1 if one of them failed (no archive then). */
    public static void main(String[] args) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        int failed = 0;
        for (String[] run : RUNS) if (Main.run(run, sink, sink) != 0) failed++;
        System.exit(failed == 0 ? 0 : 1);
    }
}
