package cumulus.cli.reproduce;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A QuTiP reference CSV of ../shared/refs: header, then rows of numbers. */
record Refs(List<String> header, List<double[]> rows) {
    static Refs load(Context ctx, String file) {
        Path p = ctx.ref(file);
        Assumptions.assumeTrue(p != null, "reference folder ../shared/refs not found");
        try {
            List<String> lines = Files.readAllLines(p);
            List<String> h = Arrays.asList(lines.get(0).split(","));
            List<double[]> rows = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                if (l.isBlank()) continue;
                String[] c = l.split(",");
                double[] r = new double[c.length];
                for (int i = 0; i < c.length; i++) {
                    try { r[i] = Double.parseDouble(c[i]); } catch (NumberFormatException e) { r[i] = Double.NaN; }
                }
                rows.add(r);
            }
            return new Refs(h, rows);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int col(String name) {
        int i = header.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no column " + name + " in " + header);
        return i;
    }

    /** Rows whose named columns equal the given values. */
    List<double[]> where(Map<String, Double> eq) {
        List<double[]> out = new ArrayList<>();
        for (double[] r : rows) {
            boolean ok = true;
            for (var e : eq.entrySet()) ok &= Math.abs(r[col(e.getKey())] - e.getValue()) < 1e-9;
            if (ok) out.add(r);
        }
        return out;
    }
}
