package cumulus.cli.reproduce;

import cumulus.api.Model;
import cumulus.api.SpectrumResult;
import cumulus.api.Trajectory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fig. S2: the dephasing model (Hermitian jump sqrt(γ/S) S^z, ω_x = 1). Upper: Re λ_1 · N and Im λ_1
 * against N for several γ (Re λ_1 ~ −γ/(2N): gapless; Im λ_1 → ω_x). Lower: m_z(t) from the
 * coherent state e^{−iπ/4 m_y}|↑…↑⟩ (coherent:π/4,0) for several N at γ = 10 and for several γ at
 * fixed N: the oscillations live longer as N grows.
 */
public final class FigS2 implements Figure {
    static final String INITIAL = "coherent:0.7853981633974483,0";

    @Override public String name() { return "figS2"; }

    @Override public String caption() { return "dephasing model: gap eigenvalue Re λ_1·N and Im λ_1 against N for several γ, and m_z(t) for several N and γ"; }

    @Override public FigureData compute(Mode mode, Context ctx) {
        return compute(ctx, mode.pick(new int[]{4, 8, 16}, new int[]{4, 8, 16, 32, 64, 128}), new double[]{0.5, 1, 3, 10},
                mode.pick(new int[]{4, 16, 32}, new int[]{4, 16, 64}), mode.pick(32, 64), mode.pick(20.0, 40.0), mode == Mode.FULL);
    }

    FigureData compute(Context ctx, int[] ns, double[] gammas, int[] dynNs, int dynFixedN, double tEnd) {
        return compute(ctx, ns, gammas, dynNs, dynFixedN, tEnd, false);
    }

    /** With {@code viaSweep} the scaling panels (λ_1 against N) come from one {@code cumulus sweep} over γ × N. */
    FigureData compute(Context ctx, int[] ns, double[] gammas, int[] dynNs, int dynFixedN, double tEnd, boolean viaSweep) {
        Model m = ctx.model("dephasing");
        SweepRuns.Table sweep = !viaSweep ? null : SweepRuns.run(ctx, name(), "dephasing", java.util.Map.of("omega_x", "1"),
                java.util.List.of(SweepRuns.list("gamma", gammas), SweepRuns.list("N", ns)), java.util.List.of(cumulus.plugins.sweep.Compute.SPECTRUM), r -> r.withMethod("exact", 3));
        FigureData d = new FigureData(name(), "dephasing (H = ω_x S^x, jump sqrt(γ/S) S^z), ω_x = 1: gap eigenvalue and m_z(t)").columns(2);
        Panel re = d.panel(new Panel("Re λ_1 · N", "N", "Re λ_1 · N [ω_x]").logX().legend("InsideSE"));
        Panel im = d.panel(new Panel("Im λ_1", "N", "Im λ_1 [ω_x]").logX().legend("InsideSE"));
        Panel dn = d.panel(new Panel("m_z(t), γ/ω_x = 10, several N", "t [1/ω_x]", "<m_z>").legend("InsideNE").xRange(0, tEnd));
        Panel dg = d.panel(new Panel("m_z(t), N = " + dynFixedN + ", several γ", "t [1/ω_x]", "<m_z>").legend("InsideNE").xRange(0, tEnd));
        double[] nd = new double[ns.length];
        for (int i = 0; i < ns.length; i++) nd[i] = ns[i];
        d.note("Model `dephasing`, ω_x = 1, exact spectrum (λ_1: the non-zero eigenvalue of largest real part, Im ≥ 0) for N = %s and γ = %s.", Arrays.toString(ns), Arrays.toString(gammas));
        d.note("");
        d.note("| γ | N | Re λ_1 | Re λ_1 · N | Im λ_1 |");
        d.note("|---|---|---|---|---|");
        for (int g = 0; g < gammas.length; g++) {
            double[] rn = new double[ns.length], ii = new double[ns.length];
            for (int i = 0; i < ns.length; i++) {
                double lre, lim;
                if (sweep != null) {
                    List<Double> at = List.of(gammas[g], (double) ns[i]);
                    lre = sweep.number(at, "lambda1_re");
                    lim = sweep.number(at, "lambda1_im");
                } else {
                    SpectrumResult s = Runs.spectrum(ctx, m, ctx.params(m, "N", ns[i], "omega_x", 1.0, "gamma", gammas[g]));
                    lre = s.lambda1().re();
                    lim = s.lambda1().im();
                }
                rn[i] = lre * ns[i];
                ii[i] = lim;
                d.note("| %s | %d | %.6f | %.5f | %.6f |", fmt(gammas[g]), ns[i], lre, rn[i], ii[i]);
                d.number(String.format(Locale.ROOT, "re_lambda1_gamma_%g_N%d", gammas[g], ns[i]), lre);
                d.number(String.format(Locale.ROOT, "im_lambda1_gamma_%g_N%d", gammas[g], ns[i]), ii[i]);
            }
            String lbl = "γ = " + fmt(gammas[g]);
            re.add(new Series("Re λ1·N, " + lbl, nd, rn, Series.Style.LINE_MARKERS, Plots.color(g), true).legend(lbl, true));
            im.add(new Series("Im λ1, " + lbl, nd, ii, Series.Style.LINE_MARKERS, Plots.color(g), true).legend(lbl, true));
        }
        for (int i = 0; i < dynNs.length; i++) {
            Trajectory tr = Runs.evolve(ctx, "exact", m, ctx.params(m, "N", dynNs[i], "omega_x", 1.0, "gamma", 10.0), INITIAL, tEnd, tEnd / 600);
            dn.add(new Series("m_z, γ = 10, N = " + dynNs[i], Runs.column(tr, "t"), Runs.column(tr, "m1z"), Series.Style.LINE, Plots.color(i), true).legend("N = " + dynNs[i], true));
        }
        for (int g = 0; g < gammas.length; g++) {
            Trajectory tr = Runs.evolve(ctx, "exact", m, ctx.params(m, "N", dynFixedN, "omega_x", 1.0, "gamma", gammas[g]), INITIAL, tEnd, tEnd / 600);
            dg.add(new Series("m_z, N = " + dynFixedN + ", γ = " + fmt(gammas[g]), Runs.column(tr, "t"), Runs.column(tr, "m1z"), Series.Style.LINE, Plots.color(g), true).legend("γ = " + fmt(gammas[g]), true));
        }
        d.note("");
        d.note("Re λ_1 · N tends to −γ/2 (a 1/N closing gap, gapless for every γ) and Im λ_1 tends to ω_x = 1 (the paper's text says 2ω_x; under SPEC's conventions and QuTiP it is ω_x). "
                + "Lower panels: m_z(t) from coherent:π/4,0; the oscillation lifetime grows with N (persistent dynamics as N → ∞).");
        return d;
    }

    static String fmt(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }
}
