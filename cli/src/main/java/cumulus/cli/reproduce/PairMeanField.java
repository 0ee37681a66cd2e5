package cumulus.cli.reproduce;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Trajectory;
import cumulus.plugins.AttractorClassifier;

import java.util.Map;

/**
 * Figs. 3a/3b: the btc-pair in the thermodynamic limit (mean field) from
 * coherent:0.10017,0;coherent:0.10017,1.5708 with ω_xx = 3, ω_z = (0.1, 0.02), ω_x/κ = 2; the
 * classification (attractor, period, multiplicity) comes from {@link AttractorClassifier}.
 */
abstract class PairMeanField implements Figure {
    static final String INITIAL = "coherent:0.10017,0;coherent:0.10017,1.5708";

    abstract double omegaZz();

    abstract String expected();

    @Override public FigureData compute(Mode mode, Context ctx) {
        return compute(ctx, mode.pick(300.0, 400.0), mode.pick(0.02, 0.01));
    }

    FigureData compute(Context ctx, double tEnd, double dt) {
        Model m = ctx.model("btc-pair");
        Map<String, Double> p = ctx.params(m, "omega_zz", omegaZz());
        long t0 = System.nanoTime();
        AttractorClassifier.Result r = AttractorClassifier.classify(ctx.cumulus().dynamics("meanfield"), m, p, InitialState.parse(INITIAL, m), tEnd, dt);
        ctx.progress("classified: %s, period %.4f, multiplicity %d (%.1f s)", r.attractor().label, r.period(), r.multiplicity(), (System.nanoTime() - t0) * 1e-9);
        Trajectory tr = Runs.evolve(ctx, "meanfield", m, p, INITIAL, tEnd, dt);
        double[] t = Runs.column(tr, "t");
        String cls = r.attractor().label + (Double.isNaN(r.period()) ? "" : String.format(java.util.Locale.ROOT, ", period %.3f/κ, multiplicity %d", r.period(), r.multiplicity()));
        FigureData d = new FigureData(name(), String.format(java.util.Locale.ROOT, "btc-pair mean field (N → ∞), ω_zz = %s: %s", FigS2.fmt(omegaZz()), cls));
        // the first 60/κ and the last 8 periods
        double show = Double.isNaN(r.period()) ? 40 : 8 * r.period();
        Panel early = d.panel(new Panel("transient, t ≤ 60/κ", "t [1/κ]", "<m_j^z>").legend("OutsideS").yRange(-1.05, 1.05).xRange(0, 60));
        show = 20 * Math.ceil(show / 20); // a range of 20, 40, 80: XChart labels it with round ticks
        double from = tEnd - show;
        Panel late = d.panel(new Panel(String.format(java.util.Locale.ROOT, "late times: %s", cls), "t [1/κ]", "<m_j^z>").legend("OutsideS").yRange(-1.05, 1.05).xRange(from, tEnd));
        Panel phase = d.panel(new Panel("late-time orbits in the (m_j^y, m_j^z) plane", "<m_j^y>", "<m_j^z>").square().legend("OutsideS"));
        for (int j = 1; j <= 2; j++) {
            double[] y = Runs.column(tr, "m" + j + "y"), z = Runs.column(tr, "m" + j + "z");
            java.awt.Color col = Plots.color(j == 1 ? 0 : 2);
            early.add(new Series("m_" + j + "^z, t ≤ 60", slice(t, t, 0, 60), slice(t, z, 0, 60), Series.Style.LINE, col, true).legend("ensemble " + j, true));
            late.add(new Series("m_" + j + "^z, late", slice(t, t, tEnd - show, tEnd), slice(t, z, tEnd - show, tEnd), Series.Style.LINE, col, true).legend("ensemble " + j, true));
            phase.add(new Series("orbit ensemble " + j, slice(t, y, tEnd - show, tEnd), slice(t, z, tEnd - show, tEnd), Series.Style.LINE, col, true).legend("ensemble " + j, true));
        }
        d.number("omega_zz", omegaZz());
        d.number("period", r.period());
        d.number("multiplicity", r.multiplicity());
        d.number("limit_cycle", r.attractor() == AttractorClassifier.Attractor.LIMIT_CYCLE ? 1 : 0);
        d.note("Model `btc-pair` (ω_x/κ = 2, ω_z = (0.1, 0.02), ω_xx = 3, ω_zz = %s), mean field (N → ∞) from `%s`, t = 0..%s/κ, dt = %s.", FigS2.fmt(omegaZz()), INITIAL, FigS2.fmt(tEnd), FigS2.fmt(dt));
        d.note("Classification (`cumulus classify`): **%s**; the paper's panel shows %s. Details: %s.", cls, expected(), r.details());
        if (!r.maxima().isEmpty()) d.note("Distinct maxima of m_1^z per period: %s.", r.maxima().stream().map(v -> String.format(java.util.Locale.ROOT, "%.4f", v)).toList());
        return d;
    }

    static double[] slice(double[] t, double[] v, double from, double to) {
        int a = 0, b = t.length;
        while (a < t.length && t[a] < from - 1e-9) a++;
        while (b > a && t[b - 1] > to + 1e-9) b--;
        return java.util.Arrays.copyOfRange(v, a, b);
    }
}
