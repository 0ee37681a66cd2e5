package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 13 from the command line: verify-mf's three values, derive --limit and evolve --method meanfield on finite-size coefficients. */
class FiniteSizeCoefficientsCommandLineTest {

    static ModelFileCommandLineTest.Run run(String... args) { return ModelFileCommandLineTest.run(args); }

    static String file(String name) {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("examples/models/coefficients/" + name + ".yaml");
            if (Files.isRegularFile(f)) return f.toString();
        }
        throw new IllegalStateException("examples/models/coefficients/" + name + ".yaml not found");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"btc-s-plus-one, true", "btc-pair-s-plus-one, true", "btc-sqrt-n2-plus-1, false", "btc-power-law, undecided"})
    void verifyMfJsonIsTrueFalseOrUndecided(String name, String expected) throws Exception {
        var r = run("verify-mf", file(name), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode v = j.get("meanfield_exact");
        if (expected.equals("undecided")) assertEquals("undecided", v.textValue(), r.out());
        else { assertTrue(v.isBoolean(), r.out()); assertEquals(Boolean.parseBoolean(expected), v.booleanValue()); }
        assertTrue(j.get("reasons").size() > 0);
    }

    @Test void verifyMfTextAndCsvSayUndecided() {
        var text = run("verify-mf", file("btc-pair-balanced-coupling"));
        assertTrue(text.out().startsWith("btc-pair-balanced-coupling: UNDECIDED whether mean field is exact"), text.out());
        assertTrue(text.out().contains("unless g1 - g2 = 0"), text.out());
        var csv = run("verify-mf", file("btc-power-law"), "--format", "csv");
        assertTrue(csv.out().split("\n")[1].startsWith("undecided,"), csv.out());
    }

    @Test void deriveLimitOfAKappaOverNPlusOneJumpIsTheBtc() {
        var f = run("derive", file("btc-n-plus-one"), "--order", "1", "--limit");
        var btc = run("derive", "btc", "--order", "1", "--limit");
        assertEquals(0, f.code(), f.err());
        assertEquals(btc.out(), f.out());
        assertFalse(f.out().contains("N"), f.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"btc-sqrt-n2-plus-1", "btc-pair-sqrt-coupling", "btc-power-law", "btc-pair-balanced-coupling"})
    void deriveLimitThatDoesNotExistIsOneLineAndExitTwo(String name) {
        var r = run("derive", file(name), "--order", "1", "--limit");
        assertEquals(2, r.code(), r.err());
        String err = r.err().trim();
        assertEquals(1, err.split("\n").length, err);
        assertTrue(err.contains("N -> infinity limit"), err);
        assertFalse(err.contains("internal error"), err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"btc-s-plus-one", "btc-pair-s-plus-one", "btc-sqrt-n2-plus-1", "btc-n-plus-one", "lmg-casimir", "btc-s-half",
            "btc-pair-n-minus-one", "btc-exp-correction", "btc-cancelling-drive", "btc-pair-sqrt-coupling", "dicke-n-plus-one",
            "btc-rotating-drive", "btc-power-law", "btc-pair-balanced-coupling"})
    void meanFieldEvolutionNeverEndsInAnInternalError(String name) {
        var r = run("evolve", file(name), "--method", "meanfield", "--t-end", "1", "--dt", "0.5");
        assertTrue(r.code() == 0 || r.code() == 2, r.code() + ": " + r.err());
        if (r.code() == 2) {
            assertEquals(1, r.err().trim().split("\n").length, r.err());
            assertTrue(r.err().contains("N -> infinity limit"), r.err());
        } else assertEquals(4, r.out().trim().split("\n").length, r.out());
        assertFalse(r.err().contains("internal error"), r.err());
    }
}
