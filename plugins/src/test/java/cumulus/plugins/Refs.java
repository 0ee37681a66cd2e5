package cumulus.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the QuTiP reference tables of shared/refs/ (path from -Dcumulus.shared, set by the build). */
final class Refs {
    private Refs() { }

    static List<Map<String, Double>> table(String file) {
        Path p = Path.of(System.getProperty("cumulus.shared", "../../shared"), "refs", file);
        try {
            List<String> lines = Files.readAllLines(p);
            String[] head = lines.get(0).split(",");
            List<Map<String, Double>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] v = line.split(",");
                Map<String, Double> row = new LinkedHashMap<>();
                for (int i = 0; i < head.length; i++) {
                    try {
                        row.put(head[i], Double.parseDouble(v[i]));
                    } catch (NumberFormatException e) {
                        row.put(head[i], Double.NaN);
                    }
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("reference table " + p + " is missing", e);
        }
    }
}
