package cumulus.cli;

import cumulus.api.ModelException;
import cumulus.plugins.Cumulus;
import cumulus.plugins.sweep.Compute;
import cumulus.plugins.sweep.LocalSweep;
import cumulus.plugins.sweep.SweepMerge;
import cumulus.plugins.sweep.SweepRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code cumulus sweep}: the single commands over a parameter grid, resumable, on all cores
 * (docs/sweeps.md). Writes DIR/results.csv (one row per point, appended as points finish),
 * DIR/sweep.properties and DIR/sweep.png; prints a one-line JSON summary on stdout.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run steady/spectrum/classify/floquet over a parameter grid into DIR/results.csv (resumable: a rerun skips finished points) "
                + "and plot it (DIR/sweep.png). With --merge, join the shards of one sweep.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "model name or model file (not with --merge)")
    String model;

    @Option(names = "--set", paramLabel = "NAME=VALUE[,NAME=VALUE...]", description = "fixed model parameters (repeatable)")
    List<String> set = new ArrayList<>();

    @Option(names = "--grid", paramLabel = "NAME=LIST", description = "a swept parameter: LIST is v1,v2,... or a:b:n (n points, both ends included); repeatable, the grid is the product")
    List<String> grid = new ArrayList<>();

    @Option(names = "--compute", defaultValue = "steady", paramLabel = "WHAT", description = "steady, spectrum, classify, floquet, comma-separated (default ${DEFAULT-VALUE})")
    String compute;

    @Option(names = "--method", defaultValue = "exact", description = "solver of steady, spectrum and floquet (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--classify-method", defaultValue = "meanfield", description = "dynamics of classify: meanfield, cumulant2 or cumulant3 (default ${DEFAULT-VALUE})")
    String classifyMethod;

    @Option(names = "--initial", defaultValue = "coherent:0.10017,0", description = "initial state of classify (default ${DEFAULT-VALUE})")
    String initial;

    @Option(names = "--t-end", defaultValue = "400", description = "integration time of classify (default ${DEFAULT-VALUE})")
    double tEnd;

    @Option(names = "--dt", defaultValue = "0.01", description = "sampling interval of classify (default ${DEFAULT-VALUE})")
    double dt;

    @Option(names = "--count", defaultValue = "6", description = "eigenvalues / multipliers asked of spectrum and floquet, as their --count (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder of results.csv, sweep.properties and sweep.png")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads of the local engine (default: the number of cores)")
    Integer threads;

    @Option(names = "--shard", paramLabel = "K/N", description = "compute only the K-th of N interleaved slices of the grid (grid points i with i mod N = K-1), e.g. for a SLURM job array")
    String shard;

    @Option(names = "--merge", arity = "1..*", paramLabel = "DIR", description = "join the results.csv of these shard folders into --out (no MODEL, no --grid)")
    List<Path> merge;

    @Option(names = "--engine", defaultValue = "local", description = "local (a work-stealing pool in this JVM) or spark (the cumulus-spark module, run through spark/cumulus-spark; docs/spark.md) (default ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for --engine spark, e.g. local[*] (embedded, the default) or spark://host:7077")
    String master;

    @Option(names = "--plot", defaultValue = "true", negatable = true, fallbackValue = "true", description = "write DIR/sweep.png (default ${DEFAULT-VALUE})")
    boolean plot;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Cumulus cumulus = Cumulus.create();
        AtomicFiles.folder(out);
        if (merge != null) {
            if (model != null || !grid.isEmpty()) throw new ModelException("--merge joins finished shard folders: give no MODEL and no --grid with it");
            SweepMerge.Summary s = cumulus.mergeSweeps(merge, out);
            if (s.missing() > 0)
                err.println("cumulus: warning: " + s.missing() + " of " + s.points() + " grid points are in none of the folders"
                        + (s.missingShards().isEmpty() ? "" : " (shards " + String.join(", ", s.missingShards()) + " are not finished)"));
            if (plot) SweepPlot.write(out);
            stdout.println(String.format(Locale.ROOT, "{\"results\": \"%s\", \"points\": %d, \"rows\": %d, \"missing\": %d}",
                    jsonText(s.results().toString()), s.points(), s.rows(), s.missing()));
            return 0;
        }
        if (model == null) throw new ModelException("sweep needs a MODEL (or --merge DIR...): e.g. cumulus sweep btc --grid omega_x=0.5:3:6 --out sweep-btc");
        if (grid.isEmpty()) throw new ModelException("sweep needs at least one --grid NAME=LIST, e.g. --grid omega_x=0.5:3:6");
        ModelOptions mo = new ModelOptions();
        mo.model = model;
        mo.set = set;
        int k = 1, n = 1;
        if (shard != null) {
            String[] p = shard.split("/");
            try {
                if (p.length != 2) throw new NumberFormatException();
                k = Integer.parseInt(p[0].trim());
                n = Integer.parseInt(p[1].trim());
            } catch (NumberFormatException e) {
                throw new ModelException("malformed --shard '" + shard + "': expected K/N, e.g. --shard 2/8");
            }
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        SweepRequest r = new SweepRequest(model, mo.overrides(), grid, Compute.parse(compute), method, classifyMethod, initial, tEnd, dt, count, t, k, n);
        LocalSweep.Summary s = cumulus.sweep(r, out, engine, master);
        if (plot) SweepPlot.write(out);
        stdout.println(String.format(Locale.ROOT, "{\"results\": \"%s\", \"points\": %d, \"skipped\": %d, \"computed\": %d, \"failed\": %d, \"seconds\": %.3f}",
                jsonText(s.results().toString()), s.points(), s.skipped(), s.computed(), s.failed(), s.seconds()));
        return 0;
    }

    private static String jsonText(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\""); }
}
