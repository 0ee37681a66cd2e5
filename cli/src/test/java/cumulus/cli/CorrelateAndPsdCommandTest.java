package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cumulus.cli.CommandLineContractTest.json;
import static cumulus.cli.CommandLineContractTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC.md's contract of {@code correlate} and {@code psd}: CSV columns, JSON fields, one-line errors (exit 2). */
class CorrelateAndPsdCommandTest {

    /** refs/btc_correlation.csv, N = 8, omega_x = 0.5: <m1x(0.5) m1x(0)> = 0.06912268756183353 (QuTiP 5.3.1 correlation_2op_1t). */
    @Test
    void correlatePrintsTauReIm() {
        CommandLineContractTest.Run r = run("correlate", "btc", "--set", "N=8,omega_x=0.5", "--a", "m1x", "--b", "m1x", "--tau-end", "1", "--dt", "0.5");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("tau,re,im", lines.get(0));
        assertEquals(4, lines.size());
        String[] row = lines.get(2).split(",");
        assertEquals(0.5, Double.parseDouble(row[0]), 1e-12);
        assertEquals(0.06912268756183353, Double.parseDouble(row[1]), 1e-8);
    }

    /** Issue 17's QuTiP 4.7.1 number S(0.5) = 0.0929995 (btc N = 16, omega_x = 0.5), real for A = B. */
    @Test
    void psdJsonHasOmegaSMethodSecondsAndSaysTheDeltaIsRemoved(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("s.png");
        JsonNode j = json(run("psd", "btc", "--set", "N=16,omega_x=0.5", "--a", "m1x", "--b", "m1x", "--omega", "0,0.5", "--format", "json", "--plot", png.toString()));
        for (String f : new String[]{"omega", "S", "method", "seconds", "convention"}) assertTrue(j.has(f), "missing " + f);
        assertEquals(0.0929995, j.get("S").get(1).asDouble(), 1e-7);
        assertTrue(j.get("convention").asText().contains("removed"));
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void psdIsComplexWhenBIsNotTheAdjointOfA() throws Exception {
        JsonNode j = json(run("psd", "btc", "--set", "N=8", "--a", "m1+", "--b", "m1z", "--omega", "-1:1:3", "--format", "json"));
        assertEquals(3, j.get("omega").size());
        assertTrue(j.get("S").get(0).has("re") && j.get("S").get(0).has("im"));
        CommandLineContractTest.Run csv = run("psd", "btc", "--set", "N=8", "--a", "m1+", "--b", "m1z", "--omega", "-1:1:3", "--format", "csv");
        assertEquals("omega,re,im", csv.out().lines().findFirst().orElse(""));
    }

    /** --peaks: each peak with omega, height, half_width and the nearest eigenvalue; btc N = 16, omega_x = 2 has its largest peak at 0. */
    @Test
    void psdPeaksStandBesideTheEigenvalues() throws Exception {
        JsonNode j = json(run("psd", "btc", "--set", "N=16,omega_x=2", "--a", "m1x", "--b", "m1x", "--omega", "-0.2:0.2:9", "--peaks", "--count", "4", "--format", "json"));
        JsonNode p = j.get("peaks");
        assertEquals(1, p.size());
        for (String f : new String[]{"omega", "height", "half_width", "eigenvalue", "minus_re_lambda"}) assertTrue(p.get(0).has(f), "missing " + f);
        assertEquals(p.get(0).get("minus_re_lambda").asDouble(), p.get(0).get("half_width").asDouble(), 2e-3 * p.get(0).get("minus_re_lambda").asDouble());
    }

    /** --method cumulant2 at N = 10^6 (no Liouvillian): N S(0) = 2 for btc omega_x = 0.5, and method says cumulant2. */
    @Test
    void psdCumulant2ReachesLargeN() throws Exception {
        JsonNode j = json(run("psd", "btc", "--set", "N=1000000,omega_x=0.5", "--a", "m1x", "--b", "m1x", "--omega", "0", "--method", "cumulant2", "--format", "json"));
        assertEquals(2.0, j.get("S").get(0).asDouble() * 1e6, 1e-5);
        assertTrue(j.get("method").asText().startsWith("cumulant2"));
    }

    @Test
    void badObservableOrFrequencyListIsOneLineExit2() {
        CommandLineContractTest.Run r = run("psd", "btc", "--a", "m3x", "--b", "m1x", "--omega", "0,1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--a") && r.err().contains("m3x"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        CommandLineContractTest.Run w = run("psd", "btc", "--a", "m1x", "--b", "m1x", "--omega", "0:1");
        assertEquals(2, w.code());
        assertTrue(w.err().contains("--omega"), w.err());
        CommandLineContractTest.Run p = run("correlate", "dicke-floquet", "--a", "x", "--b", "x", "--tau-end", "1", "--dt", "0.5");
        assertEquals(2, p.code());
        assertTrue(p.err().contains("periodically driven"), p.err());
    }
}
