package cumulus.cli.reproduce;

import cumulus.api.Model;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.api.Trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The asymptotic decay rate λ_ADR of Eq. (S11) for the btc-pair at size N: exact dynamics of
 * C_all(t) from coherent:0.10017,0;coherent:0.10017,1.5708, then a least-squares line through
 * log|C_all(t) − C_all(∞)| over the late window [t_end/2, t_end] (points above the noise floor),
 * compared with −Re λ_1 from the spectrum. t_end adapts to the gap: 12/(−Re λ_1) rounded up to a multiple of 20, within 20..80.
 */
record PairDecay(int n, double omegaZz, double[] t, double[] cAll, double cAllNess, double cDiagNess,
                 double rate, double rateError, double fitIntercept, double windowStart, double windowEnd,
                 double gap, double gapIm) {

    static final String INITIAL = PairMeanField.INITIAL;

    static PairDecay of(Context ctx, int n, double omegaZz) {
        return ctx.memo("pairdecay:" + n + ":" + omegaZz, () -> compute(ctx, n, omegaZz));
    }

    static PairDecay compute(Context ctx, int n, double omegaZz) {
        Model m = ctx.model("btc-pair");
        Map<String, Double> p = ctx.params(m, "N", n, "omega_zz", omegaZz);
        SpectrumResult s = Runs.spectrum(ctx, m, p);
        SteadyStateResult ness = Runs.steady(ctx, m, p);
        double gap = s.spectralGap();
        double tEnd = Math.max(20, Math.min(80, 20 * Math.ceil(12 / gap / 20))); // a multiple of 20 (round axis ticks)
        double dt = tEnd / 400;
        Trajectory tr = Runs.evolve(ctx, "exact", m, p, INITIAL, tEnd, dt);
        double[] t = Runs.column(tr, "t"), c = Runs.column(tr, "C_all");
        double floor = 1e-11 * Math.max(1, Math.abs(ness.cAll()));
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            double dv = Math.abs(c[i] - ness.cAll());
            if (t[i] >= tEnd / 2 && dv > floor) { xs.add(t[i]); ys.add(Math.log(dv)); }
        }
        Fits.Line l = Fits.line(Fits.toArray(xs), Fits.toArray(ys));
        return new PairDecay(n, omegaZz, t, c, ness.cAll(), ness.cDiag(), -l.slope(), l.slopeError(), l.intercept(),
                tEnd / 2, tEnd, gap, s.lambda1().im());
    }

    /** |C_all(t) − C_all(∞)|. */
    double[] distance() {
        double[] o = new double[t.length];
        for (int i = 0; i < t.length; i++) o[i] = Math.abs(cAll[i] - cAllNess);
        return o;
    }
}
