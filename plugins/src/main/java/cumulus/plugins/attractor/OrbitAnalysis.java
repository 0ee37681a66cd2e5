package cumulus.plugins.attractor;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one trajectory says about its late-time motion, from the second half of the run (the first
 * half is transient), in this order:
 * <ol>
 *   <li>converged: over the last quarter of the run the distance to the late-time mean is below
 *       the integration floor (1e-8) — a fixed point, with the decay rate of the envelope's last
 *       stretch above the floor;</li>
 *   <li>the full state returns after a lag T ({@link Recurrence}) — periodic, T refined;</li>
 *   <li>the envelope of the distance to the late-time mean falls as one exponential over the
 *       window, or by e or more over its second half after a transient ({@link Envelope}) — a
 *       fixed point, however slow the spiral (its rate is reported); for a slow node, whose
 *       late-time mean lags behind the fixed point, the envelope of the speed |dx/dt| instead;</li>
 *   <li>the recurrence residual falls as one exponential — periodic, still being approached at
 *       the reported contraction rate;</li>
 *   <li>something is still falling, but not cleanly — converging, undecided at this horizon, with
 *       the horizon that would decide;</li>
 *   <li>otherwise no return and no decay. If the window holds fewer than 50 turns of the
 *       observable's strongest line, or the rms distance to the mean changes by more than 15%
 *       between its halves (a transient), that is still undecided; else quasi-periodic when the
 *       strongest line stays put between the halves of the window ({@link Frequencies}),
 *       irregular when it wanders.</li>
 * </ol>
 * The multiplicity is the number of distinct maxima of the observable (m1z) over one period
 * (values within 1e-3 of its range count once; 2 = period doubling).
 */
public final class OrbitAnalysis {
    private OrbitAnalysis() { }

    public enum Kind { FIXED_POINT, PERIODIC, CONVERGING, QUASI_PERIODIC, IRREGULAR }

    /** The measured number a verdict rests on: {@code decay-rate}, {@code recurrence-residual}, {@code contraction-rate}, {@code frequency-drift}. */
    public record Evidence(String kind, double value) { }

    /**
     * A verdict: {@code period} NaN unless periodic; {@code suggestedTEnd} (NaN unless converging)
     * is a run length whose analysis would decide;
     * {@code contraction} the recurrence residual's decay rate when the orbit is still being
     * approached (NaN otherwise).
     */
    public record Verdict(Kind kind, double period, int multiplicity, List<Double> maxima, Evidence evidence,
                          double contraction, double suggestedTEnd, String details) {
        public Verdict { maxima = List.copyOf(maxima); }
    }

    /** The integration floor: distances below it are rounding and step-control noise. */
    static double floor(double[] centre) {
        double m = 1;
        for (double c : centre) m = Math.max(m, Math.abs(c));
        return 1e-8 * m;
    }

