package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import cumulus.plugins.sweep.ResultsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static cumulus.cli.CommandLineContractTest.json;
import static cumulus.cli.CommandLineContractTest.run;
import static org.junit.jupiter.api.Assertions.*;

/** {@code cumulus sweep}: each row is the single command's answer; a sweep resumes without duplicates or gaps. */
class SweepCommandTest {
    private static final double TOL = 1e-9;

    @Test
    void aSixPointSweepEqualsSixSingleCommands(@TempDir Path dir) throws Exception {
        CommandLineContractTest.Run r = run("sweep", "btc-pair", "--grid", "omega_zz=0.35:1:3", "--grid", "N=2,3", "--set", "omega_xx=2.5",
                "--compute", "steady,spectrum", "--count", "4", "--threads", "2", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(6, json(r).get("computed").asInt());
        ResultsTable.Read t = ResultsTable.read(dir.resolve("results.csv"));
        assertEquals(List.of("omega_zz", "N", "m1x", "m1y", "m1z", "m2x", "m2y", "m2z", "C_diag", "C_all", "lambda1_re", "lambda1_im", "spectral_gap", "seconds", "status"), t.header());
        assertEquals(6, t.rows().size());
        for (List<String> row : t.rows()) {
            assertEquals("ok", row.get(14));
            String set = "omega_xx=2.5,omega_zz=" + row.get(0) + ",N=" + row.get(1);
            JsonNode s = json(run("steady", "btc-pair", "--set", set, "--format", "json"));
            for (int i = 2; i <= 7; i++) assertEquals(s.get("expectations").get(t.header().get(i)).asDouble(), Double.parseDouble(row.get(i)), TOL, set + " " + t.header().get(i));
            assertEquals(s.get("C_diag").asDouble(), Double.parseDouble(row.get(8)), TOL, set);
            assertEquals(s.get("C_all").asDouble(), Double.parseDouble(row.get(9)), TOL, set);
            JsonNode g = json(run("spectrum", "btc-pair", "--set", set, "--count", "4", "--format", "json"));
            assertEquals(g.get("lambda1").get("re").asDouble(), Double.parseDouble(row.get(10)), TOL, set);
            assertEquals(g.get("lambda1").get("im").asDouble(), Double.parseDouble(row.get(11)), TOL, set);
            assertEquals(g.get("spectral_gap").asDouble(), Double.parseDouble(row.get(12)), TOL, set);
        }
    }

    @Test
    void classifyRowsEqualTheClassifyCommand(@TempDir Path dir) throws Exception {
        String init = "coherent:0.10017,0;coherent:0.10017,1.5708";
        CommandLineContractTest.Run r = run("sweep", "btc-pair", "--grid", "omega_zz=0.35,1", "--compute", "classify", "--initial", init,
                "--t-end", "200", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        ResultsTable.Read t = ResultsTable.read(dir.resolve("results.csv"));
        assertEquals(List.of("omega_zz", "attractor", "period", "multiplicity", "decided_by", "decided_by_value", "suggested_t_end", "seconds", "status"), t.header());
        for (List<String> row : t.rows()) {
            JsonNode c = json(run("classify", "btc-pair", "--set", "omega_zz=" + row.get(0), "--initial", init, "--t-end", "200", "--format", "json"));
            assertEquals(c.get("attractor").asText(), row.get(1));
            assertEquals(c.get("period").isNull() ? "" : String.valueOf(c.get("period").asDouble()), row.get(2).isEmpty() ? "" : String.valueOf(Double.parseDouble(row.get(2))));
            assertEquals(c.get("multiplicity").asInt(), Integer.parseInt(row.get(3)));
            assertEquals(c.get("decided_by").get("kind").asText(), row.get(4));
            assertEquals(c.get("decided_by").get("value").asDouble(), Double.parseDouble(row.get(5)), TOL);
        }
        assertTrue(Files.size(dir.resolve("sweep.png")) > 1000, "a 1-D sweep draws its line plots");
    }

    @Test
    void aBadPointIsARowWithItsErrorAndTheSweepGoesOn(@TempDir Path dir) {
        CommandLineContractTest.Run r = run("sweep", "btc", "--grid", "N=0,4,-1,8", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        ResultsTable.Read t = ResultsTable.read(dir.resolve("results.csv"));
        Map<String, String> status = new HashMap<>();
        for (List<String> row : t.rows()) status.put(row.get(0), row.get(row.size() - 1));
        assertEquals(Set.of("0", "4", "-1", "8"), status.keySet());
        assertEquals("ok", status.get("4"));
        assertEquals("ok", status.get("8"));
        assertTrue(status.get("0").startsWith("error: ") && status.get("0").contains("N"), status.get("0"));
        assertFalse(status.get("-1").contains("\n"));
    }

    @Test
    void aCutOffLastRowIsRedoneAndNothingIsDuplicated(@TempDir Path dir) throws Exception {
        String[] cmd = {"sweep", "btc", "--grid", "omega_x=0.5:3:6", "--set", "N=6", "--threads", "1", "--out", dir.toString()};
        assertEquals(0, run(cmd).code());
        Path file = dir.resolve("results.csv");
        List<List<String>> full = outputs(ResultsTable.read(file));
        // a crash after three rows, in the middle of writing the fourth
        List<String> lines = Files.readAllLines(file);
        String cut = String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, lines.get(4).length() / 2);
        Files.writeString(file, cut, StandardCharsets.UTF_8);
        CommandLineContractTest.Run again = run(cmd);
        assertEquals(0, again.code(), again.err());
        assertEquals(3, json(again).get("skipped").asInt());
        assertEquals(3, json(again).get("computed").asInt());
        assertSameRows(full, outputs(ResultsTable.read(file)));
        // a third run has nothing left to do
        CommandLineContractTest.Run third = run(cmd);
        assertEquals(6, json(third).get("skipped").asInt());
        assertEquals(7, Files.readAllLines(file).size());
    }

    @Test
    void aKilledSweepResumesWithNoDuplicateAndNoMissingRow(@TempDir Path dir) throws Exception {
        String[] cmd = {"sweep", "btc", "--grid", "omega_x=0.4:3.2:10", "--set", "N=24", "--compute", "steady", "--threads", "1", "--no-plot", "--out", dir.toString()};
        List<String> jvm = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        jvm.addAll(List.of(cmd));
        Path log = dir.resolve("killed.log");
        Process p = new ProcessBuilder(jvm).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path file = dir.resolve("results.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive() && (!Files.exists(file) || Files.readAllLines(file).size() < 3)) Thread.sleep(20);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        int before = Files.readAllLines(file).size() - 1;
        assertTrue(before >= 2, "the killed run had written rows: " + before + "\n" + Files.readString(log));
        CommandLineContractTest.Run again = run(cmd);
        assertEquals(0, again.code(), again.err());
        ResultsTable.Read t = ResultsTable.read(file);
        assertEquals(10, t.rows().size());
        Set<String> keys = new HashSet<>();
        for (List<String> row : t.rows()) assertTrue(keys.add(row.get(0)), "duplicate row " + row.get(0));
        assertEquals(10, json(again).get("points").asInt());
        assertTrue(json(again).get("computed").asInt() > 0, "the run was killed before it finished");
        assertEquals(10, json(again).get("skipped").asInt() + json(again).get("computed").asInt());
    }

    @Test
    void shardsMergeIntoTheWholeSweep(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole"), a = dir.resolve("a"), b = dir.resolve("b"), c = dir.resolve("c"), merged = dir.resolve("merged");
        String[] grid = {"--grid", "omega_x=0.5,1,2", "--grid", "N=3,5", "--compute", "steady,spectrum"};
        assertEquals(0, run(concat(new String[]{"sweep", "btc", "--out", whole.toString()}, grid)).code());
        assertEquals(0, run(concat(new String[]{"sweep", "btc", "--shard", "1/3", "--out", a.toString()}, grid)).code());
        assertEquals(0, run(concat(new String[]{"sweep", "btc", "--shard", "2/3", "--out", b.toString()}, grid)).code());
        assertEquals(2, ResultsTable.read(a.resolve("results.csv")).rows().size());
        CommandLineContractTest.Run partial = run("sweep", "--merge", a.toString(), b.toString(), "--out", merged.toString());
        assertEquals(0, partial.code(), partial.err());
        assertEquals(2, json(partial).get("missing").asInt());
        assertTrue(partial.err().contains("shards 3/3"), partial.err());
        assertEquals(0, run(concat(new String[]{"sweep", "btc", "--shard", "3/3", "--out", c.toString()}, grid)).code());
        CommandLineContractTest.Run all = run("sweep", "--merge", a.toString(), b.toString(), c.toString(), "--out", merged.toString());
        assertEquals(0, json(all).get("missing").asInt());
        List<List<String>> w = outputs(ResultsTable.read(whole.resolve("results.csv")));
        List<List<String>> m = outputs(ResultsTable.read(merged.resolve("results.csv")));
        assertEquals(6, m.size());
        // merged rows come in grid order: omega_x slowest
        assertEquals(List.of("0.5", "3"), m.get(0).subList(0, 2));
        assertEquals(List.of("2", "5"), m.get(5).subList(0, 2));
        assertSameRows(w, m);
    }

    @Test
    void aFolderOfAnotherSweepIsRefused(@TempDir Path dir) {
        assertEquals(0, run("sweep", "btc", "--grid", "N=3,4", "--out", dir.toString()).code());
        CommandLineContractTest.Run r = run("sweep", "btc", "--grid", "N=3,4", "--compute", "spectrum", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds another sweep"), r.err());
        CommandLineContractTest.Run bad = run("sweep", "btc", "--grid", "nope=1,2", "--out", dir.resolve("x").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("no parameter 'nope'"), bad.err());
        assertEquals(2, run("sweep", "btc", "--grid", "omega_x=1:2:0", "--out", dir.resolve("y").toString()).code());
    }

    @Test
    void theSparkEngineIsNotInTheCoreJarAndSaysWhereItIs(@TempDir Path dir) {
        CommandLineContractTest.Run r = run("sweep", "btc", "--grid", "N=3,4", "--engine", "spark", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("spark/cumulus-spark") && r.err().contains("engines here: local"), r.err());
        assertEquals(1, r.err().trim().split("\n").length, r.err());
        CommandLineContractTest.Run m = run("sweep", "btc", "--grid", "N=3,4", "--master", "local[2]", "--out", dir.toString());
        assertEquals(2, m.code());
        assertTrue(m.err().contains("--master is for --engine spark"), m.err());
    }

    /** Rows without the seconds column (wall time differs between runs), sorted by their grid values. */
    private static List<List<String>> outputs(ResultsTable.Read t) {
        int sec = t.header().indexOf("seconds");
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : t.rows()) {
            List<String> c = new ArrayList<>(r);
            c.remove(sec);
            out.add(c);
        }
        return out;
    }

    private static void assertSameRows(List<List<String>> expected, List<List<String>> actual) {
        assertEquals(expected.size(), actual.size());
        Map<String, List<String>> byKey = new HashMap<>();
        for (List<String> r : actual) assertNull(byKey.put(r.get(0) + "," + r.get(1), r), "duplicate " + r);
        for (List<String> e : expected) {
            List<String> a = byKey.get(e.get(0) + "," + e.get(1));
            assertNotNull(a, "missing " + e);
            for (int i = 0; i < e.size(); i++) {
                String x = e.get(i), y = a.get(i);
                if (x.equals(y)) continue;
                assertEquals(Double.parseDouble(x), Double.parseDouble(y), TOL, "column " + i + " of " + e);
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] o = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }
}
