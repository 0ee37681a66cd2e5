package cumulus.cli.reproduce;

import cumulus.api.Model;
import cumulus.api.SteadyStateResult;
import cumulus.api.Trajectory;

import java.awt.Color;
import java.util.Map;

/**
 * Fig. 1: btc magnetization trajectories at ω_x/κ = 2 for N = 4, 8, 64 (exact) and N → ∞ (mean
 * field) from several initial states, projected on the m_y–m_z plane with the unit circle (the
 * shell |m| = 1 of states with non-extensive cumulants) and the NESS of each N marked; a second
 * panel shows m_z(t).
 */
public final class Fig1 implements Figure {
    static final String[] INITIAL = {"up", "coherent:1.5707963267948966,0", "coherent:2.356194490192345,4.71238898038469"};
    static final String[] INITIAL_LABEL = {"up", "+x", "θ=3π/4, -y"};

    @Override public String name() { return "fig1"; }

    @Override public String caption() {
        return "btc magnetization dynamics at ω_x/κ = 2 for N = 4, 8, 64 and N → ∞: finite N relaxes to a NESS inside the unit sphere, the mean field stays on the shell |m| = 1";
    }

    @Override public FigureData compute(Mode mode, Context ctx) {
        int[] ns = mode.pick(new int[]{4, 8, 32}, new int[]{4, 8, 64});
        int nInit = mode.pick(2, 3);
        double tEnd = mode.pick(20.0, 40.0), dt = mode.pick(0.05, 0.025); // 20, 40: XChart labels these ranges with round ticks
        Model m = ctx.model("btc");
        FigureData d = new FigureData(name(), "btc, ω_x/κ = 2: trajectories for N = " + ns[0] + ", " + ns[1] + ", " + ns[2] + " (exact) and N → ∞ (mean field)");
        Panel proj = d.panel(new Panel("m_y–m_z projection (dotted: |m| = 1; ×: NESS)", "<m_y>", "<m_z>")
                .square().xRange(-1.1, 1.1).yRange(-1.1, 1.1).legend("InsideSE"));
        Panel time = d.panel(new Panel("m_z(t) (dashed: second initial state; dotted: NESS)", "t [1/κ]", "<m_z>").legend("OutsideS").xRange(0, tEnd));
        Panel norm = d.panel(new Panel("|<m>|(t): the mean field stays on the shell", "t [1/κ]", "|<m>| = (Σ_a <m^a>²)^(1/2)").legend("OutsideS").xRange(0, tEnd).yRange(0, 1.05));
        double[] cx = new double[361], cy = new double[361];
        for (int i = 0; i <= 360; i++) { cx[i] = Math.cos(Math.toRadians(i)); cy[i] = Math.sin(Math.toRadians(i)); }
        proj.add(new Series("unit circle |m| = 1", cx, cy, Series.Style.DOTTED, Color.GRAY, false));
        d.note("Model `btc` (H = ω_x S^x, jump sqrt(κ/S) S^-), ω_x/κ = 2, t = 0..%s/κ; initial states: %s.", FigS2.fmt(tEnd), String.join(", ", java.util.Arrays.copyOf(INITIAL, nInit)));
        d.note("");
        d.note("| N | NESS <m_x> | NESS <m_y> | NESS <m_z> | NESS length of <m> | C_diag |");
        d.note("|---|---|---|---|---|---|");
        for (int k = 0; k <= ns.length; k++) {
            boolean mf = k == ns.length;
            String label = mf ? "N → ∞ (mean field)" : "N = " + ns[k];
            Color col = Plots.color(k);
            Map<String, Double> p = mf ? ctx.params(m, "omega_x", 2.0) : ctx.params(m, "N", ns[k], "omega_x", 2.0);
            for (int i = 0; i < nInit; i++) {
                Trajectory tr = Runs.evolve(ctx, mf ? "meanfield" : "exact", m, p, INITIAL[i], tEnd, dt);
                double[] t = Runs.column(tr, "t"), y = Runs.column(tr, "m1y"), z = Runs.column(tr, "m1z");
                String sn = label + ", from " + INITIAL_LABEL[i];
                double[] xx = Runs.column(tr, "m1x"), nr = new double[t.length];
                for (int r = 0; r < t.length; r++) nr[r] = Math.sqrt(xx[r] * xx[r] + y[r] * y[r] + z[r] * z[r]);
                norm.add(new Series("|m| " + sn, t, nr, i == 0 ? Series.Style.LINE : Series.Style.DASHED, col, i == 0).legend(label, i == 0));
                proj.add(new Series(sn, y, z, i == 0 ? Series.Style.LINE : Series.Style.DASHED, col, false));
                time.add(new Series(sn, t, z, i == 0 ? Series.Style.LINE : Series.Style.DASHED, col, i == 0).legend(label, i == 0));
                if (mf) {
                    double maxDev = 0;
                    double[] x = Runs.column(tr, "m1x");
                    for (int r = 0; r < t.length; r++) maxDev = Math.max(maxDev, Math.abs(Math.sqrt(x[r] * x[r] + y[r] * y[r] + z[r] * z[r]) - 1));
                    d.number("meanfield_max_abs_norm_minus_1_" + INITIAL_LABEL[i], maxDev);
                }
            }
            if (!mf) {
                SteadyStateResult s = Runs.steady(ctx, m, p);
                double mx = s.expectations().get("m1x"), my = s.expectations().get("m1y"), mz = s.expectations().get("m1z");
                double len = Math.sqrt(mx * mx + my * my + mz * mz);
                double e = 0.05; // an × drawn as one line: the NESS point at its centre
                proj.add(new Series("NESS N = " + ns[k] + " (centre of the x)", new double[]{my - e, my + e, my, my - e, my + e}, new double[]{mz - e, mz + e, mz, mz + e, mz - e},
                        Series.Style.LINE, col, false));
                norm.add(new Series("NESS |m| N = " + ns[k], new double[]{0, tEnd}, new double[]{len, len}, Series.Style.DOTTED, col, false));
                time.add(new Series("NESS N = " + ns[k], new double[]{0, tEnd}, new double[]{mz, mz}, Series.Style.DOTTED, col, false));
                d.number("ness_norm_N" + ns[k], len);
                d.number("ness_C_diag_N" + ns[k], s.cDiag());
                d.note("| %d | %.4f | %.4f | %.4f | %.4f | %.4f |", ns[k], mx, my, mz, len, s.cDiag());
            }
        }
        d.note("");
        d.note("Crosses mark each N's NESS: |<m>| < 1, inside the sphere, so its cumulants are extensive (Σ_a K(m^a,m^a) = 1 + 2/N − |<m>|² stays finite as N grows). "
                + "The mean-field orbits stay on the shell (max ||m| − 1| = %.1e) and keep oscillating, so they can never reach the NESS.",
                d.numbers().entrySet().stream().filter(e -> e.getKey().startsWith("meanfield_max")).mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN));
        return d;
    }
}
