package cumulus.cli.reproduce;

import cumulus.api.Model;
import cumulus.api.PowerSpectrumResult;

import java.util.Arrays;
import java.util.Locale;

/**
 * Figure C1 (issue 17, not in the paper): the NESS power spectrum S(ω) = ∫ dτ e^{−iωτ} ⟨m_x(τ) m_x(0)⟩ (steady part
 * removed) of btc for several N, at ω_x/κ = 2 (time-crystal phase, gapless as N → ∞) and ω_x/κ = 0.5 (finite gap),
 * by quantum regression on the exact Dicke space, with the peaks' half widths beside −Re λ of the nearest eigenvalue.
 */
public final class FigC1 implements Figure {
    @Override public String name() { return "figC1"; }

    @Override public String caption() { return "btc: power spectrum of m_x in the NESS for several N, ω_x/κ = 2 (peaks narrow as 1/N) and 0.5 (finite width)"; }

    @Override public FigureData compute(Mode mode, Context ctx) {
        return compute(ctx, mode.pick(new int[]{8, 16, 32}, new int[]{8, 16, 32, 64}), mode.pick(81, 161));
    }

    FigureData compute(Context ctx, int[] ns, int points) {
        Model m = ctx.model("btc");
        FigureData d = new FigureData(name(), "btc power spectrum S(ω) of m_x (QuTiP convention, steady part removed), κ = 1").columns(2);
        double[] wx = {2.0, 0.5};
        // one step below 0 so that the peak at ω = 0 is an interior maximum (S(−ω) = S(ω) for A = B = m_x)
        double[] w = new double[points + 1];
        for (int i = 0; i <= points; i++) w[i] = 4.0 * (i - 1) / (points - 1);
        d.note("Model `btc`, κ = 1, S(ω) = ∫ dτ e^{−iωτ} <m_x(τ) m_x(0)> in the NESS with <m_x>² 2πδ(ω) removed (`cumulus psd btc --a m1x --b m1x --peaks`), "
                + "ω = 0..4 (%d points; S(−ω) = S(ω)), N = %s. Peaks refined on the exact S; half width at half maximum beside −Re λ of the eigenvalue with the nearest Im λ (of the 8 leading ones; '-' when none lies within the half width).", points, Arrays.toString(ns));
        d.note("");
        d.note("| ω_x/κ | N | peak ω | height | half width | λ (nearest) | −Re λ | half width · N |");
        d.note("|---|---|---|---|---|---|---|---|");
        for (int k = 0; k < wx.length; k++) {
            Panel p = d.panel(new Panel("ω_x/κ = " + wx[k] + (wx[k] > 1 ? " (time crystal)" : " (finite gap)"), "ω [κ]", "S(ω)").logY().legend("InsideNE").xRange(0, 4));
            for (int i = 0; i < ns.length; i++) {
                ctx.progress("figC1: omega_x = %s, N = %d", wx[k], ns[i]);
                PowerSpectrumResult s = ctx.cumulus().powerSpectrum(m, ctx.params(m, "N", ns[i], "omega_x", wx[k], "kappa", 1.0), "m1x", "m1x", w, "exact", 8);
                p.add(new Series("S, omega_x = " + wx[k] + ", N = " + ns[i], s.omega(), s.re(), Series.Style.LINE, Plots.color(i), true).legend("N = " + ns[i], true));
                for (PowerSpectrumResult.Peak pk : s.peaks()) {
                    String lam = pk.eigenvalue() == null ? "-" : String.format(Locale.ROOT, "%.5f%+.5fi", pk.eigenvalue().re(), pk.eigenvalue().im());
                    d.note("| %s | %d | %.5f | %.5g | %.5f | %s | %s | %.4f |", wx[k], ns[i], pk.omega(), pk.height(), pk.halfWidth(), lam,
                            pk.eigenvalue() == null ? "-" : String.format(Locale.ROOT, "%.5f", -pk.eigenvalue().re()), pk.halfWidth() * ns[i]);
                }
                if (!s.peaks().isEmpty())
                    d.number(String.format(Locale.ROOT, "half_width_omega_x_%g_N%d", wx[k], ns[i]), s.peaks().get(0).halfWidth());
                d.number(String.format(Locale.ROOT, "S0_omega_x_%g_N%d", wx[k], ns[i]), s.re()[1]);
            }
        }
        d.note("");
        d.note("At ω_x/κ = 2 the peaks (at ω = 0 and near the oscillation frequency) narrow as 1/N (half width · N about constant) and grow: the gapless modes of the time crystal. "
                + "At ω_x/κ = 0.5 S(ω) is one broad line whose width stays finite as N grows (finite gap).");
        return d;
    }
}
