package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import cumulus.api.FloquetResult;
import cumulus.api.Model;
import cumulus.api.FloquetSolver;
import cumulus.plugins.Cumulus;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Issue 5's benchmark: kerr-floquet Floquet gap (cutoff 65) beside QuTiP's dense expm + eig, in one run. */
final class FloquetBench {
    private final PrintWriter out;
    private final boolean peer;
    private final int timeout;
    private final List<Integer> sizes;
    private final String python;

    FloquetBench(PrintWriter out, boolean peer, int timeout, List<Integer> sizes, String python) {
        this.out = out;
        this.peer = peer;
        this.timeout = timeout;
        this.sizes = sizes.equals(List.of(64, 128, 256, 512)) ? List.of(20, 40, 60) : sizes;
        this.python = python;
    }

    int run() throws Exception {
        FloquetSolver engine = Cumulus.create().floquetSolver();
        Model kerr = Cumulus.create().models().get("kerr-floquet");
        Path script = BenchCommand.home().resolve("bench/qutip_kerr_floquet.py");
        boolean havePeer = peer && Files.isRegularFile(script);
        engine.floquet(kerr, kerr.resolve(Map.of("N", "10", "cutoff", "30")), 2); // JIT warm-up
        out.printf("%-5s %-7s | %-10s %-20s | %-10s %-20s | %-8s%n", "N", "cutoff", "seconds", "floquet_gap", "qutip_s", "qutip_gap", "speedup");
        for (int n : sizes) {
            FloquetResult r = engine.floquet(kerr, kerr.resolve(Map.of("N", Integer.toString(n), "cutoff", "65")), 2);
            double qs = Double.NaN, qg = Double.NaN;
            if (havePeer) {
                JsonNode j = PeerProcess.json(List.of(python, script.toString(), Integer.toString(n), "65"), timeout);
                if (j != null) {
                    qs = j.path("seconds").asDouble(Double.NaN);
                    qg = j.path("floquet_gap").asDouble(Double.NaN);
                }
            }
            out.printf("%-5d %-7d | %-10.2f %-20.12e | %-10s %-20s | %-8s%n", n, 65, r.seconds(), r.floquetGap(),
                    Double.isNaN(qs) ? "-" : String.format("%.2f", qs), Double.isNaN(qg) ? "-" : String.format("%.12e", qg),
                    Double.isNaN(qs) ? "-" : String.format("%.1fx", qs / r.seconds()));
            out.flush();
        }
        if (!havePeer) out.println("# QuTiP peer not run (needs " + script + " and python3-qutip)");
        return 0;
    }
}
