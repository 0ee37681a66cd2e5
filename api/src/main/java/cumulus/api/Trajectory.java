package cumulus.api;

import java.util.List;

/** Sampled dynamics: column names (the first is "t"), one row per output time. */
public record Trajectory(List<String> columns, List<double[]> rows, List<String> warnings) {
    public Trajectory {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no column " + name + " in " + columns);
        return i;
    }

    public double value(int row, String name) { return rows.get(row)[column(name)]; }
}