    public static Verdict of(StateSeries s, int observable) {
        int n = s.size(), from = n / 2;
        double[] centre = Envelope.lateMean(s, from + (n - from) / 2, n);
        double[] d = Envelope.distances(s, centre);
        double floor = floor(centre), late = 0;
        for (int i = from + (n - from) / 2; i < n; i++) late = Math.max(late, d[i]);
        double end = s.end();
        if (late < floor) {
            double rate = Envelope.convergedRate(s, centre, d, floor);
            if (Double.isNaN(rate)) {
                // too fast to fit: the rate that brings the initial distance below the floor by the time it got there
                int c = from + (n - from) / 2;
                while (c > 1 && d[c - 1] < floor) c--;
                double bound = Math.log(Math.max(d[0], 10 * floor) / floor) / Math.max(s.time(c), s.dt());
                return new Verdict(Kind.FIXED_POINT, Double.NaN, 0, List.of(), new Evidence("decay-rate-at-least", bound), Double.NaN, Double.NaN,
                        String.format(Locale.ROOT, "converged: distance to the late-time mean below %.1e from t = %s on, too fast to fit an envelope", floor, fmt(s.time(c))));
            }
            return fixed(rate, String.format(Locale.ROOT, "converged: distance to the late-time mean below %.1e at late times; its envelope decayed as exp(-%.6g t)", floor, rate));
        }
        Recurrence.Return ret = Recurrence.search(s, from);
        if (ret != null && ret.returned())
            return periodic(s, observable, ret, new Evidence("recurrence-residual", ret.residual()), Double.NaN,
                    String.format(Locale.ROOT, "full state returns after T = %.8g to %.1e of the orbit size", ret.period(), ret.residual()));
// the envelope down to the floor: below it the late-time mean's own error is all that is left
        int cut = n;
        while (cut > from + 96 && d[cut - 1] <= floor) cut--;
        List<double[]> env = Envelope.points(s, d, from, cut, Envelope.blocks(s, d, from, cut), Envelope.distanceTo(s, centre));
        Envelope.Decay dec = Envelope.fit(env, floor);
        Verdict spiral = decay(s, env, dec, floor, "the distance to the late-time mean");
        if (spiral != null) return spiral;
        // a slow node (no oscillation): the late-time mean lags behind the fixed point, the speed does not
        double[] v = Envelope.speeds(s);
        int vcut = n;
        while (vcut > from + 96 && v[vcut - 1] <= floor) vcut--;
        List<double[]> venv = Envelope.points(s, v, from, vcut, Envelope.blocks(s, v, from, vcut), null);
        Verdict node = decay(s, venv, Envelope.fit(venv, floor), floor, "the speed |dx/dt|");
        if (node != null) return node;
        if (ret != null && ret.converging())
            return periodic(s, observable, ret, new Evidence("contraction-rate", ret.rate()), ret.rate(), String.format(Locale.ROOT,
                    "full state approaches a return after T = %.8g: residual %.1e of the orbit size, falling as exp(-%.4g t)",
                    ret.period(), ret.residual(), ret.rate()));
        boolean cycleFalling = ret != null && ret.rate() > 0 && ret.rateLate() > 0 && ret.rate() * (end - s.time(from)) >= 1;
        if (dec.falling() || cycleFalling) {
            double suggest = 2 * end;
            if (cycleFalling) suggest = Math.max(suggest, end + Math.log(ret.residual() / (0.1 * Recurrence.RETURNED)) / ret.rateLate());
            String what = cycleFalling
                    ? String.format(Locale.ROOT, "the state nearly returns after T = %.6g (residual %.1e) but the residual does not yet fall as one exponential", ret.period(), ret.residual())
                    : String.format(Locale.ROOT, "the distance to the late-time mean falls (rates %.4g, %.4g in the two halves of t = %s..%s) but not yet as one exponential",
                    dec.earlyRate(), dec.lateRate(), fmt(s.time(from)), fmt(end));
            return new Verdict(Kind.CONVERGING, Double.NaN, 0, List.of(),
                    cycleFalling ? new Evidence("recurrence-residual", ret.residual()) : new Evidence("decay-rate", dec.lateRate()),
                    Double.NaN, suggest, what);
        }
        Frequencies.Drift fr = Frequencies.drift(s, observable, from);
        double span = end - s.time(from), turns = span * fr.frequency() / (2 * Math.PI);
        // a transient can look irregular for a long time: ask for many turns and a stationary motion first
        if (turns < MIN_TURNS)
            return new Verdict(Kind.CONVERGING, Double.NaN, 0, List.of(), new Evidence("turns", turns), Double.NaN,
                    2.2 * MIN_TURNS * 2 * Math.PI / fr.frequency(), String.format(Locale.ROOT,
                    "no return and no decay, but t = %s..%s holds only %.1f turns of the strongest line (omega = %.6g): too few to call the motion quasi-periodic or irregular",
                    fmt(s.time(from)), fmt(end), turns, fr.frequency()));
        int mid = (from + n) / 2;
        double rms1 = rms(d, from, mid), rms2 = rms(d, mid, n);
        if (Math.abs(rms2 / rms1 - 1) > STATIONARY)
            return new Verdict(Kind.CONVERGING, Double.NaN, 0, List.of(), new Evidence("rms-change", rms2 / rms1 - 1), Double.NaN, 2 * end,
                    String.format(Locale.ROOT, "no return and no decay, but the motion is not stationary: the rms distance to the late-time mean changes from %.4g to %.4g between the halves of t = %s..%s",
                            rms1, rms2, fmt(s.time(from)), fmt(end)));
        boolean regular = fr.relative() < Frequencies.QUASI_PERIODIC;
        String near = ret == null ? "no return of the full state within lag " + fmt((end - s.time(from)) / 2)
                : String.format(Locale.ROOT, "no return of the full state within lag %s (closest: %.1e at %.6g)", fmt((end - s.time(from)) / 2), ret.residual(), ret.period());
        return new Verdict(regular ? Kind.QUASI_PERIODIC : Kind.IRREGULAR, Double.NaN, 0, List.of(), new Evidence("frequency-drift", fr.relative()),
                Double.NaN, Double.NaN, String.format(Locale.ROOT, "%s; strongest line of %s at omega = %.8g drifts by %.1e (relative) between the halves of t = %s..%s",
                near, s.names().get(observable), fr.frequency(), fr.relative(), fmt(s.time(from)), fmt(end)));
    }

