package cumulus.solvers;

import cumulus.api.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the QuTiP reference CSVs of ../shared/refs (header row, then numbers). */
final class Refs {
    private Refs() { }

    static Path dir() {
        String shared = System.getProperty("cumulus.shared");
        Path p = shared != null ? Path.of(shared, "refs") : Path.of("/work/shared/refs");
        if (!Files.isDirectory(p)) p = Path.of("/work/shared/refs");
        return p;
    }

    static List<Map<String, Double>> read(String file) {
        try {
            List<String> lines = Files.readAllLines(dir().resolve(file));
            String[] head = lines.get(0).split(",");
            List<Map<String, Double>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                Map<String, Double> row = new HashMap<>();
                for (int i = 0; i < head.length; i++) {
                    try { row.put(head[i].trim(), Double.parseDouble(f[i].trim())); } catch (NumberFormatException e) { /* text column */ }
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("reference file " + file + " not readable in " + dir(), e);
        }
    }

    /** Model defaults overridden by {@code name=value} pairs. */
    static Map<String, Double> params(Model m, Object... kv) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) o.put((String) kv[i], String.valueOf(kv[i + 1]));
        return m.resolve(o);
    }
}
