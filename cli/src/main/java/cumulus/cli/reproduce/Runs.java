package cumulus.cli.reproduce;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.api.Trajectory;

import java.util.Map;

/** Small wrappers over the toolkit's solvers, with progress lines. */
final class Runs {
    private Runs() { }

    static Trajectory evolve(Context ctx, String method, Model m, Map<String, Double> p, String initial, double tEnd, double dt) {
        long t0 = System.nanoTime();
        Trajectory tr = ctx.cumulus().dynamics(method).evolve(m, p, InitialState.parse(initial, m), tEnd, dt);
        ctx.progress("%s %s N=%s from %s to t=%g (%.1f s)", method, m.name(), fmtN(p), initial, tEnd, (System.nanoTime() - t0) * 1e-9);
        return tr;
    }

    /** Memo key of a model at these parameters. */
    static String key(String what, Model m, Map<String, Double> p) { return what + ":" + m.name() + ":" + new java.util.TreeMap<>(p); }

    static SteadyStateResult steady(Context ctx, Model m, Map<String, Double> p) {
        return ctx.memo(key("steady", m, p), () -> steadyNow(ctx, m, p));
    }

    /** The spectrum's three leading eigenvalues (λ_0, λ_1, λ_2), memoized per run: several figures share them. */
    static SpectrumResult spectrum(Context ctx, Model m, Map<String, Double> p) {
        return ctx.memo(key("spectrum", m, p), () -> spectrumNow(ctx, m, p, 3));
    }

    private static SteadyStateResult steadyNow(Context ctx, Model m, Map<String, Double> p) {
        SteadyStateResult r = ctx.cumulus().steadyStateSolver().steadyState(m, p);
        if (r.seconds() > 1) ctx.progress("steady state %s N=%s (%.1f s)", m.name(), fmtN(p), r.seconds());
        return r;
    }

    private static SpectrumResult spectrumNow(Context ctx, Model m, Map<String, Double> p, int count) {
        SpectrumResult r = ctx.cumulus().spectrumSolver().spectrum(m, p, count);
        if (r.seconds() > 1) ctx.progress("spectrum %s N=%s (%.1f s, %s)", m.name(), fmtN(p), r.seconds(), r.method());
        return r;
    }

    static String fmtN(Map<String, Double> p) {
        Double n = p.get("N");
        return n == null ? "-" : Long.toString(Math.round(n));
    }

    static double[] column(Trajectory tr, String name) {
        int c = tr.column(name);
        double[] o = new double[tr.rows().size()];
        for (int i = 0; i < o.length; i++) o[i] = tr.rows().get(i)[c];
        return o;
    }

    static double[] nValues(int... ns) {
        double[] o = new double[ns.length];
        for (int i = 0; i < ns.length; i++) o[i] = ns[i];
        return o;
    }
}
