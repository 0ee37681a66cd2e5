package cumulus.plugins.attractor;

import cumulus.api.Trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * A trajectory as the classifier sees it: the full state (every unknown the method integrates) on
 * the uniform grid t_i = t_0 + i·dt, with six-point Lagrange interpolation between samples (error
 * ~ (ω dt)^6, about 1e-12 at dt = 0.01 for the O(1) frequencies here), so that recurrence times and
 * peak values are not limited to the grid.
 */
public final class StateSeries {
    private final List<String> names;
    private final double t0, dt;
    private final double[][] x;

    public StateSeries(List<String> names, double t0, double dt, double[][] x) {
        if (x.length < 8) throw new IllegalArgumentException("a state series needs at least 8 samples, got " + x.length);
        if (!(dt > 0)) throw new IllegalArgumentException("dt must be positive");
        this.names = List.copyOf(names);
        this.t0 = t0;
        this.dt = dt;
        this.x = x;
    }

    /**
     * The state columns of a trajectory: everything but {@code t} and the derived sums
     * {@code C_diag}, {@code C_all}.
     */
    public static StateSeries of(Trajectory tr) {
        List<String> names = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (int c = 0; c < tr.columns().size(); c++) {
            String n = tr.columns().get(c);
            if (n.equals("t") || n.equals("C_diag") || n.equals("C_all")) continue;
            names.add(n);
            cols.add(c);
        }
        List<double[]> rows = tr.rows();
        double[][] x = new double[rows.size()][cols.size()];
        for (int i = 0; i < rows.size(); i++)
            for (int k = 0; k < cols.size(); k++) x[i][k] = rows.get(i)[cols.get(k)];
        double dt = rows.size() > 1 ? rows.get(1)[0] - rows.get(0)[0] : 1;
        return new StateSeries(names, rows.get(0)[0], dt, x);
    }

    public List<String> names() { return names; }
    public int size() { return x.length; }
    public int dimension() { return x[0].length; }
    public double dt() { return dt; }
    public double time(int i) { return t0 + i * dt; }
    public double end() { return time(x.length - 1); }
    public double[] state(int i) { return x[i]; }
    public double value(int i, int k) { return x[i][k]; }

    public int component(String name) {
        int k = names.indexOf(name);
        if (k < 0) throw new IllegalArgumentException("no state column " + name + " in " + names);
        return k;
    }

    /** The interpolated state at time t (t_0 ≤ t ≤ end). */
    public double[] at(double t) {
        double[] out = new double[dimension()];
        double[] w = new double[6];
        int base = weights(t, w);
        for (int j = 0; j < 6; j++) {
            double[] r = x[base + j];
            for (int k = 0; k < out.length; k++) out[k] += w[j] * r[k];
        }
        return out;
    }

    /** One interpolated component at time t. */
    public double at(double t, int k) {
        double[] w = new double[6];
        int base = weights(t, w);
        double s = 0;
        for (int j = 0; j < 6; j++) s += w[j] * x[base + j][k];
        return s;
    }

    /** dx/dt at sample i by the fourth-order central difference (one-sided stencils at the ends). */
    public double[] velocity(int i) {
        int c = Math.max(2, Math.min(x.length - 3, i));
        double[] v = new double[dimension()];
        for (int k = 0; k < v.length; k++)
            v[k] = (-x[c + 2][k] + 8 * x[c + 1][k] - 8 * x[c - 1][k] + x[c - 2][k]) / (12 * dt);
        return v;
    }

    /** Lagrange weights on the six nodes base..base+5 around t; returns base. */
    private int weights(double t, double[] w) {
        double u = (t - t0) / dt;
        int i = (int) Math.floor(u);
        int base = Math.max(0, Math.min(x.length - 6, i - 2));
        double s = u - base;
        for (int j = 0; j < 6; j++) {
            double p = 1;
            for (int m = 0; m < 6; m++) if (m != j) p *= (s - m) / (j - m);
            w[j] = p;
        }
        return base;
    }

    /** Euclidean distance of two states. */
    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += (a[k] - b[k]) * (a[k] - b[k]);
        return Math.sqrt(s);
    }

    /** The largest range (max − min) of any component over samples from..to−1. */
    public double range(int from, int to) {
        double r = 0;
        for (int k = 0; k < dimension(); k++) {
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (int i = from; i < to; i++) { lo = Math.min(lo, x[i][k]); hi = Math.max(hi, x[i][k]); }
            r = Math.max(r, hi - lo);
        }
        return r;
    }
}
