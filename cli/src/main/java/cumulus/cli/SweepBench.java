package cumulus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import cumulus.api.ModelException;
import cumulus.plugins.sweep.Grid;
import cumulus.plugins.sweep.ResultsTable;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code cumulus bench --suite sweep}: a 200-point btc steady-state sweep (ω_x = 0.1..4, 50 values,
 * × N = 8, 16, 32, 64) as one {@code ./cumulus sweep} process (local engine, 1 and all threads)
 * against the shell loop a user would write, one {@code ./cumulus steady --format json} process per
 * point. The loop is timed on an interleaved slice of the points (every k-th with k coprime to the number of N values: the same mix of N)
 * and scaled to 200; every looped point's C_diag is compared with the sweep's row.
 */
final class SweepBench {
    static final List<String> GRID = List.of("omega_x=0.1:4:50", "N=8,16,32,64");

    private final PrintWriter out;
    private final Path launcher;
    private final int loopPoints;
    private final long timeout;

    SweepBench(PrintWriter out, Path launcher, int loopPoints, long timeout) {
        this.out = out;
        this.launcher = launcher;
        this.loopPoints = loopPoints;
        this.timeout = timeout;
    }

    int run() throws IOException, InterruptedException {
        if (!Files.isExecutable(launcher)) throw new ModelException("bench --suite sweep times whole processes of the launcher " + launcher + ", which is not there");
        List<Grid.Point> points = Grid.parse(GRID).points();
        int n = points.size();
        int stride = Math.max(1, n / Math.max(1, Math.min(loopPoints, n)));
        // coprime with the fastest axis (N), so the slice holds every N in the same proportion as the grid
        int fastest = Grid.parse(GRID).axes().get(1).values().size();
        while (stride > 1 && java.math.BigInteger.valueOf(stride).gcd(java.math.BigInteger.valueOf(fastest)).intValue() != 1) stride--;
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "# sweep suite: btc steady state over %s (%d points); wall time of whole processes of %s (JVM start-up included)%n", String.join(" x ", GRID), n, launcher);
        out.printf("%-34s %-7s %-10s %-11s %-9s%n", "engine", "points", "seconds", "per_point", "speed-up");
        Path tmp = Files.createTempDirectory("cumulus-bench-sweep");
        try {
            double[] local = new double[cores > 1 ? 2 : 1];
            int[] threads = cores > 1 ? new int[]{1, cores} : new int[]{1};
            Path last = null;
            for (int i = 0; i < threads.length; i++) {
                last = tmp.resolve("sweep-t" + threads[i]);
                List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "sweep", "btc", "--grid", GRID.get(0), "--grid", GRID.get(1), "--compute", "steady",
                        "--threads", Integer.toString(threads[i]), "--no-plot", "--out", last.toString()));
                local[i] = wall(cmd, null);
            }
            // Spark local[2] against local, when the Spark engine is built (spark/cumulus-spark)
            Path sparkLauncher = launcher.resolveSibling("spark").resolve("cumulus-spark");
            double spark = Double.NaN;
            boolean sparkBuilt = Files.isExecutable(sparkLauncher) && Files.isRegularFile(sparkLauncher.resolveSibling("target").resolve("cumulus-spark.jar"));
            if (sparkBuilt) {
                Path sp = tmp.resolve("sweep-spark");
                spark = wall(List.of(sparkLauncher.toString(), "sweep", "btc", "--grid", GRID.get(0), "--grid", GRID.get(1), "--compute", "steady",
                        "--engine", "spark", "--master", "local[" + cores + "]", "--no-plot", "--out", sp.toString()), null);
                ResultsTable.Read sr = ResultsTable.read(sp.resolve(ResultsTable.FILE));
                Map<List<Double>, Double> lc = new HashMap<>();
                ResultsTable.Read lr = ResultsTable.read(last.resolve(ResultsTable.FILE));
                int lcol = lr.header().indexOf("C_diag");
                for (List<String> row : lr.rows()) lc.put(ResultsTable.key(row, 2), Double.parseDouble(row.get(lcol)));
                double d = 0;
                int scol = sr.header().indexOf("C_diag");
                for (List<String> row : sr.rows()) d = Math.max(d, Math.abs(Double.parseDouble(row.get(scol)) - lc.getOrDefault(ResultsTable.key(row, 2), Double.NaN)));
                if (sr.rows().size() != n || !(d <= 1e-9)) throw new cumulus.api.NumericalException("bench --suite sweep: the Spark engine's rows differ from the local engine's (" + sr.rows().size() + " rows, max |dC_diag| = " + d + ")");
            }
            // the loop: every stride-th point (an interleaved shard: the same mix of sizes as the whole grid)
            Map<List<Double>, Double> sweepC = new HashMap<>();
            ResultsTable.Read r = ResultsTable.read(last.resolve(ResultsTable.FILE));
            int c = r.header().indexOf("C_diag");
            for (List<String> row : r.rows()) sweepC.put(ResultsTable.key(row, 2), Double.parseDouble(row.get(c)));
            double loop = 0, maxDiff = 0;
            int looped = 0;
            ObjectMapper json = new ObjectMapper();
            for (int i = 0; i < n; i += stride) {
                Grid.Point p = points.get(i);
                Path o = tmp.resolve("point.json");
                loop += wall(List.of(launcher.toString(), "steady", "btc", "--set", p.label(), "--format", "json"), o);
                double cd = json.readTree(Files.readString(o, StandardCharsets.UTF_8)).path("C_diag").asDouble(Double.NaN);
                maxDiff = Math.max(maxDiff, Math.abs(cd - sweepC.getOrDefault(List.copyOf(p.values().values()), Double.NaN)));
                if (Double.isNaN(maxDiff)) maxDiff = Double.POSITIVE_INFINITY;
                looped++;
            }
            double loopAll = loop / looped * n;
            for (int i = 0; i < threads.length; i++)
                out.printf(Locale.ROOT, "%-34s %-7d %-10.2f %-11.4f %-9s%n", "sweep, local engine, " + threads[i] + " thread" + (threads[i] > 1 ? "s" : ""), n, local[i], local[i] / n,
                        String.format(Locale.ROOT, "%.1fx", loopAll / local[i]));
            if (sparkBuilt)
                out.printf(Locale.ROOT, "%-34s %-7d %-10.2f %-11.4f %-9s%n", "sweep, Spark local[" + cores + "]", n, spark, spark / n, String.format(Locale.ROOT, "%.1fx", loopAll / spark));
            out.printf(Locale.ROOT, "%-34s %-7d %-10.2f %-11.4f %-9s%n", "shell loop of ./cumulus steady", looped, loop, loop / looped, "1.0x");
            out.printf(Locale.ROOT, "%-34s %-7d %-10.2f %-11.4f %-9s%n", "  (loop scaled to all points)", n, loopAll, loop / looped, "1.0x");
            out.printf(Locale.ROOT, "# loop measured on %d of %d points (every %d-th) and scaled; max |C_diag(loop) - C_diag(sweep)| = %.2e over them%n", looped, n, stride, maxDiff);
            out.println(sparkBuilt ? "# Spark: spark/cumulus-spark, embedded local[" + cores + "], rows equal to the local engine's to 1e-9; its time includes Spark start-up and the Parquet copy"
                    : "# Spark engine not built (mvn -Pspark -pl spark -am package, or run spark/cumulus-spark once): no Spark row");
            out.flush();
            if (!(maxDiff <= 1e-9)) {
                out.println("# MISMATCH: the loop and the sweep disagree");
                return 3;
            }
            return 0;
        } finally {
            try (var walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private double wall(List<String> cmd, Path stdout) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process p = pb.start();
        if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new cumulus.api.NumericalException("bench --suite sweep: '" + String.join(" ", cmd) + "' took longer than " + timeout + " s");
        }
        if (p.exitValue() != 0) throw new cumulus.api.NumericalException("bench --suite sweep: '" + String.join(" ", cmd) + "' exited with " + p.exitValue());
        return (System.nanoTime() - t0) / 1e9;
    }
}
