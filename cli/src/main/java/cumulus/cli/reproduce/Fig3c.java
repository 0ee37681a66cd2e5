package cumulus.cli.reproduce;

import cumulus.api.Model;
import cumulus.api.SteadyStateResult;

import java.util.Arrays;

/**
 * Fig. 3c: btc-pair NESS cumulants C_all against N (exact) for ω_zz = 0.35 and 1, and the
 * asymptotic decay rate λ_ADR against N (from the fit of Fig. S1) with −Re λ_1 from the spectrum.
 */
public final class Fig3c implements Figure {
    static final double[] OMEGA_ZZ = {0.35, 1.0};

    @Override public String name() { return "fig3c"; }

    @Override public String caption() { return "btc-pair finite-size scaling: NESS C_all against N, and the asymptotic decay rate λ_ADR against N"; }

    @Override public FigureData compute(Mode mode, Context ctx) {
        return compute(ctx, mode.pick(new int[]{2, 4, 6}, new int[]{2, 4, 6, 8}), mode.pick(new int[]{2, 4}, new int[]{2, 4, 6}),
                mode.pick(new int[]{2, 4}, new int[]{2, 4, 6}));
    }

    /** NESS at {@code ns}, spectral gap at {@code gapNs}, fitted λ_ADR at {@code adrNs}. */
    FigureData compute(Context ctx, int[] ns, int[] gapNs, int[] adrNs) {
        Model m = ctx.model("btc-pair");
        FigureData d = new FigureData(name(), "btc-pair: NESS cumulants C_all and decay rate λ_ADR against N");
        Panel c = d.panel(new Panel("NESS cumulants (exact)", "N", "NESS C_all, C_diag").legend("InsideNE").yRange(0, 5));
        Panel r = d.panel(new Panel("asymptotic decay rate λ_ADR and gap −Re λ_1", "N", "rate [κ]").legend("InsideNE").yRange(0, 0.8));
        double[] nd = new double[ns.length];
        for (int k = 0; k < ns.length; k++) nd[k] = ns[k];
        d.note("Model `btc-pair` (ω_x/κ = 2, ω_z = (0.1, 0.02), ω_xx = 3), exact NESS for N = %s; spectral gap for N = %s; λ_ADR from the fit of Fig. S1 for N = %s.", Arrays.toString(ns), Arrays.toString(gapNs), Arrays.toString(adrNs));
        d.note("");
        d.note("| ω_zz | N | C_all | C_diag | −Re λ_1 [κ] | λ_ADR [κ] |");
        d.note("|---|---|---|---|---|---|");
        java.util.List<String> after = new java.util.ArrayList<>();
        for (int z = 0; z < OMEGA_ZZ.length; z++) {
            double wzz = OMEGA_ZZ[z];
            double[] call = new double[ns.length], cdiag = new double[ns.length], gap = new double[gapNs.length], gd = new double[gapNs.length];
            for (int k = 0; k < ns.length; k++) {
                SteadyStateResult s = Runs.steady(ctx, m, ctx.params(m, "N", ns[k], "omega_zz", wzz));
                call[k] = s.cAll();
                cdiag[k] = s.cDiag();
            }
            for (int k = 0; k < gapNs.length; k++) {
                gap[k] = Runs.spectrum(ctx, m, ctx.params(m, "N", gapNs[k], "omega_zz", wzz)).spectralGap();
                gd[k] = gapNs[k];
            }
            double[] adr = new double[adrNs.length], adrN = new double[adrNs.length];
            for (int k = 0; k < adrNs.length; k++) {
                PairDecay pd = PairDecay.of(ctx, adrNs[k], wzz);
                adr[k] = pd.rate();
                adrN[k] = adrNs[k];
            }
            java.awt.Color col = Plots.color(z == 0 ? 0 : 2);
            double[] ext0 = Fits.inverseN(nd, call);
            c.add(new Series("C_all, ω_zz = " + FigS2.fmt(wzz), nd, call, Series.Style.LINE_MARKERS, col, true)
                    .legend(String.format(java.util.Locale.ROOT, "C_all, ω_zz = %s (→ %.2f as N → ∞)", FigS2.fmt(wzz), ext0[0]), true));
            c.add(new Series("C_diag, ω_zz = " + FigS2.fmt(wzz), nd, cdiag, Series.Style.DASHED, col, true));
            r.add(new Series("λ_ADR (fit), ω_zz = " + FigS2.fmt(wzz), adrN, adr, Series.Style.MARKERS, col, true));
            r.add(new Series("−Re λ_1 (spectrum), ω_zz = " + FigS2.fmt(wzz), gd, gap, Series.Style.DASHED, col, true));
            double[] pc = Fits.powerLaw(nd, call), pg = Fits.powerLaw(gd, gap);
            double[] ext = Fits.inverseN(nd, call);
            d.number("C_all_exponent_omega_zz_" + wzz, pc[0]);
            d.number("gap_exponent_omega_zz_" + wzz, pg[0]);
            d.number("C_all_extrapolated_omega_zz_" + wzz, ext[0]);
            for (int k = 0; k < ns.length; k++) {
                d.number("C_all_omega_zz_" + wzz + "_N" + ns[k], call[k]);
                int ai = indexOf(adrNs, ns[k]), gi = indexOf(gapNs, ns[k]);
                d.note("| %s | %d | %.4f | %.4f | %s | %s |", FigS2.fmt(wzz), ns[k], call[k], cdiag[k], gi < 0 ? "–" : String.format(java.util.Locale.ROOT, "%.4f", gap[gi]),
                        ai < 0 ? "–" : String.format(java.util.Locale.ROOT, "%.4f", adr[ai]));
            }
            after.add(String.format(java.util.Locale.ROOT, "ω_zz = %s: C_all ~ N^%.2f over this range, extrapolating (c0 + c1/N%s) to C_all(∞) ≈ %.2f; gap ~ N^%.2f.",
                    FigS2.fmt(wzz), pc[0], ns.length >= 4 ? " + c2/N²" : "", ext[0], pg[0]));
        }
        d.note("");
        for (String a : after) d.note(a).note("");
        d.note("The NESS cumulants stay of order one as N grows (extensive) while λ_ADR and the gap fall with N: gapless, as Eq. (11) requires.");
        return d;
    }

    static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        return -1;
    }
}
