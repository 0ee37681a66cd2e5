package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.plugins.Cumulus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Side-by-side benchmark against the QuTiP peer ({@code bench/qutip_peer.py}): what {@code cumulus spectrum}
 * and {@code cumulus steady} do with default options (the engines of {@code Cumulus.create()}, the same count,
 * shifts and checks), timed warm in this process and as a fresh process of the launcher, per N, in one run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the gap and the steady state against QuTiP (bench/qutip_peer.py), side by side.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--suite", defaultValue = "exact", description = "exact (gap and NESS vs QuTiP), codegen (compiled right-hand sides), floquet (kerr-floquet gap vs QuTiP), dynamics (exact dephasing and btc dynamics vs QuTiP mesolve, whole process), local (local-btc steady state and gap vs QuTiP PIQS) or sweep (200-point btc steady sweep vs a shell loop of single commands) (default ${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--loop-points", defaultValue = "20", description = "sweep suite: points of the shell loop actually timed (every k-th of the 200, scaled) (default ${DEFAULT-VALUE})")
    int loopPoints;

    @Option(names = "--model", defaultValue = "btc", description = "btc or dephasing (default ${DEFAULT-VALUE})")
    String modelName;

    @Option(names = "--sizes", defaultValue = "64,128,256,512", split = ",", description = "values of N (default ${DEFAULT-VALUE}; the floquet suite uses 20,40,60, the dynamics suite 32,64,128,256 and the local suite 20,40,100 unless given)")
    List<Integer> sizes;

    @Option(names = "--peer", defaultValue = "true", negatable = true, fallbackValue = "true", description = "run the QuTiP peer beside (default ${DEFAULT-VALUE})")
    boolean peer;

    @Option(names = "--peer-timeout", defaultValue = "900", description = "seconds before a peer run is abandoned (default ${DEFAULT-VALUE})")
    int peerTimeout;

    @Option(names = "--largest", description = "also find the largest N (doubling from the last size) whose gap takes under --budget seconds")
    boolean largest;

    @Option(names = "--budget", defaultValue = "60", description = "seconds, for --largest (default ${DEFAULT-VALUE})")
    double budget;

    @Option(names = "--warmup", defaultValue = "20", description = "seconds of JIT warm-up before the local suite's timings (default ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--count", defaultValue = "2", description = "eigenvalues the timed 'spectrum' runs ask for, as 'cumulus spectrum --count' (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--warm", defaultValue = "true", negatable = true, fallbackValue = "true", description = "time the commands' engines in this process after JIT warm-up (default ${DEFAULT-VALUE})")
    boolean warm;

    @Option(names = "--process", defaultValue = "true", negatable = true, fallbackValue = "true", description = "time each command as a fresh process of the launcher ./cumulus, as a user runs it (default ${DEFAULT-VALUE})")
    boolean process;

    @Option(names = "--process-timeout", defaultValue = "900", description = "seconds before a fresh-process run is abandoned (default ${DEFAULT-VALUE})")
    int processTimeout;

    @Option(names = "--repeat", defaultValue = "3", description = "exact suite: fresh processes of each command, and QuTiP runs, per N; the table shows their medians (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--readme", description = "exact suite: also write the table (markdown, with the date, the cores and the QuTiP version) into README.md between its 'bench:exact' markers")
    boolean readme;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    /** One measured row, for the README table. */
    private record Row(int n, long unknowns, double gapProc, double gapWarm, double qGap, double nessProc, double nessWarm,
                       double qNess, double peak, double l1, double qL) { }

    private final List<Row> rows = new ArrayList<>();
    private String peerVersion = "";

    @Override public Integer call() throws Exception {
        if (readme && !suite.equals("exact")) throw new ModelException("--readme writes the exact suite's table: drop --readme or use --suite exact");
        switch (suite) {
            case "codegen" -> { return new cumulus.plugins.bench.CodegenBenchmark(spec.commandLine().getOut()).run(); }
            case "dynamics" -> { return new DynamicsBench(spec.commandLine().getOut(), peer, peerTimeout, sizes, python()).run(); }
            case "floquet" -> { return new FloquetBench(spec.commandLine().getOut(), peer, peerTimeout, sizes, python()).run(); }
            case "local" -> {
                if (!(warmup >= 0)) throw new ModelException("--warmup must be a number of seconds >= 0, got " + warmup); return new LocalBench(spec.commandLine().getOut(), peer, peerTimeout, sizes, python(), warmup).run(); }
            case "sweep" -> {
                if (loopPoints < 1) throw new ModelException("--loop-points must be at least 1, got " + loopPoints);
                return new SweepBench(spec.commandLine().getOut(), home().resolve("cumulus"), loopPoints, processTimeout).run(); }
            case "exact" -> { }
            default -> throw new ModelException("--suite must be exact, codegen, dynamics, floquet, local or sweep, got '" + suite + "'");
        }
        if (!modelName.equals("btc") && !modelName.equals("dephasing"))
            throw new ModelException("--model must be btc or dephasing (the models the QuTiP peer knows), got '" + modelName + "'");
        if (count < 2) throw new ModelException("--count must be at least 2 (lambda0 and lambda1), got " + count);
        if (repeat < 1) throw new ModelException("--repeat must be at least 1, got " + repeat);
        PrintWriter out = spec.commandLine().getOut();
        Cumulus c = Cumulus.create();
        Model model = c.models().get(modelName);
        Path script = home().resolve("bench/qutip_peer.py");
        boolean havePeer = peer && Files.isRegularFile(script) && peerWorks(script);
        if (peer && !havePeer)
            out.println("# QuTiP peer unavailable (needs " + script + " and python3-qutip: apt-get install -y python3-qutip); timing Cumulus alone");
        Path launcher = home().resolve("cumulus");
        boolean haveLauncher = process && Files.isExecutable(launcher);
        // every fresh process first, while this JVM is idle: a child started after warm runs in this process shares the
        // two cores with its compiler and GC threads (see quiet()), and the warm runs of the smaller sizes came before
        // the larger sizes' children
        Map<Integer, double[][]> procs = new java.util.HashMap<>();
        if (haveLauncher) {
            for (int i = 0; i < sizes.size(); i++) {
                int n = sizes.get(i);
                cumulus.api.Progress.get().progress("bench: fresh processes of " + launcher + ": spectrum and steady at N = " + n + " (" + (i + 1) + " of " + sizes.size() + ")");
                double[][] gaps = new double[repeat][], nesses = new double[repeat][];
                for (int k = 0; k < repeat; k++) {   // alternating, so that a drift of the machine's speed reaches both
                    quiet();
                    gaps[k] = BenchProcess.run(launcher, List.of("spectrum", modelName, "--set", "N=" + n, "--count", Integer.toString(count), "--format", "json"), processTimeout);
                    quiet();
                    nesses[k] = BenchProcess.run(launcher, List.of("steady", modelName, "--set", "N=" + n, "--format", "json"), processTimeout);
                }
                double[] gap = BenchProcess.median(gaps), ness = BenchProcess.median(nesses);
                procs.put(n, new double[][]{gap, ness});
            }
        }
        // the engines the commands use (Cumulus.create(), default options): the same shifts, count and checks
        for (String n : new String[]{"64", "64", "128", "128"}) {
            c.spectrumSolver().spectrum(model, model.resolve(Map.of("N", n)), count);
            c.steadyStateSolver().steadyState(model, model.resolve(Map.of("N", n)));
        }
        out.printf("# warm: in this process after JIT warm-up, best of 2 up to N = 256; process: median of %d fresh '%s spectrum %s --set N=.. --count %d' and '... steady', wall time of the whole process, largest peak RSS; QuTiP: median of %d runs per N (eigs k=6 sigma=0.01, steadystate), in-script seconds%n",
                repeat, launcher, modelName, count, repeat);
        out.printf("%-6s %-9s | %-9s %-9s %-9s %-7s | %-9s %-9s %-9s %-7s | %-8s | %-20s %-20s%n", "N", "unknowns",
                "gap_warm", "gap_proc", "qutip_gap", "ratio", "ness_warm", "ness_proc", "qutip_ness", "ratio", "peak_MB", "lambda1_re", "qutip_lambda1_re");
        for (int n : sizes) row(out, c, model, n, havePeer, script, procs.get(n));
        if (readme) writeReadme(out);
        if (largest) {
            int n = sizes.isEmpty() ? 64 : sizes.get(sizes.size() - 1);
            int best = -1;
            while (true) {
                n *= 2;
                SpectrumResult s;
                try {
                    s = c.spectrumSolver().spectrum(model, model.resolve(Map.of("N", Integer.toString(n))), count);
                } catch (OutOfMemoryError | ModelException e) {
                    out.printf("# largest-N search: N = %d did not run (%s; max heap %.1f GB)%n", n, e.getMessage(), Runtime.getRuntime().maxMemory() / 1e9);
                    break;
                }
                out.printf("# largest-N search: N = %d gap %.2f s%n", n, s.seconds());
                out.flush();
                if (s.seconds() > budget) break;
                best = n;
            }
            out.printf("# largest N tried whose gap finished within %.0f s: %s%n", budget, best < 0 ? "none beyond the table" : Integer.toString(best));
        }
        return 0;
    }

    /** One row: the fresh processes' {seconds, peak MB, λ1} of spectrum and steady ({@code procs}, null: none), warm runs, QuTiP. */
    private void row(PrintWriter out, Cumulus c, Model model, int n, boolean havePeer, Path script, double[][] procs) throws Exception {
        Map<String, Double> p = model.resolve(Map.of("N", Integer.toString(n)));
        double gapWarm = Double.NaN, nessWarm = Double.NaN, l1 = Double.NaN;
        double[] gapProc = procs == null ? new double[]{Double.NaN, Double.NaN, Double.NaN} : procs[0];
        double[] nessProc = procs == null ? new double[]{Double.NaN, Double.NaN, Double.NaN} : procs[1];
        if (warm) {
            SpectrumResult s = c.spectrumSolver().spectrum(model, p, count);
            SteadyStateResult ness = c.steadyStateSolver().steadyState(model, p);
            if (n <= 256) {
                SpectrumResult s2 = c.spectrumSolver().spectrum(model, p, count);
                SteadyStateResult ness2 = c.steadyStateSolver().steadyState(model, p);
                if (s2.seconds() < s.seconds()) s = s2;
                if (ness2.seconds() < ness.seconds()) ness = ness2;
            }
            gapWarm = s.seconds();
            nessWarm = ness.seconds();
            l1 = s.lambda1().re();
        }
        if (Double.isNaN(l1)) l1 = gapProc[2];
        double qGap = Double.NaN, qNess = Double.NaN, qL = Double.NaN;
        if (havePeer) {
            double[] gaps = new double[repeat], nesses = new double[repeat];
            java.util.Arrays.fill(gaps, Double.NaN);
            java.util.Arrays.fill(nesses, Double.NaN);
            for (int k = 0; k < repeat; k++) {
                JsonNode j = runPeer(script, n);
                if (j == null) continue;
                gaps[k] = j.path("gap_seconds").asDouble(Double.NaN);
                nesses[k] = j.path("steady_seconds").asDouble(Double.NaN);
                if (Double.isNaN(qL)) qL = j.path("lambda1").path("re").asDouble(Double.NaN);
                peerVersion = j.path("peer").asText("");
            }
            qGap = BenchProcess.median(gaps);
            qNess = BenchProcess.median(nesses);
        }
        long unknowns = (long) (n + 1) * (n + 1);
        double gapOurs = Double.isNaN(gapProc[0]) ? gapWarm : gapProc[0], nessOurs = Double.isNaN(nessProc[0]) ? nessWarm : nessProc[0];
        double peak = Math.max(Double.isNaN(gapProc[1]) ? 0 : gapProc[1], Double.isNaN(nessProc[1]) ? 0 : nessProc[1]);
        out.printf("%-6d %-9d | %-9s %-9s %-9s %-7s | %-9s %-9s %-9s %-7s | %-8s | %-20s %-20s%n", n, unknowns,
                f(gapWarm), f(gapProc[0]), f(qGap), ratio(qGap, gapOurs), f(nessWarm), f(nessProc[0]), f(qNess), ratio(qNess, nessOurs),
                peak > 0 ? String.format("%.0f", peak) : "-", Double.isNaN(l1) ? "-" : String.format("%.12e", l1), Double.isNaN(qL) ? "-" : String.format("%.12e", qL));
        out.flush();
        rows.add(new Row(n, unknowns, gapProc[0], gapWarm, qGap, nessProc[0], nessWarm, qNess, peak, l1, qL));
    }

    /**
     * Lets this process fall quiet before a fresh process is timed: right after the warm runs its heap is full of
     * garbage and its compiler threads are still busy, and a child started then ran 40% slower (btc N = 256 spectrum
     * 3.66 s against 2.65 s without the warm run before it; 2.3-2.6 s from a shell). Even so a child started after
     * the warm runs of its own N ran 10-30% slower (N = 512 steady 1.82 s against 1.4-1.57 s from a shell), so all
     * fresh processes are timed before any warm run.
     */
    private static void quiet() throws InterruptedException {
        System.gc();
        Thread.sleep(1500);
    }

    static final String BEGIN = "<!-- bench:exact:begin (written by ./cumulus bench --readme) -->", END = "<!-- bench:exact:end -->";

    /** Replaces the README's table between {@link #BEGIN} and {@link #END} by this run's rows (atomically). */
    private void writeReadme(PrintWriter out) throws IOException {
        Path file = home().resolve("README.md");
        String text = Files.readString(file);
        int a = text.indexOf(BEGIN), b = text.indexOf(END);
        if (a < 0 || b < a) throw new ModelException("--readme: " + file + " has no '" + BEGIN + "' ... '" + END + "' block: add the two marker lines where the table goes");
        StringBuilder t = new StringBuilder(BEGIN).append("\n\n");
        t.append(String.format("%s, `--count %d`, %s, %d cores, %s; whole process = the median of %d fresh `./cumulus spectrum|steady %s --set N=..` (alternating), wall time; "
                        + "warm = the same engines in the bench process after JIT warm-up; QuTiP: the median of %d runs per N, its own in-script seconds (eigs k=6 sigma=0.01; steadystate); ratio = QuTiP / whole process.%n%n",
                modelName, count, java.time.LocalDate.now(), Runtime.getRuntime().availableProcessors(), peerVersion.isEmpty() ? "no QuTiP peer" : peerVersion, repeat, modelName, repeat));
        t.append("| N | unknowns | `spectrum` (s) | warm (s) | QuTiP eigs (s) | ratio | `steady` (s) | warm (s) | QuTiP steadystate (s) | ratio | peak RSS (MB) | λ1 | QuTiP λ1 |\n");
        t.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows)
            t.append(String.format("| %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.n(), r.unknowns(), s2(r.gapProc()), s2(r.gapWarm()), s2(r.qGap()),
                    md(ratio(r.qGap(), Double.isNaN(r.gapProc()) ? r.gapWarm() : r.gapProc())), s2(r.nessProc()), s2(r.nessWarm()), s2(r.qNess()),
                    md(ratio(r.qNess(), Double.isNaN(r.nessProc()) ? r.nessWarm() : r.nessProc())), r.peak() > 0 ? String.format("%.0f", r.peak()) : "–",
                    Double.isNaN(r.l1()) ? "–" : String.format("%.12g", r.l1()), Double.isNaN(r.qL()) ? "–" : String.format("%.12g", r.qL())));
        t.append("\n");
        AtomicFiles.write(file, text.substring(0, a) + t + text.substring(b));
        out.println("# README.md: benchmark table written (" + rows.size() + " rows)");
    }

    private static String s2(double x) { return Double.isNaN(x) ? "–" : String.format("%.2f", x); }

    private static String md(String x) { return x.equals("-") ? "–" : x.replace("x", "×"); }

    private static String f(double x) { return Double.isNaN(x) ? "-" : String.format("%.3f", x); }

    /** QuTiP's time over ours, to two decimals below 10 (one decimal had shown 1.45 as "1.5x", a criterion's value). */
    private static String ratio(double peer, double ours) { return Double.isNaN(peer) ? "-" : String.format(peer / ours < 10 ? "%.2fx" : "%.1fx", peer / ours); }

    private JsonNode runPeer(Path script, int n) throws IOException, InterruptedException {
        return PeerProcess.json(List.of(python(), script.toString(), modelName, Integer.toString(n)), peerTimeout);
    }

    private boolean peerWorks(Path script) {
        try {
            Process p = new ProcessBuilder(python(), "-c", "import qutip").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Debian's python3-qutip installs for the system interpreter. */
    /** The interpreter of the QuTiP peers: $CUMULUS_PYTHON when set (e.g. a virtualenv's python3 with qutip), else /usr/bin/python3 or python3. */
    static String python() {
        String env = System.getenv("CUMULUS_PYTHON");
        if (env != null && !env.isBlank()) return env;
        return new File("/usr/bin/python3").canExecute() ? "/usr/bin/python3" : "python3";
    }

    /** The repository the launcher runs from ({@code -Dcumulus.home}, set by ./cumulus), where bench/ holds the peer scripts. */
    static Path home() { return Path.of(System.getProperty("cumulus.home", ".")).toAbsolutePath().normalize(); }
}
