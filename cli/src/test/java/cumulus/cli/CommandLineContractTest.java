package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.*;

/** SPEC.md's command-line contract: field names, formats, and one-line errors with exit code 2. */
class CommandLineContractTest {

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static JsonNode json(Run r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void modelsListsThePaperModelsWithDefaults() throws Exception {
        JsonNode j = json(run("models", "--format", "json"));
        StringBuilder names = new StringBuilder();
        for (JsonNode m : j.get("models")) names.append(m.get("name").asText()).append(' ');
        for (String n : new String[]{"btc", "dephasing", "btc-pair", "dicke"}) assertTrue(names.toString().contains(n + " "), names.toString());
        JsonNode btc = null;
        for (JsonNode m : j.get("models")) if (m.get("name").asText().equals("btc")) btc = m;
        assertNotNull(btc);
        assertEquals("N", btc.get("parameters").get(0).get("name").asText());
        assertEquals(16.0, btc.get("parameters").get(0).get("default").asDouble());
    }

    @Test
    void localBenchReportsTheReferenceSteadyStateAndGap() {
        Run r = run("bench", "--suite", "local", "--sizes", "10", "--no-peer", "--warmup", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("10 ") && l.contains("|")), r.out());
        // shared/refs/local_btc.csv, N = 10: m1z = -0.7627959864658812, lambda1 = -0.8535740397336627
        assertTrue(r.out().contains("m1z -0.762795986466"), r.out());
        assertTrue(r.out().contains("lambda1 -0.853574039734"), r.out());
        assertTrue(r.out().contains("QuTiP peer not run"), r.out());
    }

    @Test
    void spectrumJsonCarriesSpecFieldsAndTheReferenceGap() throws Exception {
        JsonNode j = json(run("spectrum", "btc", "--set", "N=8", "--count", "4", "--format", "json"));
        for (String f : new String[]{"model", "parameters", "dimension", "eigenvalues", "lambda1", "spectral_gap", "method", "seconds"})
            assertTrue(j.has(f), "missing field " + f);
        assertEquals(9, j.get("dimension").asInt());
        assertEquals(4, j.get("eigenvalues").size());
        // QuTiP reference, shared/refs/btc_spectrum.csv: N = 8, omega_x = 2, kappa = 1
        assertEquals(-0.15304426446240843, j.get("lambda1").get("re").asDouble(), 1e-9);
        assertEquals(0.15304426446240843, j.get("spectral_gap").asDouble(), 1e-9);
        assertEquals(0.0, j.get("eigenvalues").get(0).get("re").asDouble(), 1e-9);
    }

    @Test
    void steadyJsonCarriesExpectationsCumulantsAndSums() throws Exception {
        JsonNode j = json(run("steady", "btc", "--set", "N=8,omega_x=0.5", "--format", "json"));
        for (String f : new String[]{"expectations", "cumulants", "C_diag", "C_all", "seconds"}) assertTrue(j.has(f), "missing field " + f);
        // shared/refs/btc_ness.csv: omega_x = 0.5, N = 8
        assertEquals(0.49993592396310294, j.get("expectations").get("m1y").asDouble(), 1e-8);
        assertEquals(0.25347243153838345, j.get("C_diag").asDouble(), 1e-8);
        assertTrue(j.get("cumulants").has("K(m1x,m1x)"));
    }

    @Test
    void evolveWritesCsvWithTimeThenObservables() {
        Run r = run("evolve", "btc", "--set", "N=4", "--method", "exact", "--t-end", "1", "--dt", "0.5");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().trim().split("\n");
        assertTrue(lines[0].startsWith("t,m1x,m1y,m1z"), lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[1].startsWith("0.0,"), lines[1]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown model            | spectrum nosuchmodel                       | unknown model 'nosuchmodel'",
            "unknown parameter        | spectrum btc --set omega=1                 | unknown parameter 'omega'",
            "malformed --set          | spectrum btc --set N32                     | malformed --set 'N32'",
            "non-numeric value        | spectrum btc --set N=abc                   | is not a number",
            "N zero                   | spectrum btc --set N=0                     | N must be a positive integer",
            "N negative               | steady btc --set N=-4                      | N must be a positive integer",
            "unknown initial state    | evolve btc --initial sideways              | unknown state 'sideways'",
            "unknown method           | evolve btc --method magic                  | method 'magic'",
            "unknown option           | spectrum btc --bogus                       | Unknown option",
            "bad format               | spectrum btc --format xml                  | xml",
            "negative t-end           | evolve btc --t-end -1                      | --t-end must be a positive number",
    })
    void badInputGivesOneLineAndExitCodeTwo(String what, String args, String expected) {
        Run r = run(args.trim().split("\\s+"));
        assertEquals(2, r.code(), what + ": " + r.err());
        String err = r.err().trim();
        assertEquals(1, err.split("\n").length, "one line on stderr, got: " + err);
        assertTrue(err.contains(expected.trim()), err);
        assertFalse(err.contains("\tat "), "no stack trace");
        assertEquals("", r.out());
    }
}
