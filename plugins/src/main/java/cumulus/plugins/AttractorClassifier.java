package cumulus.plugins;

import cumulus.api.DynamicsSolver;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Classifies the late-time dynamics of a trajectory (SPEC.md {@code classify}): a fixed point (no
 * motion left), a limit cycle (a periodic orbit that attracts nearby initial states), closed
 * orbits (periodic motion whose orbit moves with the initial state, as in the conservative btc
 * mean field) or irregular (no period found). The period comes from a Poincaré section — upward
 * crossings of m1z (or of the first observable) through its late-time mean, refined by linear
 * interpolation — as the smallest number of crossings after which the whole state returns;
 * the multiplicity is the number of distinct maxima of that observable per period (2 = period
 * doubling). Attraction is tested by a second run from a slightly rotated initial state (0.05 rad): a limit cycle forgets it, closed orbits keep it.
 */
public final class AttractorClassifier {

    public enum Attractor {
        FIXED_POINT("fixed-point"), CLOSED_ORBITS("closed-orbits"), LIMIT_CYCLE("limit-cycle"), IRREGULAR("irregular");
        public final String label;
        Attractor(String label) { this.label = label; }
    }

    /** The verdict; {@code period} is NaN for a fixed point or irregular motion. */
    public record Result(Attractor attractor, double period, int multiplicity, String observable, List<Double> maxima, String details) { }

    private AttractorClassifier() { }

    public static Result classify(DynamicsSolver solver, Model model, Map<String, Double> params, InitialState init, double tEnd, double dt) {
        if (!(tEnd > 20 * dt)) throw new ModelException("--t-end must cover at least 20 output steps for a classification");
        Trajectory a = solver.evolve(model, params, init, tEnd, dt);
        Analysis first = analyse(a, model);
        if (first.attractor() == Attractor.FIXED_POINT || first.attractor() == Attractor.IRREGULAR)
            return first.result();
        // perturb the first ensemble's polar angle by 0.05 (or the boson amplitude by 2%) and compare the late-time orbit
        InitialState moved = perturb(init);
        Analysis second = analyse(solver.evolve(model, params, moved, tEnd, dt), model);
        double spread = first.amplitude() > 0 ? Math.abs(second.amplitude() - first.amplitude()) / first.amplitude() : 0;
        boolean attracting = second.attractor() != Attractor.IRREGULAR && spread < 1e-5
                && Math.abs(second.period() - first.period()) < 1e-3 * first.period();
        Attractor kind = attracting ? Attractor.LIMIT_CYCLE : Attractor.CLOSED_ORBITS;
        Result r = first.result();
        return new Result(kind, r.period(), r.multiplicity(), r.observable(), r.maxima(),
                r.details() + String.format("; perturbed start changes the orbit amplitude by %.2e (relative)", spread));
    }

    private record Analysis(Attractor attractor, double period, double amplitude, Result result) { }

    private static InitialState perturb(InitialState s) {
        List<InitialState.SpinState> spins = new ArrayList<>(s.spins());
        if (!spins.isEmpty()) {
            InitialState.SpinState f = spins.get(0);
            spins.set(0, new InitialState.SpinState(f.theta() + 0.05, f.phi()));
            return new InitialState(spins, s.boson());
        }
        return new InitialState(spins, new InitialState.BosonState(s.boson().alpha() * 1.02 + 0.02));
    }

    static Analysis analyse(Trajectory tr, Model model) {
        String obs = model.ensembles() > 0 ? "m1z" : "x";
        int col = tr.column(obs);
        int nObs = model.observables().size();
        List<double[]> rows = tr.rows();
        int start = rows.size() / 2; // discard the first half as transient
        double[] t = new double[rows.size() - start], z = new double[t.length];
        double[][] state = new double[t.length][nObs];
        for (int i = 0; i < t.length; i++) {
            double[] r = rows.get(start + i);
            t[i] = r[0];
            z[i] = r[col];
            for (int k = 0; k < nObs; k++) state[i][k] = r[1 + k];
        }
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE, mean = 0;
        double motion = 0;
        for (int k = 0; k < nObs; k++) {
            double mn = Double.MAX_VALUE, mx = -Double.MAX_VALUE;
            for (double[] s : state) { mn = Math.min(mn, s[k]); mx = Math.max(mx, s[k]); }
            motion = Math.max(motion, mx - mn);
        }
        for (double v : z) { lo = Math.min(lo, v); hi = Math.max(hi, v); mean += v; }
        mean /= z.length;
        if (motion < 1e-6) {
            Result r = new Result(Attractor.FIXED_POINT, Double.NaN, 0, obs, List.of(), String.format("late-time motion %.1e", motion));
            return new Analysis(Attractor.FIXED_POINT, Double.NaN, 0, r);
        }
        // Poincaré section: upward crossings of z through its mean
        List<Double> times = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (int i = 1; i < z.length; i++) {
            if (z[i - 1] < mean && z[i] >= mean) {
                double f = (mean - z[i - 1]) / (z[i] - z[i - 1]);
                times.add(t[i - 1] + f * (t[i] - t[i - 1]));
                double[] p = new double[nObs];
                for (int k = 0; k < nObs; k++) p[k] = state[i - 1][k] + f * (state[i][k] - state[i - 1][k]);
                points.add(p);
            }
        }
        double scale = hi - lo;
        int returnAfter = -1;
        for (int k = 1; k <= 8 && returnAfter < 0 && points.size() > 2 * k + 1; k++) {
            boolean all = true;
            for (int i = 0; i + k < points.size() && all; i++) all = distance(points.get(i), points.get(i + k)) < 2e-3 * Math.max(scale, 1e-9);
            if (all) returnAfter = k;
        }
        if (returnAfter < 0) {
            Result r = new Result(Attractor.IRREGULAR, Double.NaN, 0, obs, List.of(),
                    times.size() + " section crossings, no return within 8 crossings");
            return new Analysis(Attractor.IRREGULAR, Double.NaN, scale, r);
        }
        int cycles = (points.size() - 1) / returnAfter;
        double period = (times.get(cycles * returnAfter) - times.get(0)) / cycles;
        // distinct maxima of z within one period
        List<Double> maxima = new ArrayList<>();
        double tFirst = times.get(0), tLast = tFirst + period;
        for (int i = 1; i + 1 < z.length; i++) {
            if (t[i] < tFirst || t[i] >= tLast) continue;
            if (z[i] > z[i - 1] && z[i] >= z[i + 1]) {
                // parabolic refinement of the peak value
                double d = z[i - 1] - 2 * z[i] + z[i + 1];
                double peak = d == 0 ? z[i] : z[i] - 0.125 * (z[i + 1] - z[i - 1]) * (z[i + 1] - z[i - 1]) / d;
                boolean seen = false;
                for (double m : maxima) seen |= Math.abs(m - peak) < 1e-3 * Math.max(scale, 1e-9);
                if (!seen) maxima.add(peak);
            }
        }
        Result r = new Result(Attractor.LIMIT_CYCLE, period, maxima.size(), obs, maxima,
                String.format("state returns after %d section crossing(s); %d periods analysed", returnAfter, cycles));
        return new Analysis(Attractor.LIMIT_CYCLE, period, scale, r);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s = Math.max(s, Math.abs(a[i] - b[i]));
        return s;
    }
}
