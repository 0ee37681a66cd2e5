package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** evolve's --tol and repeated --initial (issue 19) through the command line. */
class EvolveStiffCommandLineTest {
    @Test
    void severalInitialStatesGiveAnInitialColumnAndTheMethodSaysWhichPropagator() throws Exception {
        CommandLineContractTest.Run r = CommandLineContractTest.run("evolve", "dephasing", "--set", "N=16,gamma=10", "--t-end", "2", "--dt", "0.5",
                "--initial", "up", "--initial", "coherent:0.7853981633974483,0", "--tol", "1e-9", "--format", "json");
        JsonNode j = CommandLineContractTest.json(r);
        assertEquals("initial", j.get("columns").get(1).asText());
        assertEquals(10, j.get("rows").size());
        assertEquals(1.0, j.get("rows").get(0).get(1).asDouble());
        assertEquals(2.0, j.get("rows").get(5).get(1).asDouble());
        // the QuTiP 5.3.1 mesolve value of refs/dephasing_dynamics.csv at t = 0.5 (N = 16), to 1e-8
        int m1z = 0;
        for (int c = 0; c < j.get("columns").size(); c++) if (j.get("columns").get(c).asText().equals("m1z")) m1z = c;
        assertEquals(0.62886378875, j.get("rows").get(6).get(m1z).asDouble(), 1e-8);
        String method = j.get("method").asText();
        assertTrue(method.startsWith("exact: ") && (method.contains("Krylov") || method.contains("explicit")), method);
    }

    @Test
    void tolOutsideTheExactMethodIsRefusedNamingTheField() {
        CommandLineContractTest.Run r = CommandLineContractTest.run("evolve", "btc", "--method", "meanfield", "--tol", "1e-8");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--tol") && r.err().contains("--method exact"), r.err());
        CommandLineContractTest.Run bad = CommandLineContractTest.run("evolve", "btc", "--set", "N=4", "--tol", "2");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--tol must be in (0, 1)"), bad.err());
    }
}
