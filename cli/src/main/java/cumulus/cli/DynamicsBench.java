package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 19's benchmark: exact dynamics of collective dephasing (γ = 10, from coherent θ = π/4, t-end 50,
 * dt 0.5, the paper's Fig. S2 setting) and btc (ω_x = 2, from up, t-end 20, dt 0.1), each as one fresh process
 * of the launcher with default options, beside QuTiP mesolve (atol 1e-10, rtol 1e-8, bench/qutip_dynamics.py)
 * in the same run; m1z at t-end from both and their difference.
 */
final class DynamicsBench {
    private final PrintWriter out;
    private final boolean peer;
    private final int timeout;
    private final List<Integer> sizes;
    private final String python;

    DynamicsBench(PrintWriter out, boolean peer, int timeout, List<Integer> sizes, String python) {
        this.out = out;
        this.peer = peer;
        this.timeout = timeout;
        this.sizes = sizes.equals(List.of(64, 128, 256, 512)) ? List.of(32, 64, 128, 256) : sizes;
        this.python = python;
    }

    int run() throws Exception {
        Path launcher = BenchCommand.home().resolve("cumulus");
        Path script = BenchCommand.home().resolve("bench/qutip_dynamics.py");
        boolean havePeer = peer && Files.isRegularFile(script);
        out.println("# whole process of './cumulus evolve MODEL --set N=..  --format json' (default options: automatic propagator, --tol 1e-9) vs QuTiP mesolve in-script seconds");
        out.printf("%-10s %-6s %-9s | %-9s %-18s | %-9s %-18s | %-9s %-8s%n", "model", "N", "unknowns", "seconds", "m1z(t_end)", "qutip_s", "qutip_m1z", "|diff|", "speedup");
        for (String model : List.of("dephasing", "btc")) {
            for (int n : sizes) {
                boolean dep = model.equals("dephasing");
                List<String> args = dep
                        ? List.of("evolve", "dephasing", "--set", "N=" + n + ",gamma=10", "--t-end", "50", "--dt", "0.5", "--initial", "coherent:0.7853981633974483,0", "--format", "json")
                        : List.of("evolve", "btc", "--set", "N=" + n + ",omega_x=2", "--t-end", "20", "--dt", "0.1", "--initial", "up", "--format", "json");
                double[] mine = process(launcher, args);
                double qs = Double.NaN, qz = Double.NaN;
                if (havePeer) {
                    JsonNode j = PeerProcess.json(List.of(python, script.toString(), model, Integer.toString(n)), timeout);
                    if (j != null) {
                        qs = j.path("seconds").asDouble(Double.NaN);
                        qz = j.path("m1z").asDouble(Double.NaN);
                    }
                }
                out.printf("%-10s %-6d %-9d | %-9s %-18s | %-9s %-18s | %-9s %-8s%n", model, n, (long) (n + 1) * (n + 1),
                        f(mine[0], "%.2f"), f(mine[1], "%.12f"), f(qs, "%.2f"), f(qz, "%.12f"), f(Math.abs(mine[1] - qz), "%.1e"), f(qs / mine[0], "%.1fx"));
                out.flush();
            }
        }
        if (!havePeer) out.println("# QuTiP peer not run (needs " + script + " and python3-qutip)");
        return 0;
    }

    private static String f(double x, String fmt) { return Double.isNaN(x) ? "-" : String.format(fmt, x); }

    /** {wall seconds, m1z of the last row}, NaN on failure or timeout. */
    private double[] process(Path launcher, List<String> args) throws IOException, InterruptedException {
        Path o = Files.createTempFile("cumulus-bench", ".json");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(launcher.toString());
            cmd.addAll(args);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(o.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new double[]{Double.NaN, Double.NaN};
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            if (p.exitValue() != 0) return new double[]{Double.NaN, Double.NaN};
            JsonNode j = new ObjectMapper().readTree(Files.readString(o, StandardCharsets.UTF_8));
            int c = 0;
            for (int k = 0; k < j.get("columns").size(); k++) if (j.get("columns").get(k).asText().equals("m1z")) c = k;
            JsonNode rows = j.get("rows");
            return new double[]{wall, rows.get(rows.size() - 1).get(c).asDouble(Double.NaN)};
        } finally {
            Files.deleteIfExists(o);
        }
    }
}
