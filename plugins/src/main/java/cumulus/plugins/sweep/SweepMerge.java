package cumulus.plugins.sweep;

import cumulus.api.ModelException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cumulus sweep --merge DIR... --out OUT}: joins the results.csv of the shards of one sweep
 * (same model, --set, --grid and --compute; sweep.properties says) into OUT/results.csv, one row
 * per grid point in grid order. Where two folders hold the same point, an {@code ok} row wins over
 * a failed one, else the first folder's. Points no shard holds are counted and named by shard.
 */
public final class SweepMerge {
    /** Points in the grid, rows written, points missing (and the shards they belong to). */
    public record Summary(long points, int rows, int missing, List<String> missingShards, Path results) { }

    private SweepMerge() { }

    public static Summary merge(List<Path> dirs, Path out) {
        if (dirs.isEmpty()) throw new ModelException("--merge needs at least one sweep folder");
        SweepMeta meta = SweepMeta.read(dirs.get(0));
        List<String> header = null;
        Grid grid = meta.gridValue();
        int g = grid.axes().size();
        Map<List<Double>, List<String>> rows = new LinkedHashMap<>();
        for (Path d : dirs) {
            SweepMeta m = SweepMeta.read(d);
            if (!m.sameSweep(meta))
                throw new ModelException(d + " holds another sweep than " + dirs.get(0) + " (model, --set, --grid or --compute differ; see their " + SweepMeta.FILE + ")");
            ResultsTable.Read r = ResultsTable.read(d.resolve(ResultsTable.FILE));
            if (r.header() == null) continue;
            if (header == null) header = r.header();
            else if (!header.equals(r.header())) throw new ModelException(d.resolve(ResultsTable.FILE) + " has other columns than the first folder's: not shards of one sweep");
            for (List<String> row : r.rows()) {
                List<Double> key = ResultsTable.key(row, g);
                List<String> old = rows.get(key);
                if (old == null || (!"ok".equals(old.get(old.size() - 1)) && "ok".equals(row.get(row.size() - 1)))) rows.put(key, row);
            }
        }
        if (header == null) throw new ModelException("the folders hold no results yet: run their sweeps first");
        Map<List<Double>, Integer> index = new HashMap<>();
        List<Grid.Point> points = grid.points();
        for (Grid.Point p : points) index.put(new ArrayList<>(p.values().values()), p.index());
        List<List<String>> ordered = new ArrayList<>(rows.values());
        ordered.sort(java.util.Comparator.comparingInt(row -> index.getOrDefault(ResultsTable.key(row, g), Integer.MAX_VALUE)));
        int missing = 0;
        java.util.TreeSet<Integer> shards = new java.util.TreeSet<>();
        for (Grid.Point p : points) {
            if (!rows.containsKey(new ArrayList<>(p.values().values()))) {
                missing++;
                if (meta.shardN() > 1) shards.add(p.index() % meta.shardN() + 1);
            }
        }
        ResultsTable.rewrite(out.resolve(ResultsTable.FILE), Cells.line(header), ordered);
        meta.writeMerged(out);
        List<String> ms = shards.stream().map(k -> k + "/" + meta.shardN()).toList();
        return new Summary(grid.size(), ordered.size(), missing, ms, out.resolve(ResultsTable.FILE));
    }
}
