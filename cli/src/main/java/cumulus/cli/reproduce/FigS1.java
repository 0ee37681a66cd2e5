package cumulus.cli.reproduce;

import java.awt.Color;
import java.util.Locale;

/**
 * Fig. S1: C_all(t) of the btc-pair approaching its NESS value, on a log scale: the late-time
 * exponential decay |C_all(t) − C_all(∞)| ~ e^{−λ_ADR t} (Eq. S11) with the fitted rate, its
 * standard error, and −Re λ_1 from the spectrum for comparison.
 */
public final class FigS1 implements Figure {
    static final double OMEGA_ZZ = 0.35;

    @Override public String name() { return "figS1"; }

    @Override public String caption() { return "btc-pair C_all(t) approaching the NESS: exponential fit of the late-time decay gives λ_ADR (Eq. S11)"; }

    @Override public FigureData compute(Mode mode, Context ctx) {
        return compute(ctx, mode.pick(new int[]{2, 4}, new int[]{2, 4, 6}));
    }

    FigureData compute(Context ctx, int[] ns) {
        FigureData d = new FigureData(name(), "btc-pair (ω_zz = 0.35): C_all(t) → NESS and the asymptotic decay rate λ_ADR");
        Panel lin = d.panel(new Panel("C_all(t) (dashed: NESS value)", "t [1/κ]", "C_all = Σ_{j≤l} Σ_{a,b} K(m_j^a, m_l^b)").legend("InsideNE"));
        Panel log = d.panel(new Panel("|C_all(t) − C_all(∞)| and fits over the late window", "t [1/κ]", "|C_all(t) − C_all(∞)|").logY().legend("InsideNE"));
        d.note("Model `btc-pair` (SPEC defaults, ω_zz = %s), exact dynamics from `%s`. λ_ADR is minus the slope of a least-squares line through "
                + "log|C_all(t) − C_all(∞)| over the late window [t_end/2, t_end]; the error is the slope's standard error.", FigS2.fmt(OMEGA_ZZ), PairDecay.INITIAL);
        d.note("");
        d.note("| N | C_all(∞) | window [1/κ] | λ_ADR [κ] | error [κ] | −Re λ_1 [κ] | Im λ_1 [κ] | λ_ADR / (−Re λ_1) |");
        d.note("|---|---|---|---|---|---|---|---|");
        for (int k = 0; k < ns.length; k++) {
            PairDecay pd = PairDecay.of(ctx, ns[k], OMEGA_ZZ);
            Color col = Plots.color(k);
            lin.add(new Series("C_all N = " + ns[k], pd.t(), pd.cAll(), Series.Style.LINE, col, true).legend("N = " + ns[k], true));
            lin.add(new Series("NESS N = " + ns[k], new double[]{0, pd.windowEnd()}, new double[]{pd.cAllNess(), pd.cAllNess()}, Series.Style.DASHED, col, false));
            log.add(new Series("|C_all - NESS| N = " + ns[k], pd.t(), pd.distance(), Series.Style.LINE, col, true).legend("N = " + ns[k], true));
            double a = pd.windowStart(), b = pd.windowEnd();
            log.add(new Series("fit N = " + ns[k], new double[]{a, b},
                    new double[]{Math.exp(pd.fitIntercept() - pd.rate() * a), Math.exp(pd.fitIntercept() - pd.rate() * b)}, Series.Style.DASHED, Color.BLACK, k == 0)
                    .legend("fits e^{-λ_ADR t}", k == 0));
            d.number("lambda_ADR_N" + ns[k], pd.rate());
            d.number("lambda_ADR_error_N" + ns[k], pd.rateError());
            d.number("minus_re_lambda1_N" + ns[k], pd.gap());
            d.note("| %d | %.4f | %.1f..%.1f | %.5f | %.1e | %.5f | %.4f | %.4f |", ns[k], pd.cAllNess(), a, b, pd.rate(), pd.rateError(), pd.gap(), pd.gapIm(), pd.rate() / pd.gap());
        }
        d.note("");
        d.note("λ_ADR agrees with the spectral gap −Re λ_1 when the slowest mode is excited, and it falls with N (gapless), as in the paper.");
        return d;
    }

    static String f(double v) { return String.format(Locale.ROOT, "%.4g", v); }
}
