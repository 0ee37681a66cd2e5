package cumulus.cli.reproduce;

import cumulus.api.Model;

/**
 * Fig. 2b: NESS C_diag against ω_x/κ for several N: for ω_x/κ < 1 it falls like 1/N (non-extensive,
 * gapped), for ω_x/κ > 1 it stays finite as N grows (extensive: the time-crystal phase, gapless).
 */
public final class Fig2b implements Figure {
    @Override public String name() { return "fig2b"; }

    @Override public String caption() { return "btc NESS cumulants C_diag against ω_x/κ for several N: extensive only in the time-crystal phase ω_x/κ > 1"; }

    @Override public FigureData compute(Mode mode, Context ctx) {
        double[] w = mode == Mode.QUICK ? grid(0.1, 3.0, 0.2) : grid(0.1, 3.0, 0.1);
        return compute(ctx, mode.pick(new int[]{4, 8, 16, 32}, new int[]{8, 16, 32, 64, 128}), w, mode == Mode.FULL);
    }

    static double[] grid(double lo, double hi, double step) {
        int n = (int) Math.round((hi - lo) / step) + 1;
        double[] o = new double[n];
        for (int i = 0; i < n; i++) o[i] = Math.round((lo + i * step) * 1e9) / 1e9;
        return o;
    }

    FigureData compute(Context ctx, int[] ns, double[] omegas) { return compute(ctx, ns, omegas, false); }

    /** With {@code viaSweep} the steady states come from one {@code cumulus sweep} over ω_x × N (all cores, resumable). */
    FigureData compute(Context ctx, int[] ns, double[] omegas, boolean viaSweep) {
        Model m = ctx.model("btc");
        SweepRuns.Table sweep = !viaSweep ? null : SweepRuns.run(ctx, name(), "btc", java.util.Map.of(),
                java.util.List.of(SweepRuns.list("omega_x", omegas), SweepRuns.list("N", ns)), java.util.List.of(cumulus.plugins.sweep.Compute.STEADY), r -> r);
        FigureData d = new FigureData(name(), "btc NESS cumulants C_diag against ω_x/κ for several N");
        Panel p = d.panel(new Panel("NESS C_diag = Σ_a K(m^a, m^a)", "ω_x/κ", "C_diag (NESS)").legend("InsideNW"));
        Panel q = d.panel(new Panel("N · C_diag (constant where C_diag ~ 1/N)", "ω_x/κ", "N · C_diag (NESS)").legend("InsideNW").logY());
        double[][] c = new double[ns.length][omegas.length];
        for (int k = 0; k < ns.length; k++) {
            double[] nc = new double[omegas.length];
            for (int i = 0; i < omegas.length; i++) {
                c[k][i] = sweep != null ? sweep.number(java.util.List.of(omegas[i], (double) ns[k]), "C_diag")
                        : Runs.steady(ctx, m, ctx.params(m, "N", ns[k], "omega_x", omegas[i])).cDiag();
                nc[i] = ns[k] * c[k][i];
            }
            ctx.progress("N = %d: %d steady states", ns[k], omegas.length);
            p.add(new Series("N = " + ns[k], omegas, c[k], Series.Style.LINE_MARKERS, Plots.color(k), true));
            q.add(new Series("N = " + ns[k], omegas, nc, Series.Style.LINE_MARKERS, Plots.color(k), true));
        }
        double[] nd = new double[ns.length];
        for (int k = 0; k < ns.length; k++) nd[k] = ns[k];
        d.note("Model `btc`, κ = 1, exact NESS for N = %s over ω_x/κ = %s..%s (%d points)%s.", java.util.Arrays.toString(ns), FigS2.fmt(omegas[0]), FigS2.fmt(omegas[omegas.length - 1]), omegas.length,
                sweep == null ? "" : ", computed as one `cumulus sweep` (rows in `sweeps/" + name() + "/results.csv`)");
        d.note("");
        d.note("| ω_x/κ | " + String.join(" | ", java.util.Arrays.stream(ns).mapToObj(n -> "C_diag N=" + n).toList()) + " | fitted exponent a (C ~ N^a, largest three N) |");
        d.note("|---|" + "---|".repeat(ns.length) + "---|");
        for (int i = 0; i < omegas.length; i++) {
            double wv = omegas[i];
            boolean show = near(wv, 0.5) || near(wv, 1.0) || near(wv, 1.5) || near(wv, 2.0) || near(wv, 3.0) || near(wv, 0.1) || near(wv, 0.3) || near(wv, 2.5);
            if (!show) continue;
            double[] y = new double[ns.length];
            StringBuilder row = new StringBuilder(String.format(java.util.Locale.ROOT, "| %.2f |", wv));
            for (int k = 0; k < ns.length; k++) { y[k] = c[k][i]; row.append(String.format(java.util.Locale.ROOT, " %.4f |", y[k])); }
            int from = Math.max(0, ns.length - 3);
            double a = Fits.powerLaw(java.util.Arrays.copyOfRange(nd, from, nd.length), java.util.Arrays.copyOfRange(y, from, y.length))[0];
            row.append(String.format(java.util.Locale.ROOT, " %.2f |", a));
            d.note(row.toString());
            d.number(String.format(java.util.Locale.ROOT, "exponent_a_omega_%.2f", wv), a);
            for (int k = 0; k < ns.length; k++) d.number(String.format(java.util.Locale.ROOT, "C_diag_omega_%.2f_N%d", wv, ns[k]), y[k]);
        }
        d.note("");
        d.note("Below ω_x/κ = 1 the exponent is ≈ −1 (C_diag ~ 1/N: non-extensive, N·C_diag flat); above it the exponent tends to 0 (extensive cumulants), the time-crystal side where Eq. (11) forces a closing gap.");
        return d;
    }

    static boolean near(double a, double b) { return Math.abs(a - b) < 1e-6; }
}
