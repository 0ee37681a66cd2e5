package cumulus.plugins.sweep;

import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Parameter;
import cumulus.api.Progress;
import cumulus.plugins.Cumulus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local engine: every point of the grid (or of its shard) that results.csv does not hold yet,
 * on a work-stealing {@link ForkJoinPool} of {@code threads} workers in this JVM. Points are
 * ordered by their size parameters (N, Fock cutoff), largest first: the costly points start early
 * (so no worker is left with one big point at the end) and points of one Liouvillian structure run
 * back to back, which keeps the compiled right-hand sides (codegen's cache, keyed by the equations)
 * shared. Each row is appended as its point finishes; a failed point is a row with its error in
 * {@code status} and never stops the sweep.
 */
public final class LocalSweep {
    /** How a sweep went: points in the (shard of the) grid, already done before, computed now, failed now, wall seconds. */
    public record Summary(int points, int skipped, int computed, int failed, double seconds, Path results) { }

    private LocalSweep() { }

    /** The results.csv columns: the grid parameters, every computation's outputs, {@code seconds}, {@code status}. */
    public static List<String> header(Model m, SweepRequest r) {
        List<String> h = new ArrayList<>(r.grid().names());
        for (Compute c : r.compute()) h.addAll(c.columns(m));
        h.add("seconds");
        h.add("status");
        return h;
    }

    /** Checks the request against the model before any point runs: every grid name is a parameter given once. */
    public static Model check(Cumulus c, SweepRequest r) {
        Model m = c.model(r.model());
        for (String name : r.grid().names()) {
            if (m.parameter(name) == null)
                throw new ModelException("--grid " + name + ": model " + m.name() + " has no parameter '" + name + "' (see 'cumulus models')");
            if (r.fixed().containsKey(name))
                throw new ModelException("--grid " + name + " and --set " + name + "=" + r.fixed().get(name) + " both give " + name + ": give it in one place");
        }
        if (r.compute().contains(Compute.FLOQUET) && !m.isPeriodic())
            throw new ModelException("--compute floquet: model " + m.name() + " has no periodic schedule; floquet needs a periodic model (e.g. kerr-floquet)");
        return m;
    }

    /** Writes DIR/sweep.properties (what the folder holds), as every engine must. */
    public static void writeMeta(Path dir, SweepRequest r) { SweepMeta.write(dir, r); }

    public static Summary run(Cumulus cumulus, SweepRequest r, Path dir) {
        long t0 = System.nanoTime();
        Model m = check(cumulus, r);
        Grid grid = r.grid();
        List<Grid.Point> points = grid.shard(r.shardK(), r.shardN());
        SweepMeta.write(dir, r);
        Progress out = Progress.get();
        try (ResultsTable table = ResultsTable.open(dir, header(m, r), grid.axes().size())) {
            List<Grid.Point> todo = todo(m, r, table);
            int skipped = points.size() - todo.size();
            out.note(String.format(Locale.ROOT, "sweep: %d points%s, %d already in %s, %d to compute on %d threads",
                    points.size(), r.shardN() > 1 ? " (shard " + r.shardK() + "/" + r.shardN() + " of " + grid.size() + ")" : "",
                    skipped, table.rowCount() == 0 ? ResultsTable.FILE : dir.resolve(ResultsTable.FILE), todo.size(), r.threads()));
            PointRunner runner = new PointRunner(cumulus, m, r);
            AtomicInteger finished = new AtomicInteger(), failed = new AtomicInteger();
            int every = Math.max(1, todo.size() / 50);
            // the solvers' own stage notes, one set per point, would drown the sweep's progress lines
            Progress.install(line -> { if (line.startsWith("sweep")) out.note(line); });
            ForkJoinPool pool = new ForkJoinPool(r.threads());
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Grid.Point p : todo) {
                    futures.add(pool.submit(() -> {
                        PointRunner.Outcome o = runner.run(p);
                        table.append(row(p, o));
                        if (!o.status().equals("ok")) failed.incrementAndGet();
                        int k = finished.incrementAndGet();
                        if (k % every == 0 || k == todo.size() || !o.status().equals("ok"))
                            out.note(String.format(Locale.ROOT, "sweep: %d/%d points, %d failed; %s: %s (%.2f s)", k, todo.size(), failed.get(),
                                    p.label(), o.status().length() > 160 ? o.status().substring(0, 157) + "..." : o.status(), o.seconds()));
                    }));
                }
                for (Future<?> f : futures) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelException("sweep interrupted: the rows finished so far are in " + dir.resolve(ResultsTable.FILE) + "; rerun the same command to continue");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                if (c instanceof Error err) throw err;
                throw new IllegalStateException(c);
            } finally {
                pool.shutdownNow();
                Progress.install(out);
            }
            return new Summary(points.size(), skipped, finished.get(), failed.get(), (System.nanoTime() - t0) / 1e9, dir.resolve(ResultsTable.FILE));
        }
    }

    /**
     * The results.csv row of one grid point (grid values, outputs, seconds, status), computed as
     * the local engine computes it: other engines call this on their workers.
     */
    public static List<String> row(Cumulus cumulus, Model m, SweepRequest r, Grid.Point p) {
        PointRunner.Outcome o = new PointRunner(cumulus, m, r).run(p);
        return row(p, o);
    }

    private static List<String> row(Grid.Point p, PointRunner.Outcome o) {
        List<String> row = new ArrayList<>();
        for (double v : p.values().values()) row.add(Cells.number(v));
        row.addAll(o.cells());
        row.add(String.format(Locale.ROOT, "%.3f", o.seconds()));
        row.add(o.status());
        return row;
    }

    /** The points of the request's shard that the table does not hold yet, largest problems first. */
    public static List<Grid.Point> todo(Model m, SweepRequest r, ResultsTable table) {
        Set<List<Double>> done = table.done();
        List<Grid.Point> todo = new ArrayList<>();
        for (Grid.Point p : r.grid().shard(r.shardK(), r.shardN())) if (!done.contains(new ArrayList<>(p.values().values()))) todo.add(p);
        todo.sort(Comparator.comparingDouble((Grid.Point p) -> -size(m, p)).thenComparingInt(Grid.Point::index));
        return todo;
    }

    /** The size of a point's problem: the product of its integer size parameters (N, cutoff), 1 if none varies. */
    private static double size(Model m, Grid.Point p) {
        double s = 1;
        for (var e : p.values().entrySet()) {
            Parameter par = m.parameter(e.getKey());
            if (par != null && par.kind() != Parameter.Kind.REAL) s *= Math.max(1, e.getValue());
        }
        return s;
    }
}