    /** Turns of the strongest line the window must hold before the motion is called quasi-periodic or irregular. */
    static final double MIN_TURNS = 50;
    /** Largest relative change of the rms distance to the mean between the window's halves of a stationary motion. */
    static final double STATIONARY = 0.15;

    private static double rms(double[] d, int from, int to) {
        double q = 0;
        for (int i = from; i < to; i++) q += d[i] * d[i];
        return Math.sqrt(q / (to - from));
    }

    /**
     * A fixed point if the envelope falls as one exponential over the window, or by e or more over
     * its second half (a transient that ends inside the window); null otherwise.
     */
    private static Verdict decay(StateSeries s, List<double[]> env, Envelope.Decay dec, double floor, String what) {
        Envelope.Decay tail = Envelope.fit(env.subList(env.size() / 2, env.size()), floor);
        boolean whole = dec.exponential();
        if (!whole && !(tail.exponential() && tail.fall() >= 1)) return null;
        Envelope.Decay e = whole ? dec : tail;
        double t1 = whole ? env.get(0)[0] : env.get(env.size() / 2)[0];
        return fixed(e.rate(), String.format(Locale.ROOT, "slow spiral: %s falls as exp(-%.6g t) over t = %s..%s (halves %.6g, %.6g; by a factor %.3g)",
                what, e.rate(), fmt(t1), fmt(env.get(env.size() - 1)[0]), e.earlyRate(), e.lateRate(), Math.exp(e.fall())));
    }

    private static Verdict fixed(double rate, String details) {
        return new Verdict(Kind.FIXED_POINT, Double.NaN, 0, List.of(), new Evidence("decay-rate", rate), Double.NaN, Double.NaN, details);
    }

    private static Verdict periodic(StateSeries s, int observable, Recurrence.Return r, Evidence e, double contraction, String details) {
        List<Double> maxima = maxima(s, observable, r.period());
        return new Verdict(Kind.PERIODIC, r.period(), maxima.size(), maxima, e, contraction, Double.NaN, details);
    }

    /** Distinct maxima of component k over the last period (parabolic-free: Brent on the interpolant). */
    static List<Double> maxima(StateSeries s, int k, double period) {
        int last = s.size() - 2, first = Math.max(1, (int) Math.floor(last - period / s.dt()) - 1);
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int i = first; i <= last + 1; i++) { lo = Math.min(lo, s.value(i, k)); hi = Math.max(hi, s.value(i, k)); }
        double tol = 1e-3 * Math.max(hi - lo, 1e-300);
        List<Double> out = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            double a = s.value(i - 1, k), b = s.value(i, k), c = s.value(i + 1, k);
            if (!(b > a && b >= c)) continue;
            double peak = Brent.max(t -> s.at(t, k), s.time(i - 1), s.time(i + 1), s.time(i)).getValue();
            boolean seen = false;
            for (double m : out) seen |= Math.abs(m - peak) < tol;
            if (!seen) out.add(peak);
        }
        out.sort(null);
        return out;
    }

    /** A horizon or time as the messages print it: integers plainly, others to 4 digits. */
    public static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
