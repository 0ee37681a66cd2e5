package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import cumulus.api.Model;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.plugins.Cumulus;
import cumulus.api.SpectrumSolver;
import cumulus.api.SteadyStateSolver;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue 8's benchmark: local-btc steady state and gap from the permutation-invariant engine beside QuTiP's
 * PIQS ({@code bench/qutip_piqs_local.py}) in one run: PIQS as its users run it (qutip.steadystate and eigs on
 * {@code Dicke.liouvillian()}) and PIQS's Liouvillian restricted to its block-diagonal part, solved by SciPy.
 * Both sides include building the Liouvillian in every time.
 */
final class LocalBench {
    static final List<Integer> DEFAULT_SIZES = List.of(20, 40, 100);
    private final PrintWriter out;
    private final boolean peer;
    private final int timeout;
    private final List<Integer> sizes;
    private final String python;
    private final double warmupSeconds;

    LocalBench(PrintWriter out, boolean peer, int timeout, List<Integer> sizes, String python, double warmupSeconds) {
        this.warmupSeconds = warmupSeconds;
        this.out = out;
        this.peer = peer;
        this.timeout = timeout;
        this.sizes = sizes.equals(List.of(64, 128, 256, 512)) ? DEFAULT_SIZES : sizes;
        this.python = python;
    }

    int run() throws Exception {
        Cumulus c = Cumulus.create();
        Model model = c.models().get("local-btc");
        // what `cumulus spectrum` and `cumulus steady` run, with their default options
        SpectrumSolver spectrum = c.spectrumSolver();
        SteadyStateSolver steady = c.steadyStateSolver();
        Path script = BenchCommand.home().resolve("bench/qutip_piqs_local.py");
        boolean havePeer = peer && Files.isRegularFile(script);
        // JIT warm-up, JMH-style: C2 compiles the small-problem paths only after ~130 calls (N = 20's gap
        // takes ~0.1 s for the first 20 calls, 0.04 s after 100 and 0.017 s after 140), so repeat for --warmup seconds
        long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
        Map<String, Double> p20 = params(model, 20);
        for (int k = 0; k < 5000 && (k < 4 || System.nanoTime() < until); k++) {
            spectrum.spectrum(model, p20, 4);
            if (k % 4 == 0) steady.steadyState(model, p20);
        }
        out.println("# local-btc, omega_x = kappa = gamma_local = 1; every time includes building the Liouvillian");
        out.println("# Cumulus: permutation-invariant engine, best of 3 after " + warmupSeconds + " s of JIT warm-up at N = 20 (one run above N = 40)");
        out.println("# piqs:  QuTiP PIQS as documented: Dicke(...).liouvillian(), qutip.steadystate (method 'power': 'direct' fails,");
        out.println("#        'Factor is exactly singular'), gap from scipy eigs(sigma=0.01) on that Liouvillian (N <= 20 only: slow)");
        out.println("# block: the same Liouvillian restricted to its block-diagonal (j,m,m') elements, SciPy spsolve / eigs(sigma=0.01)");
        out.printf("%-4s %-7s %-9s | %-9s %-11s %-7s %-11s %-7s | %-9s %-11s %-7s %-11s %-7s%n", "N", "states", "unknowns",
                "ness_s", "piqs_ness_s", "x", "block_ness", "x", "gap_s", "piqs_gap_s", "x", "block_gap", "x");
        StringBuilder values = new StringBuilder();
        for (int n : sizes) {
            Map<String, Double> p = params(model, n);
            int reps = n <= 40 ? 3 : 1;
            SteadyStateResult ness = null;
            SpectrumResult gap = null;
            for (int r = 0; r < reps; r++) {
                SteadyStateResult s = steady.steadyState(model, p);
                if (ness == null || s.seconds() < ness.seconds()) ness = s;
                SpectrumResult g = spectrum.spectrum(model, p, 4);
                if (gap == null || g.seconds() < gap.seconds()) gap = g;
            }
            JsonNode j = havePeer ? runPeer(script, n) : null;
            double build = j == null ? Double.NaN : j.path("build_seconds").asDouble(Double.NaN);
            double piqsNess = build + seconds(j, "piqs_steady"), blockNess = build + seconds(j, "block_steady");
            double piqsGap = build + seconds(j, "piqs_gap"), blockGap = build + seconds(j, "block_gap");
            long unknowns = 0;
            for (int twoJ = n; twoJ >= 0; twoJ -= 2) unknowns += (long) (twoJ + 1) * (twoJ + 1); // Σ_j (2j+1)²
            out.printf("%-4d %-7d %-9d | %-9.3f %-11s %-7s %-11s %-7s | %-9.3f %-11s %-7s %-11s %-7s%n", n, ness.dimension(), unknowns,
                    ness.seconds(), f(piqsNess), ratio(piqsNess, ness.seconds()), f(blockNess), ratio(blockNess, ness.seconds()),
                    gap.seconds(), f(piqsGap), ratio(piqsGap, gap.seconds()), f(blockGap), ratio(blockGap, gap.seconds()));
            out.flush();
            values.append(String.format("#   N=%d: Cumulus m1z %.12f lambda1 %.12f%+.2ei", n, ness.expectations().get("m1z"),
                    gap.lambda1().re(), gap.lambda1().im()));
            if (havePeer && j == null) values.append(String.format(" | QuTiP peer failed or exceeded --peer-timeout %d s", timeout));
            if (j != null) {
                values.append(String.format(" | piqs m1z %s lambda1 %s | block m1z %s lambda1 %s",
                        num(j.path("piqs_steady").path("m1z")), lam(j.path("piqs_gap").path("lambda1")),
                        num(j.path("block_steady").path("m1z")), lam(j.path("block_gap").path("lambda1"))));
                if (j.has("piqs_steady_failures"))
                    for (JsonNode fl : j.get("piqs_steady_failures"))
                        values.append(String.format("; piqs steadystate(method=%s) failed after %.2f s: %s", fl.path("method").asText(),
                                fl.path("seconds").asDouble(), fl.path("error").asText()));
            }
            values.append('\n');
        }
        out.println("# values (piqs lambda1 ~ 0 is PIQS's spurious zero modes of the j != j' elements, qutip issue #993):");
        out.print(values);
        if (!havePeer) out.println("# QuTiP peer not run (needs " + script + " and python3-qutip: apt-get install -y python3-qutip)");
        out.flush();
        return 0;
    }

    private static Map<String, Double> params(Model model, int n) { return model.resolve(Map.of("N", Integer.toString(n))); }

    private JsonNode runPeer(Path script, int n) throws Exception {
        return PeerProcess.json(List.of(python, script.toString(), Integer.toString(n)), timeout);
    }

    private static double seconds(JsonNode j, String key) {
        return j == null || !j.path(key).has("seconds") || j.path(key).has("error") ? Double.NaN : j.path(key).path("seconds").asDouble();
    }

    private static String f(double x) { return Double.isNaN(x) ? "-" : String.format("%.3f", x); }

    private static String ratio(double peer, double ours) { return Double.isNaN(peer) ? "-" : String.format("%.1fx", peer / ours); }

    private static String num(JsonNode v) { return v.isNumber() ? String.format("%.12f", v.asDouble()) : "-"; }

    private static String lam(JsonNode l) {
        return l.isMissingNode() ? "-" : String.format("%.12f%+.2ei", l.path("re").asDouble(), l.path("im").asDouble());
    }
}
