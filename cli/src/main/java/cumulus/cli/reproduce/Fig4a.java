package cumulus.cli.reproduce;


import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Trajectory;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fig. 4a: stroboscopic dynamics x(nT) of the kerr-floquet model (Eqs. 15–16) for N = 60 from the
 * boson coherent state α = sqrt(15) (x = 1/sqrt 2): the exact one-period map U_F applied n times.
 * The sign of x alternates every period (period doubling) and the envelope decays slowly, at the
 * rate set by the tiny Floquet gap. QuTiP's numbers (refs) are overlaid when present.
 */
public final class Fig4a implements Figure {
    @Override public String name() { return "fig4a"; }

    @Override public String caption() { return "kerr-floquet stroboscopic position x(nT) for N = 60 from a coherent state: period doubling that barely decays"; }

    @Override public FigureData compute(Mode mode, Context ctx) { return compute(ctx, 60, 65, mode.pick(50, 100)); }

    /** The stroboscopic series: rows {n, t, <x>, <p>, K(x,x), top-Fock population}. */
    static double[][] stroboscopic(Context ctx, int n, int cutoff, int periods, double alpha) {
        Model m = ctx.model("kerr-floquet");
        Map<String, Double> p = ctx.params(m, "N", n, "cutoff", cutoff);
        Trajectory tr = ctx.cumulus().floquetSolver().stroboscopic(m, p, InitialState.parse("boson-coherent:" + alpha, m), periods);
        double[][] out = new double[tr.rows().size()][];
        for (int k = 0; k < out.length; k++) {
            double x = tr.value(k, "x");
            out[k] = new double[]{k, tr.value(k, "t"), x, tr.value(k, "p"), tr.value(k, "x_sq") - x * x, tr.value(k, "top_fock")};
        }
        return out;
    }

    FigureData compute(Context ctx, int n, int cutoff, int periods) {
        long t0 = System.nanoTime();
        double alpha = Math.sqrt(15);
        double[][] s = stroboscopic(ctx, n, cutoff, periods, alpha);
        ctx.progress("%d periods of U_F, N = %d, cutoff %d (%.1f s)", periods, n, cutoff, (System.nanoTime() - t0) * 1e-9);
        FigureData d = new FigureData(name(), String.format(java.util.Locale.ROOT, "kerr-floquet stroboscopic dynamics, N = %d, cutoff %d, from α = sqrt(15)", n, cutoff));
        Panel px = d.panel(new Panel("<x>(t_n), t_n = nT", "n (t = nT, T = (2 − ε)π/ω_b)", "<x>(nT)").legend("OutsideS"));
        Panel pk = d.panel(new Panel("K(x, x)(t_n)", "n", "K(x, x)(nT)").legend("OutsideS"));
        double[] nn = new double[s.length], xs = new double[s.length], kxx = new double[s.length];
        double maxTop = 0;
        for (int k = 0; k < s.length; k++) { nn[k] = s[k][0]; xs[k] = s[k][2]; kxx[k] = s[k][4]; maxTop = Math.max(maxTop, s[k][5]); }
        px.add(new Series("exact <x>(nT)", nn, xs, Series.Style.MARKERS, Plots.color(0), true));
        pk.add(new Series("exact K(x,x)(nT)", nn, kxx, Series.Style.LINE_MARKERS, Plots.color(0), true));
        double maxDiff = Double.NaN;
        Path ref = ctx.ref("kerr_floquet_stroboscopic_N60.csv");
        if (ref != null && n == 60 && cutoff == 65) {
            double[][] r = readRef(ref);
            double[] rn = new double[r.length], rx = new double[r.length], rk = new double[r.length];
            maxDiff = 0;
            for (int i = 0; i < r.length; i++) {
                rn[i] = r[i][0]; rx[i] = r[i][2]; rk[i] = r[i][4];
                int k = (int) Math.round(rn[i]);
                if (k < s.length) maxDiff = Math.max(maxDiff, Math.abs(s[k][2] - rx[i]));
            }
            px.add(new Series("QuTiP reference", rn, rx, Series.Style.CROSSES, Color.BLACK, true));
            pk.add(new Series("QuTiP reference K(x,x)", rn, rk, Series.Style.CROSSES, Color.BLACK, true));
            d.number("max_abs_diff_x_vs_qutip", maxDiff);
        }
        int last = s.length - 1;
        d.number("x_0", xs[0]);
        d.number("x_1", xs[1]);
        d.number("x_last", xs[last]);
        d.number("periods", periods);
        d.number("max_top_fock_population", maxTop);
        d.note("Model `kerr-floquet` (ω_b = 1, κ_b = 0.1, ε = 0.1, T = (2 − ε)π = %.4f), N = %d, Fock cutoff %d, initial boson coherent state α = sqrt(15) (x(0) = %.4f). "
                + "The one-period map U_F = exp(T_off L_off) exp(T_on L_on) is applied %d times.", s[1][1], n, cutoff, xs[0], periods);
        d.note("x(nT) alternates in sign every period (period doubling, x(T) = %.4f, x(2T) = %.4f) and after %d periods still has |x| = %.4f. Largest top-Fock population along the way: %.1e.",
                xs[1], xs[2], periods, Math.abs(xs[last]), maxTop);
        if (!Double.isNaN(maxDiff)) d.note("Against QuTiP (refs/kerr_floquet_stroboscopic_N60.csv): max |Δx| = %.1e over the reference's periods.", maxDiff);
        return d;
    }

    static double[][] readRef(Path p) {
        try {
            List<double[]> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] c = line.split(",");
                double[] r = new double[c.length];
                for (int i = 0; i < c.length; i++) r[i] = Double.parseDouble(c[i]);
                rows.add(r);
            }
            return rows.toArray(new double[0][]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
