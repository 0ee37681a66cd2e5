package cumulus.solvers;

import cumulus.api.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the QuTiP reference tables of the repository's {@code refs/} folder (header row, then
 * numbers; refs/README.md says how each was computed). The build passes the folder as
 * {@code -Dcumulus.refs}; without it the reader looks in {@code ../refs} (a module folder).
 * Shared with the tests of plugins and cli through the solvers test-jar.
 */
public final class Refs {
    private Refs() { }

    public static Path dir() {
        Path p = Path.of(System.getProperty("cumulus.refs", "../refs"));
        if (!Files.isRegularFile(p.resolve("README.md")))
            throw new IllegalStateException("reference folder " + p.toAbsolutePath() + " not found: run the tests with mvn from the repository");
        return p;
    }

    public static Path file(String name) { return dir().resolve(name); }

    /** The repository's root folder (holding refs/, examples/, pom.xml). */
    public static Path repoRoot() { return dir().toAbsolutePath().normalize().getParent(); }

    /** Every row of a table as column name → number (text cells are left out). */
    public static List<Map<String, Double>> read(String file) {
        List<Map<String, Double>> rows = new ArrayList<>();
        for (Map<String, String> cells : cells(file)) {
            Map<String, Double> row = new HashMap<>();
            cells.forEach((k, v) -> {
                try { row.put(k, Double.parseDouble(v)); } catch (NumberFormatException e) { /* text column */ }
            });
            rows.add(row);
        }
        return rows;
    }

    /** Every row of a table as column name → cell text (for text columns such as an attractor's name). */
    public static List<Map<String, String>> cells(String file) {
        try {
            List<String> lines = Files.readAllLines(file(file));
            String[] head = lines.get(0).split(",");
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < head.length && i < f.length; i++) row.put(head[i].trim(), f[i].trim());
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("reference file " + file + " not readable in " + dir(), e);
        }
    }

    /** The rows whose named columns equal the given values (name, value, name, value, ...). */
    public static List<Map<String, Double>> where(String file, Object... kv) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (Map<String, Double> r : read(file)) {
            boolean ok = true;
            for (int i = 0; i < kv.length; i += 2) {
                Double v = r.get((String) kv[i]);
                ok &= v != null && Math.abs(v - ((Number) kv[i + 1]).doubleValue()) < 1e-9;
            }
            if (ok) out.add(r);
        }
        return out;
    }

    /** Model defaults overridden by {@code name=value} pairs. */
    public static Map<String, Double> params(Model m, Object... kv) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) o.put((String) kv[i], String.valueOf(kv[i + 1]));
        return m.resolve(o);
    }
}
