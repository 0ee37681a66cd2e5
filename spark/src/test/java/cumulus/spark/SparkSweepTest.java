package cumulus.spark;

import cumulus.plugins.Cumulus;
import cumulus.plugins.sweep.Compute;
import cumulus.plugins.sweep.LocalSweep;
import cumulus.plugins.sweep.ResultsTable;
import cumulus.plugins.sweep.SweepRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The Spark engine (embedded, local[2]) writes the same results.csv as the local engine, and resumes the same way. */
class SparkSweepTest {
    @Test
    void sparkLocalEqualsTheLocalEngineAndResumes(@TempDir Path dir) throws Exception {
        Cumulus c = Cumulus.create();
        SweepRequest r = SweepRequest.of("btc", Map.of("kappa", "1"), List.of("omega_x=0.5:2.5:3", "N=3,0"), List.of(Compute.STEADY, Compute.SPECTRUM)).withThreads(2);
        Path local = dir.resolve("local"), spark = dir.resolve("spark");
        c.sweep(r, local, "local", null);
        LocalSweep.Summary s = c.sweep(r, spark, "spark", "local[2]");
        assertEquals(6, s.points());
        assertEquals(6, s.computed());
        assertEquals(3, s.failed(), "N = 0 is a bad point on every engine");
        Map<String, List<String>> a = rows(local), b = rows(spark);
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            List<String> x = a.get(k), y = b.get(k);
            for (int i = 0; i < x.size(); i++) {
                if (x.get(i).equals(y.get(i))) continue;
                assertEquals(Double.parseDouble(x.get(i)), Double.parseDouble(y.get(i)), 1e-9, k + " column " + i);
            }
        }
        assertTrue(Files.isDirectory(spark.resolve("results.parquet")));
        try (var files = Files.list(spark.resolve("results.parquet"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet")));
        }
        // a cut-off last row is redone, the rest skipped
        Path file = spark.resolve("results.csv");
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 10));
        LocalSweep.Summary again = c.sweep(r, spark, "spark", "local[2]");
        assertEquals(5, again.skipped());
        assertEquals(1, again.computed());
        assertEquals(6, ResultsTable.read(file).rows().size());
    }

    /** Rows by grid values, without the seconds column. */
    private static Map<String, List<String>> rows(Path dir) {
        ResultsTable.Read t = ResultsTable.read(dir.resolve("results.csv"));
        int sec = t.header().indexOf("seconds");
        Map<String, List<String>> out = new HashMap<>();
        for (List<String> row : t.rows()) {
            List<String> c = new ArrayList<>(row);
            c.remove(sec);
            assertNull(out.put(row.get(0) + "," + row.get(1), c), "duplicate row");
        }
        return out;
    }
}
