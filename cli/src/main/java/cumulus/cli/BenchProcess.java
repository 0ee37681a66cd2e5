package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One fresh process of the launcher, as a user runs it: wall time of the whole process (JVM start-up, class
 * loading, JIT warm-up and the computation), its peak resident memory (from /usr/bin/time when present) and
 * the JSON result's Re lambda1. Output goes to files, with a wall-clock limit.
 */
final class BenchProcess {
    private BenchProcess() { }

    /** {wall seconds, peak MB, Re lambda1}, NaN where not available (failure, timeout, no /usr/bin/time). */
    static double[] run(Path launcher, List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cumulus-bench", ".json"), mem = Files.createTempFile("cumulus-bench", ".mem");
        try {
            List<String> cmd = new ArrayList<>();
            boolean time = new File("/usr/bin/time").canExecute();
            if (time) cmd.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", mem.toString()));
            cmd.add(launcher.toString());
            cmd.addAll(args);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new double[]{Double.NaN, Double.NaN, Double.NaN};
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            if (p.exitValue() != 0) return new double[]{Double.NaN, Double.NaN, Double.NaN};
            double peak = Double.NaN;
            if (time) {
                String kb = Files.readString(mem, StandardCharsets.UTF_8).strip();
                kb = kb.substring(kb.lastIndexOf('\n') + 1).strip();
                if (kb.matches("\\d+")) peak = Long.parseLong(kb) / 1024.0;
            }
            double l1 = Double.NaN;
            String text = Files.readString(out, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                JsonNode j = new ObjectMapper().readTree(text);
                l1 = j.path("lambda1").path("re").asDouble(Double.NaN);
            }
            return new double[]{wall, peak, l1};
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(mem);
        }
    }

    /**
     * The median of several {@link #run}s, entry by entry over the runs that gave a number (NaN if none did): wall
     * seconds and λ1 by their medians, the peak memory by its largest.
     */
    static double[] median(double[][] runs) {
        double[] out = new double[3];
        for (int e = 0; e < 3; e++) {
            double[] v = new double[runs.length];
            for (int k = 0; k < runs.length; k++) v[k] = runs[k][e];
            out[e] = e == 1 ? largest(v) : median(v);
        }
        return out;
    }

    /** The median of the numbers among {@code v} (the mean of the middle two for an even count), NaN if there are none. */
    static double median(double[] v) {
        double[] x = java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (x.length == 0) return Double.NaN;
        int m = x.length / 2;
        return x.length % 2 == 1 ? x[m] : 0.5 * (x[m - 1] + x[m]);
    }

    private static double largest(double[] v) {
        double best = Double.NaN;
        for (double d : v) if (!Double.isNaN(d) && !(d <= best)) best = d;
        return best;
    }
}
