package cumulus.cli.reproduce;

import cumulus.api.Model;
import cumulus.api.SteadyStateResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The diagnosis table of summary.md: per model and parameter point, the NESS cumulant scaling with
 * N (fit C ~ N^a over the three largest N), the gap scaling (gap ~ N^b) and the verdict of the
 * paper's sufficient condition (Eq. 11): extensive NESS cumulants (C_diag not decaying like 1/N,
 * i.e. a > −1/2) ⇒ gapless. Where the condition fails (C_diag ~ 1/N), the gap is checked to stay
 * finite (b ≈ 0) and the verdict is "finite gap".
 */
public final class Diagnosis implements Figure {
    public static final String GAPLESS = "gapless";
    public static final String FINITE_GAP = "finite gap";

    /** One model point: its label, model, fixed parameters and sizes. */
    record Point(String label, String model, Object[] params, int[] ns, int[] gapNs) { }

    /** The result for one point. */
    public record Row(String label, String model, int[] ns, double[] c, double[] cAll, int[] gapNs, double[] gap, double a, double aError,
                      double b, double bError, double cInf, String verdict, String reason) { }

    @Override public String name() { return "diagnosis"; }

    @Override public String caption() { return "diagnosis: NESS cumulant and gap scaling with N per model, and the verdict of the sufficient condition (Eq. 11)"; }

    static List<Point> points(Mode mode) {
        int[] ns = mode.pick(new int[]{4, 8, 16, 32}, new int[]{8, 16, 32, 64, 128});
        int[] gaps = mode.pick(new int[]{4, 8, 16}, new int[]{8, 16, 32, 64});
        int[] pair = mode.pick(new int[]{2, 4, 6}, new int[]{2, 4, 6, 8});
        int[] pairGaps = mode.pick(new int[]{2, 4}, new int[]{2, 4, 6});
        return List.of(
                new Point("btc, ω_x/κ = 2", "btc", new Object[]{"omega_x", 2.0}, ns, gaps),
                new Point("btc, ω_x/κ = 0.5", "btc", new Object[]{"omega_x", 0.5}, ns, gaps),
                new Point("dephasing, ω_x = γ = 1", "dephasing", new Object[]{"omega_x", 1.0, "gamma", 1.0}, ns, gaps),
                new Point("btc-pair, ω_zz = 0.35", "btc-pair", new Object[]{"omega_zz", 0.35}, pair, pairGaps));
    }

    @Override public FigureData compute(Mode mode, Context ctx) { return compute(ctx, points(mode)); }

    static Map<String, Double> at(Context ctx, Model m, Object[] params, int n) {
        Object[] kv = Arrays.copyOf(params, params.length + 2);
        kv[params.length] = "N";
        kv[params.length + 1] = n;
        return ctx.params(m, kv);
    }

    /** NESS C_diag at {@code ns} and the gap at {@code gapNs}; fits over the three largest sizes of each. */
    public static Row diagnose(Context ctx, String label, String model, Object[] params, int[] ns, int[] gapNs) {
        Model m = ctx.model(model);
        double[] c = new double[ns.length], cAll = new double[ns.length], gap = new double[gapNs.length], nd = new double[ns.length], gd = new double[gapNs.length];
        for (int i = 0; i < ns.length; i++) {
            SteadyStateResult s = Runs.steady(ctx, m, at(ctx, m, params, ns[i]));
            c[i] = s.cDiag();
            cAll[i] = s.cAll();
            nd[i] = ns[i];
        }
        for (int i = 0; i < gapNs.length; i++) {
            gap[i] = Runs.spectrum(ctx, m, at(ctx, m, params, gapNs[i])).spectralGap();
            gd[i] = gapNs[i];
        }
        int from = Math.max(0, ns.length - 3), gfrom = Math.max(0, gapNs.length - 3);
        double[] pa = Fits.powerLaw(Arrays.copyOfRange(nd, from, nd.length), Arrays.copyOfRange(c, from, c.length));
        double[] pb = Fits.powerLaw(Arrays.copyOfRange(gd, gfrom, gd.length), Arrays.copyOfRange(gap, gfrom, gap.length));
        double cInf = Fits.inverseN(nd, c)[0];
        boolean extensive = pa[0] > -0.5;
        String verdict, reason;
        if (extensive) {
            verdict = GAPLESS;
            reason = String.format(Locale.ROOT, "Eq. 11 holds: C_diag ~ N^%.2f stays finite (extrapolates to %.3f), so the gap must close; observed gap ~ N^%.2f%s",
                    pa[0], cInf, pb[0], pb[0] < -0.5 ? " (closing)" : " (NOT closing over these N: check larger N)");
        } else {
            verdict = pb[0] > -0.25 ? FINITE_GAP : "inconclusive";
            reason = String.format(Locale.ROOT, "Eq. 11 does not hold: C_diag ~ N^%.2f (≈ 1/N, non-extensive); the gap ~ N^%.2f %s (−Re λ_1 = %.4f at N = %d)",
                    pa[0], pb[0], pb[0] > -0.25 ? "stays finite" : "closes anyway (the condition is only sufficient)", gap[gap.length - 1], gapNs[gapNs.length - 1]);
        }
        return new Row(label, model, ns, c, cAll, gapNs, gap, pa[0], pa[2], pb[0], pb[2], cInf, verdict, reason);
    }

    FigureData compute(Context ctx, List<Point> points) {
        FigureData d = new FigureData(name(), "NESS cumulants and Liouvillian gap against N: the sufficient condition of Eq. (11)");
        Panel pc = d.panel(new Panel("NESS C_diag against N", "N", "C_diag (NESS)").logX().logY().legend("InsideSW"));
        Panel pg = d.panel(new Panel("gap −Re λ_1 against N", "N", "−Re λ_1 [κ]").logX().logY().legend("InsideSW"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            Row r = diagnose(ctx, p.label(), p.model(), p.params(), p.ns(), p.gapNs());
            rows.add(r);
            ctx.progress("%s: C ~ N^%.2f, gap ~ N^%.2f -> %s", r.label(), r.a(), r.b(), r.verdict());
            double[] nd = Arrays.stream(r.ns()).asDoubleStream().toArray();
            pc.add(new Series("C_diag " + r.label(), nd, r.c(), Series.Style.LINE_MARKERS, Plots.color(i), true).legend(r.label(), true));
            pg.add(new Series("gap " + r.label(), Arrays.stream(r.gapNs()).asDoubleStream().toArray(), r.gap(), Series.Style.LINE_MARKERS, Plots.color(i), true).legend(r.label(), true));
            d.number("a_" + i, r.a());
            d.number("b_" + i, r.b());
        }
        d.note("| model, parameters | N | NESS C_diag | fit C_diag ~ N^a | N (gap) | gap −Re λ_1 [κ] | fit gap ~ N^b | Eq. (11) verdict |");
        d.note("|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            d.note("| %s | %s | %s | a = %.2f ± %.2f | %s | %s | b = %.2f ± %.2f | **%s** |", r.label(), Arrays.toString(r.ns()), list(r.c()), r.a(), r.aError(),
                    Arrays.toString(r.gapNs()), list(r.gap()), r.b(), r.bError(), r.verdict());
        }
        d.note("");
        for (Row r : rows) d.note("- **%s** → %s: %s.", r.label(), r.verdict(), r.reason());
        d.note("");
        d.note("Fits use the three largest N. \"Extensive\" means a > −1/2 (C_diag does not decay like 1/N).");
        return d;
    }

    static String list(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4g", v[i]));
        return sb.toString();
    }
}
