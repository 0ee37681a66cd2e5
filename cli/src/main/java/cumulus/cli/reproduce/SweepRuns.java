package cumulus.cli.reproduce;

import cumulus.api.NumericalException;
import cumulus.plugins.sweep.Compute;
import cumulus.plugins.sweep.LocalSweep;
import cumulus.plugins.sweep.ResultsTable;
import cumulus.plugins.sweep.SweepRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Figures computed through {@code cumulus sweep} (the local engine, all cores, resumable): the
 * sweep runs in OUT/sweeps/NAME, so an interrupted {@code reproduce} continues where it stopped,
 * and its rows are read back by grid point.
 */
final class SweepRuns {
    /** The rows of a finished sweep, by grid values (in --grid order). */
    record Table(List<String> header, Map<List<Double>, List<String>> rows, Path dir) {
        double number(List<Double> point, String column) {
            List<String> r = rows.get(point);
            int c = header.indexOf(column);
            if (r == null || c < 0) throw new NumericalException("sweep " + dir + " has no " + column + " at " + point);
            return r.get(c).isEmpty() ? Double.NaN : Double.parseDouble(r.get(c));
        }

        String text(List<Double> point, String column) {
            List<String> r = rows.get(point);
            int c = header.indexOf(column);
            return r == null || c < 0 ? "" : r.get(c);
        }
    }

    private SweepRuns() { }

    static String list(String name, double... values) {
        StringBuilder b = new StringBuilder(name).append('=');
        for (int i = 0; i < values.length; i++) b.append(i == 0 ? "" : ",").append(cumulus.plugins.sweep.Cells.number(values[i]));
        return b.toString();
    }

    static String list(String name, int... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) d[i] = values[i];
        return list(name, d);
    }

    /** Runs (or resumes) the sweep and returns its rows; a failed point fails the figure with that point's status. */
    static Table run(Context ctx, String name, String model, Map<String, String> fixed, List<String> grid, List<Compute> compute, UnaryOperator<SweepRequest> options) {
        SweepRequest r = options.apply(SweepRequest.of(model, fixed, grid, compute));
        Path dir = ctx.sweepDir(name);
        LocalSweep.Summary s = ctx.cumulus().sweep(r, dir);
        ctx.progress("sweep %s: %d points (%d from an earlier run) in %.1f s on %d threads -> %s", name, s.points(), s.skipped(), s.seconds(), r.threads(), s.results());
        cumulus.cli.SweepPlot.write(dir);
        ResultsTable.Read read = ResultsTable.read(s.results());
        int g = grid.size();
        Map<List<Double>, List<String>> rows = new HashMap<>();
        for (List<String> row : read.rows()) {
            String status = row.get(row.size() - 1);
            if (!status.equals("ok")) throw new NumericalException("sweep " + name + " point " + new ArrayList<>(row.subList(0, g)) + ": " + status);
            rows.put(ResultsTable.key(row, g), row);
        }
        return new Table(read.header(), rows, dir);
    }
}
