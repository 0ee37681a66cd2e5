package cumulus.plugins.sweep;

import cumulus.api.ModelException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code DIR/sweep.properties}: what the sweep in DIR computes (model, fixed values, grid specs,
 * computations, shard), so that {@code sweep --merge} and the plot know the grid without the
 * command line. Written atomically next to results.csv.
 */
public record SweepMeta(String model, String fixed, List<String> grid, String compute, int shardK, int shardN) {
    public static final String FILE = "sweep.properties";

    static void write(Path dir, SweepRequest r) {
        Properties p = new Properties();
        p.setProperty("model", r.model());
        StringBuilder set = new StringBuilder();
        r.fixed().forEach((k, v) -> set.append(set.length() == 0 ? "" : ",").append(k).append('=').append(v));
        p.setProperty("set", set.toString());
        for (int i = 0; i < r.gridSpecs().size(); i++) p.setProperty("grid." + (i + 1), r.gridSpecs().get(i));
        p.setProperty("compute", String.join(",", r.compute().stream().map(c -> c.label).toList()));
        p.setProperty("shard", r.shardK() + "/" + r.shardN());
        write(dir, p);
    }

    static void write(Path dir, Properties p) {
        StringWriter w = new StringWriter();
        try {
            p.store(w, "cumulus sweep: what results.csv in this folder holds");
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + FILE, ".part");
            try {
                Files.writeString(tmp, w.toString());
                Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | SecurityException e) {
            throw new ModelException("cannot write " + dir.resolve(FILE) + ": " + ResultsTable.reason(e) + ": give a writable --out folder");
        }
    }

    /** The description of the sweep in {@code dir}; a folder without one was not written by {@code cumulus sweep}. */
    public static SweepMeta read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f) || !Files.isRegularFile(dir.resolve(ResultsTable.FILE)))
            throw new ModelException(dir + " holds no sweep (" + FILE + " and " + ResultsTable.FILE + " are written by 'cumulus sweep ... --out " + dir + "')");
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(f)));
        } catch (IOException e) {
            throw new ModelException("cannot read " + f + ": " + ResultsTable.reason(e));
        }
        List<String> grid = new ArrayList<>();
        for (int i = 1; p.getProperty("grid." + i) != null; i++) grid.add(p.getProperty("grid." + i));
        String[] shard = p.getProperty("shard", "1/1").split("/");
        try {
            return new SweepMeta(p.getProperty("model", ""), p.getProperty("set", ""), grid, p.getProperty("compute", ""),
                    Integer.parseInt(shard[0]), Integer.parseInt(shard[1]));
        } catch (RuntimeException e) {
            throw new ModelException(f + ": malformed shard '" + p.getProperty("shard") + "': expected K/N");
        }
    }

    public Grid gridValue() { return Grid.parse(grid); }

    /** The same sweep, shard aside. */
    boolean sameSweep(SweepMeta o) { return model.equals(o.model) && fixed.equals(o.fixed) && grid.equals(o.grid) && compute.equals(o.compute); }

    void writeMerged(Path dir) {
        Properties p = new Properties();
        p.setProperty("model", model);
        p.setProperty("set", fixed);
        for (int i = 0; i < grid.size(); i++) p.setProperty("grid." + (i + 1), grid.get(i));
        p.setProperty("compute", compute);
        p.setProperty("shard", "1/1");
        write(dir, p);
    }
}
