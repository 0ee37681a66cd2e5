package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static cumulus.cli.CommandLineContractTest.json;
import static cumulus.cli.CommandLineContractTest.run;
import static org.junit.jupiter.api.Assertions.*;

/** SPEC.md's classify row: attractor, period, multiplicity, decided_by, suggested_t_end. */
class ClassifyCommandTest {
    private static final String START = "coherent:0.10017,0;coherent:0.10017,1.5708";

    @Test
    void theSlowSpiralOfTheIssueIsAFixedPointWithItsDecayRate() throws Exception {
        JsonNode j = json(run("classify", "btc-pair", "--method", "meanfield", "--set", "omega_zz=0.65", "--initial", START,
                "--t-end", "400", "--format", "json"));
        assertEquals("fixed-point", j.get("attractor").asText());
        assertTrue(j.get("period").isNull());
        assertEquals(0, j.get("multiplicity").asInt());
        assertEquals("decay-rate", j.get("decided_by").get("kind").asText());
        assertEquals(0.0606509, j.get("decided_by").get("value").asDouble(), 0.01 * 0.0606509); // refs/btc_pair_attractors.csv
        assertEquals(400, j.get("decided_by").get("t_end").asDouble());
        assertTrue(j.get("suggested_t_end").isNull());
    }

    @Test
    void thePeriodDoubledOrbitPrintsItsFloquetMultiplierAsCsv() {
        CommandLineContractTest.Run r = run("classify", "btc-pair", "--set", "omega_zz=1", "--initial", START, "--format", "csv");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().trim().split("\n");
        assertEquals("attractor,period,multiplicity,decided_by,decided_by_value,decided_at_t_end,suggested_t_end", lines[0]);
        String[] f = lines[1].split(",", -1);
        assertEquals("limit-cycle", f[0]);
        assertEquals(7.9101090, Double.parseDouble(f[1]), 1e-6);
        assertEquals("2", f[2]);
        assertEquals("floquet-multiplier", f[3]);
        assertEquals(0.4515214, Double.parseDouble(f[4]), 2e-3);
        assertEquals("", f[6]);
    }

    @Test
    void aTooShortHorizonSaysWhichOneWouldDecide() throws Exception {
        JsonNode j = json(run("classify", "btc-pair", "--set", "omega_zz=0.35", "--initial", START, "--t-end", "20", "--format", "json"));
        assertEquals("undecided", j.get("attractor").asText());
        double suggested = j.get("suggested_t_end").asDouble();
        assertTrue(suggested >= 40, j.toString());
        JsonNode again = json(run("classify", "btc-pair", "--set", "omega_zz=0.35", "--initial", START, "--t-end", String.valueOf((long) suggested), "--format", "json"));
        assertEquals("limit-cycle", again.get("attractor").asText());
        assertEquals(4.9458273, again.get("period").asDouble(), 1e-6);
    }
}
