package cumulus.cli;

import cumulus.api.LongRun;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A long steady state in a JVM with the optimising compiler. The launcher runs {@code steady} on C1 code only
 * (-XX:TieredStopAtLevel=1): a steady state is one factorization and a few solves, and below a few seconds C2's compile
 * time costs more than its code saves (btc N = 256: 0.46–0.57 s against 0.71–1.01 s). A long one loses a third of its
 * time to C1 code instead (2026-12-03, whole processes, C1 only against C2 with the launcher's thresholds: btc-pair
 * N = 12 22.8 against 13.5 s, btc N = 2048 31.6 against 24.2 s, dicke N = 16 cutoff 24 86.7 against 58.3 s). The
 * JIT cannot be switched inside a running JVM, and the launcher cannot know a model's size; the engine can, before
 * it assembles anything ({@link LongRun}). So when it estimates at least {@value #SECONDS} s, this process runs the
 * same command line again with the launcher's C2 flags (in -Dcumulus.jit.c2) instead of -XX:TieredStopAtLevel=1,
 * passes its streams through, and exits with the child's status: a start-up of ~0.3 s more.
 */
final class C2Relaunch {
    private C2Relaunch() { }

    /** Estimated seconds from which a steady state is handed over (all the cases above estimate 40 s or more). */
    static final double SECONDS = 20;
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    /** Listens for a long computation if this JVM runs C1 only, the launcher gave the C2 flags, and it is not a relaunch. */
    static void arm() {
        String c2 = System.getProperty("cumulus.jit.c2");
        if (c2 == null || c2.isBlank() || Boolean.getBoolean("cumulus.relaunched")) return;
        LongRun.install(seconds -> {
            if (seconds < SECONDS) return;
            ProcessHandle.Info info = ProcessHandle.current().info();
            Optional<String> cmd = info.command();
            Optional<String[]> args = info.arguments();
            if (cmd.isEmpty() || args.isEmpty()) return;
            List<String> line = commandLine(cmd.get(), args.get(), c2);
            if (line == null) return;
            run(line);
        });
    }

    /**
     * The relaunch's command line: this JVM's with -XX:TieredStopAtLevel=1 replaced by the C2 flags and the relaunch
     * marked (so it does not relaunch again); null when this JVM does not run C1 only.
     */
    static List<String> commandLine(String java, String[] args, String c2) {
        List<String> line = new ArrayList<>();
        line.add(java);
        line.add("-Dcumulus.relaunched=true");
        boolean c1 = false, jvm = true;
        for (String a : args) {
            if (jvm && a.startsWith("-XX:TieredStopAtLevel=")) {
                c1 = a.equals(C1_ONLY);   // the last one counts (CUMULUS_JAVA_OPTS may override the launcher's)
                if (c1) for (String f : c2.trim().split("\\s+")) line.add(f);
                else line.add(a);
                continue;
            }
            if (a.equals("-jar") || !a.startsWith("-")) jvm = false;   // the JVM's options end at -jar or the main class
            line.add(a);
        }
        return c1 ? line : null;
    }

    private static void run(List<String> line) {
        Process child;
        try {
            child = new ProcessBuilder(line).inheritIO().start();
        } catch (IOException e) {
            return;   // no second JVM: go on in this one
        }
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));   // a killed parent takes its child along
        int code;
        try {
            code = child.waitFor();
        } catch (InterruptedException e) {
            code = 130;
        }
        System.exit(code);
    }
}
