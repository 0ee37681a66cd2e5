package cumulus.cli.reproduce;

import cumulus.plugins.sweep.Compute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The attractor map of the btc-pair mean field (Fig. 3's model) over ω_zz × ω_xx from the paper's
 * initial state: one {@code cumulus sweep --compute classify} (the classifier of {@code classify}),
 * drawn as a map with one colour per attractor and tabulated in the summary with the period
 * multiplicity of the periodic points (LC2 = period-doubled limit cycle).
 */
public final class FigAttractors implements Figure {
    static final String INITIAL = "coherent:0.10017,0;coherent:0.10017,1.5708";
    static final List<String> ORDER = List.of("fixed-point", "closed-orbits", "limit-cycle", "quasi-periodic", "irregular", "undecided");
    static final List<String> SHORT = List.of("FP", "CO", "LC", "QP", "IR", "U");

    /** The sweep folder of the last {@link #compute}: {@link #plot} draws its heat map. */
    private volatile java.nio.file.Path lastSweep;

    @Override public String name() { return "attractors"; }

    /** The categorical heat map of the sweep (one colour per attractor), as {@code cumulus sweep} draws it. */
    @Override public void plot(FigureData data, java.nio.file.Path png) {
        if (lastSweep == null) { Figure.super.plot(data, png); return; }
        cumulus.cli.SweepPlot.write(lastSweep, png, true);
    }

    @Override public String caption() {
        return "btc-pair mean-field attractor map over ω_zz × ω_xx from coherent:0.10017,0;coherent:0.10017,1.5708 (fixed point, limit cycle with its multiplicity, irregular)";
    }

    @Override public FigureData compute(Mode mode, Context ctx) {
        String zz = mode.pick("omega_zz=0.3:1.2:4", "omega_zz=0.3:1.2:19");
        String xx = mode.pick("omega_xx=2,3", "omega_xx=2:4:9");
        return compute(ctx, name() + "-" + mode.label(), zz, xx, 400);
    }

    FigureData compute(Context ctx, String sweepName, String zzGrid, String xxGrid, double tEnd) {
        SweepRuns.Table t = SweepRuns.run(ctx, sweepName, "btc-pair", Map.of(), List.of(zzGrid, xxGrid), List.of(Compute.CLASSIFY),
                r -> r.withClassify("meanfield", INITIAL, tEnd, 0.01));
        lastSweep = t.dir();
        List<Double> zs = axis(zzGrid), xs = axis(xxGrid);
        FigureData d = new FigureData(name(), "btc-pair mean-field attractors over ω_zz × ω_xx");
        Panel p = d.panel(new Panel("attractor (classify, t-end " + (long) tEnd + ")", "ω_zz [κ]", "ω_xx [κ]").legend("OutsideE"));
        Map<String, List<double[]>> byKind = new LinkedHashMap<>();
        for (String k : ORDER) byKind.put(k, new ArrayList<>());
        for (double z : zs) for (double x : xs) byKind.get(t.text(List.of(z, x), "attractor")).add(new double[]{z, x});
        int i = 0;
        for (var e : byKind.entrySet()) {
            int color = i++;
            if (e.getValue().isEmpty()) continue;
            double[] px = e.getValue().stream().mapToDouble(a -> a[0]).toArray(), py = e.getValue().stream().mapToDouble(a -> a[1]).toArray();
            p.add(new Series(e.getKey(), px, py, Series.Style.MARKERS, Plots.color(color), true));
            d.number("count_" + e.getKey(), px.length);
        }
        d.note("Model `btc-pair` mean field (N → ∞), from `%s`, classified by `cumulus sweep --compute classify` (the classifier of `cumulus classify`, t-end %d) over ω_zz = %s..%s (%d values) × ω_xx = %s..%s (%d values); rows in `sweeps/%s/results.csv`, heat map in `sweeps/%s/sweep.png`.",
                INITIAL, (long) tEnd, FigS2.fmt(zs.get(0)), FigS2.fmt(zs.get(zs.size() - 1)), zs.size(), FigS2.fmt(xs.get(0)), FigS2.fmt(xs.get(xs.size() - 1)), xs.size(), sweepName, sweepName);
        d.note("");
        d.note("FP fixed point, LCk limit cycle with k maxima of m1z per period (LC2: period doubling), CO closed orbits, QP quasi-periodic, IR irregular, U undecided.");
        d.note("");
        StringBuilder head = new StringBuilder("| ω_xx \\ ω_zz |"), rule = new StringBuilder("|---|");
        for (double z : zs) { head.append(String.format(Locale.ROOT, " %.2f |", z)); rule.append("---|"); }
        d.note(head.toString());
        d.note(rule.toString());
        for (int xi = xs.size() - 1; xi >= 0; xi--) {
            double x = xs.get(xi);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.2f |", x));
            for (double z : zs) row.append(' ').append(code(t, List.of(z, x))).append(" |");
            d.note(row.toString());
        }
        d.note("");
        double atPaper = Double.NaN;
        for (double z : zs) for (double x : xs) if (Math.abs(z - 0.35) < 1e-9 && Math.abs(x - 3) < 1e-9) atPaper = t.number(List.of(z, x), "period");
        if (Double.isFinite(atPaper)) d.number("period_at_paper_point", atPaper);
        return d;
    }

    /** FP, LC2, IR, ...: the attractor's short name, with the multiplicity of a periodic one. */
    static String code(SweepRuns.Table t, List<Double> at) {
        String a = t.text(at, "attractor");
        int k = ORDER.indexOf(a);
        String c = k < 0 ? "?" : SHORT.get(k);
        if (a.equals("limit-cycle") || a.equals("closed-orbits")) c += t.text(at, "multiplicity");
        return c;
    }

    private static List<Double> axis(String spec) { return cumulus.plugins.sweep.Grid.Axis.parse(spec).values(); }
}
