package cumulus.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module graph: the command line talks to the toolkit only through cumulus.api and the facade cumulus.plugins. */
class CliUsesOnlyTheFacadeTest {
    private static final Pattern BELOW = Pattern.compile("\\bcumulus\\.(solvers|symbolic|codegen|models|cumulant|modelfile)\\.");

    @Test
    void noCliSourceNamesAModuleBelowTheFacade() throws Exception {
        Path main = Path.of("src/main/java");
        List<String> offences = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(main)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
                    if (code.trim().startsWith("*") || code.trim().startsWith("//")) continue;
                    Matcher m = BELOW.matcher(code);
                    if (m.find()) offences.add(main.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertTrue(files > 30, "the scan saw the CLI's sources (" + files + " files)");
        assertEquals(List.of(), offences);
    }
}
