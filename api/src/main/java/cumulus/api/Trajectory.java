package cumulus.api;

import java.util.List;

/**
 * Sampled dynamics: column names (the first is "t"), one row per output time. A run that failed
 * numerically (diverged, too stiff, out of budget) keeps the rows it reached and says why in
 * {@code failure}; {@code failure} is null for a complete run. {@code method} says how the rows were
 * computed (which propagator and why), or is null when the solver's name says it all.
 */
public record Trajectory(List<String> columns, List<double[]> rows, List<String> warnings, String failure, String method) {
    public Trajectory {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /** A run without a method description. */
    public Trajectory(List<String> columns, List<double[]> rows, List<String> warnings, String failure) { this(columns, rows, warnings, failure, null); }

    /** A complete run. */
    public Trajectory(List<String> columns, List<double[]> rows, List<String> warnings) { this(columns, rows, warnings, null); }

    public boolean complete() { return failure == null; }

    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no column " + name + " in " + columns);
        return i;
    }

    public double value(int row, String name) { return rows.get(row)[column(name)]; }
}
