package cumulus.solvers;

import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.Moments;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows every exact trajectory prints (evolve, stroboscopic Floquet): t, the observables, C_diag,
 * C_all, {@code <name>_sq} = ⟨O²⟩ for every observable, then the space's extra columns
 * ({@code top_fock} with a boson, {@code spin_j_max} for ⊕_j); and the largest top-Fock
 * population seen, for SPEC.md's truncation warning.
 */
public final class StateRows {
    private final LiouvillianSpace space;
    private final Moments moments;
    private final List<String> columns = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private double maxTop;
    private String maxTopMode;

    public StateRows(LiouvillianSpace space) {
        this.space = space;
        this.moments = space.moments();
        columns.add("t");
        columns.addAll(moments.names());
        columns.add("C_diag");
        columns.add("C_all");
        for (String name : moments.names()) columns.add(name + "_sq");
        columns.addAll(space.extraColumns());
    }

    /** Appends the row of state x at time t. */
    public void add(double t, double[] x) {
        Moments.Values v = moments.evaluate(x);
        int k = moments.names().size();
        double[] row = new double[columns.size()];
        int c = 0;
        row[c++] = t;
        for (int i = 0; i < k; i++) row[c++] = v.mean()[i];
        row[c++] = v.cDiag();
        row[c++] = v.cAll();
        for (int i = 0; i < k; i++) row[c++] = v.second(i);
        for (double e : space.extraValues(x)) row[c++] = e;
        double top = space.topFock(x);
        if (!Double.isNaN(top) && !(top <= maxTop)) { maxTop = top; maxTopMode = space.topFockMode(x); }
        rows.add(row);
    }

    public List<String> columns() { return columns; }
    public List<double[]> rows() { return rows; }
    public double maxTopFock() { return maxTop; }
    /** The mode (by name) that held {@link #maxTopFock()}, null for a single mode. */
    public String maxTopFockMode() { return maxTopMode; }
}
