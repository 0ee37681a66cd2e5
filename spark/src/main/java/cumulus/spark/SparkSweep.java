package cumulus.spark;

import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Progress;
import cumulus.plugins.Cumulus;
import cumulus.plugins.sweep.Grid;
import cumulus.plugins.sweep.LocalSweep;
import cumulus.plugins.sweep.ResultsTable;
import cumulus.plugins.sweep.SweepEngine;
import cumulus.plugins.sweep.SweepRequest;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * {@code --engine spark}: the points the table does not hold yet, as one Spark job. The driver
 * checks the request, opens DIR/results.csv (resuming as the local engine does) and parallelizes
 * the point indices, largest problems first, one point per partition up to 4 partitions per core;
 * each executor JVM builds one toolkit ({@link Cumulus#create()}) and computes its points with
 * {@link LocalSweep#row}, so a row is the same as the local engine's. The driver appends rows as
 * partitions arrive ({@code toLocalIterator}), then writes the whole table as DIR/results.parquet
 * (grid and numeric columns as doubles, the rest as strings).
 *
 * <p>{@code --master local[*]} (the default) runs Spark embedded in this JVM; {@code spark://...},
 * {@code yarn} or {@code k8s://...} submit to a cluster whose executors see the same jars (see
 * docs/spark.md; for a cluster, DIR must be on a file system the driver writes).
 */
public final class SparkSweep implements SweepEngine {
    @Override public String name() { return "spark"; }

    @Override public LocalSweep.Summary run(Cumulus cumulus, SweepRequest r, Path dir, String master) {
        long t0 = System.nanoTime();
        Model m = LocalSweep.check(cumulus, r);
        Grid grid = r.grid();
        Progress out = Progress.get();
        List<String> header = LocalSweep.header(m, r);
        int points = grid.shard(r.shardK(), r.shardN()).size();
        LocalSweep.writeMeta(dir, r);
        int computed = 0, failed = 0, skipped;
        try (ResultsTable table = ResultsTable.open(dir, header, grid.axes().size())) {
            List<Grid.Point> todo = LocalSweep.todo(m, r, table);
            skipped = points - todo.size();
            String url = master == null ? "local[*]" : master;
            out.note(String.format(Locale.ROOT, "sweep: %d points, %d already in %s, %d to compute on Spark (%s)", points, skipped, dir.resolve(ResultsTable.FILE), todo.size(), url));
            SparkSession spark = session(url);
            spark.sparkContext().setLogLevel("WARN");
            // the solvers' own stage notes, one set per point, would drown the sweep's progress lines
            Progress.install(line -> { if (line.startsWith("sweep")) out.note(line); });
            try {
                if (!todo.isEmpty()) {
                    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
                    List<Integer> indices = todo.stream().map(Grid.Point::index).toList();
                    int slices = Math.max(1, Math.min(indices.size(), 4 * sc.defaultParallelism()));
                    JavaRDD<List<String>> rows = sc.parallelize(indices, slices).mapPartitions(new Compute(r));
                    Iterator<List<String>> it = rows.toLocalIterator();
                    int every = Math.max(1, todo.size() / 50);
                    while (it.hasNext()) {
                        List<String> row = it.next();
                        table.append(row);
                        computed++;
                        String status = row.get(row.size() - 1);
                        if (!status.equals("ok")) failed++;
                        if (computed % every == 0 || computed == todo.size() || !status.equals("ok"))
                            out.note(String.format(Locale.ROOT, "sweep: %d/%d points, %d failed; %s: %s", computed, todo.size(), failed, String.join(",", row.subList(0, grid.axes().size())), status));
                    }
                }
                parquet(spark, dir, header, grid.axes().size());
            } finally {
                Progress.install(out);
                spark.stop();
            }
        } catch (ModelException | cumulus.api.NumericalException e) {
            throw e;
        } catch (Exception e) { // Scala throws SparkException (checked in Java) undeclared

            throw new ModelException("the Spark job failed (" + firstLine(e) + "); the rows finished so far are in " + dir.resolve(ResultsTable.FILE) + ": rerun to continue");
        }
        return new LocalSweep.Summary(points, skipped, computed, failed, (System.nanoTime() - t0) / 1e9, dir.resolve(ResultsTable.FILE));
    }

    static SparkSession session(String master) {
        return SparkSession.builder().appName("cumulus sweep").master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", master.startsWith("local") ? "127.0.0.1" : "")
                .config("spark.driver.bindAddress", master.startsWith("local") ? "127.0.0.1" : "0.0.0.0")
                .getOrCreate();
    }

    /** The whole of results.csv as DIR/results.parquet: grid and numeric columns as doubles. */
    static void parquet(SparkSession spark, Path dir, List<String> header, int gridColumns) {
        ResultsTable.Read read = ResultsTable.read(dir.resolve(ResultsTable.FILE));
        int w = header.size();
        boolean[] numeric = new boolean[w];
        for (int c = 0; c < w; c++) {
            boolean all = !header.get(c).equals("status");
            for (List<String> row : read.rows()) all &= row.get(c).isEmpty() || isNumber(row.get(c));
            numeric[c] = all;
        }
        List<StructField> fields = new ArrayList<>();
        for (int c = 0; c < w; c++) fields.add(DataTypes.createStructField(header.get(c), numeric[c] ? DataTypes.DoubleType : DataTypes.StringType, true));
        List<Row> rows = new ArrayList<>();
        for (List<String> row : read.rows()) {
            Object[] v = new Object[w];
            for (int c = 0; c < w; c++) v[c] = numeric[c] ? (row.get(c).isEmpty() ? null : Double.valueOf(row.get(c))) : row.get(c);
            rows.add(RowFactory.create(v));
        }
        Dataset<Row> df = spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0]))).coalesce(1);
        df.write().mode(SaveMode.Overwrite).parquet(dir.resolve("results.parquet").toAbsolutePath().toString());
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** One partition of point indices → their rows, with one toolkit per executor JVM. */
    static final class Compute implements org.apache.spark.api.java.function.FlatMapFunction<Iterator<Integer>, List<String>> {
        private static final long serialVersionUID = 1L;
        private final SweepRequest request;

        Compute(SweepRequest request) { this.request = request; }

        @Override public Iterator<List<String>> call(Iterator<Integer> indices) {
            Cumulus c = Executor.cumulus();
            Model m = c.model(request.model());
            List<Grid.Point> all = request.grid().points();
            List<List<String>> out = new ArrayList<>();
            while (indices.hasNext()) out.add(new ArrayList<>(LocalSweep.row(c, m, request, all.get(indices.next()))));
            return out.iterator();
        }
    }

    /** The toolkit of an executor JVM, built once. */
    static final class Executor {
        private static volatile Cumulus cumulus;

        static Cumulus cumulus() {
            Cumulus c = cumulus;
            if (c == null) {
                synchronized (Executor.class) {
                    if (cumulus == null) cumulus = Cumulus.create();
                    c = cumulus;
                }
            }
            return c;
        }
    }
}
