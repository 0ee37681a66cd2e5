package cumulus.modelfile;

import cumulus.api.ModelException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Randomly damaged example files never escape as anything but a located ModelException. */
class ModelFileFuzzTest {
    private static final Pattern LOCATED = Pattern.compile("^fuzz\\.yaml, line \\d+, column \\d+: .+");
    private static final String NOISE = " \t\n:-[]{}(),*+/^#'\"&!|>0123456789.SxyzmpaIN_";

    @Test
    void damagedFilesGiveLocatedModelExceptions() throws Exception {
        List<String> sources;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("cumulus.refs", "../refs")).toAbsolutePath().getParent().resolve("examples/models"))) {
            sources = files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(p -> {
                try { return Files.readString(p); } catch (Exception e) { throw new RuntimeException(e); }
            }).toList();
        }
        assertFalse(sources.isEmpty());
        Random rnd = new Random(20261125L);
        int errors = 0;
        for (int k = 0; k < 3000; k++) {
            StringBuilder s = new StringBuilder(sources.get(k % sources.size()));
            int edits = 1 + rnd.nextInt(3);
            for (int e = 0; e < edits && s.length() > 0; e++) {
                int at = rnd.nextInt(s.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, NOISE.charAt(rnd.nextInt(NOISE.length())));
                    default -> s.setCharAt(at, NOISE.charAt(rnd.nextInt(NOISE.length())));
                }
            }
            String text = s.toString();
            try {
                ModelFile.parse(text, "fuzz.yaml");
            } catch (ModelException ex) {
                errors++;
                assertTrue(LOCATED.matcher(ex.getMessage()).matches(), "unlocated or multi-line message: " + ex.getMessage() + "\n--- for ---\n" + text);
            } catch (RuntimeException | StackOverflowError ex) {
                fail("crashed with " + ex + "\n--- for ---\n" + text, ex);
            }
        }
        assertTrue(errors > 500, "too few damaged files were rejected: " + errors);
    }
}
