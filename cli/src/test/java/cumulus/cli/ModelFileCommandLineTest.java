package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Model files where a model name goes, and the top-level --plugins option. */
class ModelFileCommandLineTest {

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Path examples() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent())
            if (Files.isDirectory(p.resolve("examples/models"))) return p.resolve("examples/models");
        throw new IllegalStateException("examples/models not found above " + System.getProperty("user.dir"));
    }

    @TempDir Path tmp;

    @Test
    void modelFileGivesTheSameSpectrumAsTheBuiltInModel() throws Exception {
        Run byName = run("spectrum", "btc", "--set", "N=6", "--count", "3", "--format", "json");
        Run byFile = run("spectrum", examples().resolve("btc.yaml").toString(), "--set", "N=6", "--count", "3", "--format", "json");
        assertEquals(0, byName.code(), byName.err());
        assertEquals(0, byFile.code(), byFile.err());
        JsonNode a = new ObjectMapper().readTree(byName.out()), b = new ObjectMapper().readTree(byFile.out());
        assertEquals("btc", b.get("model").asText());
        assertEquals(a.get("eigenvalues"), b.get("eigenvalues"));
        assertEquals(a.get("spectral_gap"), b.get("spectral_gap"));
    }

    @Test
    void malformedModelFileIsOneLocatedLineAndExitCodeTwo() throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), "name: bad\nensembles: 1\nN: 4\nhamiltonian: omega * Sx(1)\n");
        Run r = run("spectrum", f.toString());
        assertEquals(2, r.code(), r.err());
        String err = r.err().trim();
        assertEquals(1, err.split("\n").length, err);
        assertTrue(err.contains("bad.yaml, line 4, column 14: unknown parameter 'omega'"), err);
        assertEquals("", r.out());
    }

    @Test
    void missingModelFileIsAnError() {
        Run r = run("steady", tmp.resolve("none.yaml").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("does not exist"), r.err());
    }

    @Test
    void badPluginPathIsAnError() {
        Run r = run("--plugins", tmp.resolve("nowhere").toString(), "models");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--plugins: plugin path") && r.err().contains("does not exist"), r.err());
        assertEquals(1, r.err().trim().split("\n").length, r.err());
        Run ok = run("models");
        assertEquals(0, ok.code(), ok.err());
    }
}
