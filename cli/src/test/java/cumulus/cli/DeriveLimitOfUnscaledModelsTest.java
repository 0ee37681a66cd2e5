package cumulus.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.*;

/** {@code derive --limit} of the paper's unscaled counter-models exits 2 in one line naming the diverging term, at every order and format. */
class DeriveLimitOfUnscaledModelsTest {

    @ParameterizedTest(name = "{0} order {1} {2}")
    @CsvSource({"dicke-unscaled,1,text", "dicke-unscaled,2,json", "dicke-unscaled,3,latex",
            "btc-pair-unscaled,1,json", "btc-pair-unscaled,2,text", "btc-pair-unscaled,3,text"})
    void theDivergingTermIsNamed(String model, String order, String format) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new String[]{"derive", model, "--order", order, "--limit", "--format", format}, new PrintWriter(out), new PrintWriter(err));
        String e = err.toString().trim();
        assertEquals(2, code, e);
        assertEquals(1, e.split("\n").length, e);
        assertTrue(e.contains("the N -> infinity limit does not exist: the term") && e.contains("grows like N^"), e);
        assertFalse(e.contains("internal error"), e);
        assertTrue(out.toString().isBlank(), out.toString());
    }
}
