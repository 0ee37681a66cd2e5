package cumulus.plugins;

import cumulus.api.DynamicsSolver;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.NumericalException;
import cumulus.api.Trajectory;
import cumulus.plugins.attractor.Contraction;
import cumulus.plugins.attractor.OrbitAnalysis;
import cumulus.plugins.attractor.ReturnMap;
import cumulus.plugins.attractor.StateSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classifies the late-time dynamics from an initial state (SPEC.md {@code classify}). One run to
 * {@code tEnd} is read by {@link OrbitAnalysis}: a fixed point (the distance to the late-time mean
 * decays as an exponential envelope, or has converged), a periodic orbit (the full state returns,
 * or clearly converges to a return), still converging, or no return and no decay. The last two are
 * never the answer at the first horizon: a second run to twice the horizon is read the same way,
 * and only if it also finds no return and no decay is the motion called {@code quasi-periodic} or
 * {@code irregular}; if it is still converging the answer is {@code undecided}, with the
 * {@code --t-end} that would decide.
 * A periodic orbit is a {@code limit-cycle} when it is
 * isolated and attracting, {@code closed-orbits} when it belongs to a family whose members depend
 * on the initial state (the conservative btc mean field for ω_x > κ): decided by the nontrivial
 * Floquet multipliers of the return map ({@link ReturnMap}) for spin mean fields, by the measured
 * contraction of a second run started 1e-3 off ({@link Contraction}) otherwise.
 */
public final class AttractorClassifier {

    public enum Attractor {
        FIXED_POINT("fixed-point"), CLOSED_ORBITS("closed-orbits"), LIMIT_CYCLE("limit-cycle"),
        QUASI_PERIODIC("quasi-periodic"), IRREGULAR("irregular"), UNDECIDED("undecided");
        public final String label;
        Attractor(String label) { this.label = label; }
    }

    /**
     * The number a verdict rests on: {@code decay-rate} (fixed point, per unit time),
     * {@code floquet-multiplier} (largest nontrivial modulus), {@code contraction-rate} (per unit
     * time), {@code frequency-drift} (relative), {@code recurrence-residual}; {@code tEnd} is the
     * horizon of the run that decided.
     */
    public record DecidedBy(String kind, double value, double tEnd) { }

    /**
     * The verdict; {@code period} is NaN unless periodic, {@code suggestedTEnd} NaN unless
     * undecided.
     */
    public record Result(Attractor attractor, double period, int multiplicity, String observable, List<Double> maxima,
                         String details, DecidedBy decidedBy, double suggestedTEnd) {
        public Result { maxima = List.copyOf(maxima); }
    }

    /** Multipliers within this of the unit circle are neutral (a family of orbits). */
    static final double NEUTRAL = 1e-3;
    /** The longer horizon is skipped when it would exceed this many samples. */
    static final long MAX_SAMPLES = 10_000_000L;

    private AttractorClassifier() { }

    public static Result classify(DynamicsSolver solver, Model model, Map<String, Double> params, InitialState init, double tEnd, double dt) {
        return classify(solver, model, params, init, tEnd, dt, true);
    }

    /** {@code useReturnMap = false} forces the measured contraction rate (tests compare the two). */
    static Result classify(DynamicsSolver solver, Model model, Map<String, Double> params, InitialState init, double tEnd, double dt, boolean useReturnMap) {
        if (!(tEnd > 20 * dt)) throw new ModelException("--t-end must cover at least 20 output steps for a classification");
        String obs = model.ensembles() > 0 ? "m1z" : model.quadratureNames(1)[0];
        String prefix = "";
        for (int pass = 0; ; pass++) {
            double horizon = pass == 0 ? tEnd : 2 * tEnd;
            boolean last = pass == 1;
            StateSeries s = run(solver, model, params, init, horizon, dt);
            OrbitAnalysis.Verdict v = OrbitAnalysis.of(s, s.component(obs));
            String details = prefix + v.details();
            switch (v.kind()) {
                case FIXED_POINT -> {
                    return new Result(Attractor.FIXED_POINT, Double.NaN, 0, obs, List.of(), details,
                            new DecidedBy(v.evidence().kind(), v.evidence().value(), horizon), Double.NaN);
                }
                case PERIODIC -> {
                    Result r = periodic(solver, model, params, init, dt, horizon, s, v, obs, details, useReturnMap);
                    if (r != null) return r;
                    details += "; but Newton's method finds no periodic orbit there (a slow spiral also nearly returns)";
                    if (last) return undecided(obs, details, v.evidence(), horizon, 4 * tEnd, false);
                }
                case QUASI_PERIODIC, IRREGULAR -> {
                    if (last) return new Result(v.kind() == OrbitAnalysis.Kind.QUASI_PERIODIC ? Attractor.QUASI_PERIODIC : Attractor.IRREGULAR,
                            Double.NaN, 0, obs, List.of(), details, new DecidedBy(v.evidence().kind(), v.evidence().value(), horizon), Double.NaN);
                }
                case CONVERGING -> {
                    // a --t-end X runs to X and then to 2X: the second run must reach the suggested length
                    double suggest = 50 * Math.ceil(Math.max(v.suggestedTEnd() / 2, 2 * tEnd) / 50);
                    // estimated from a measured rate or the turns needed, or just the next doubling
                    boolean estimated = v.evidence().kind().equals("turns") || v.suggestedTEnd() > 2 * horizon + 1e-9;
                    if (last) return undecided(obs, details, v.evidence(), horizon, suggest, estimated);
                }
            }
            if (2 * tEnd / dt > MAX_SAMPLES)
                return undecided(obs, details + "; a longer horizon is needed to decide, but 2·t-end/dt exceeds " + MAX_SAMPLES + " samples: raise --dt",
                        v.evidence(), tEnd, 2 * tEnd, false);
            prefix = String.format(Locale.ROOT, "t-end %s did not decide (%s), so the run was repeated to t = %s: ",
                    OrbitAnalysis.fmt(tEnd), details, OrbitAnalysis.fmt(2 * tEnd));
        }
    }

    private static Result undecided(String obs, String details, OrbitAnalysis.Evidence e, double horizon, double suggest, boolean estimated) {
        String next = "; --t-end " + OrbitAnalysis.fmt(suggest) + (estimated ? " would decide" : " is the next horizon to try (the motion is still changing)");
        return new Result(Attractor.UNDECIDED, Double.NaN, 0, obs, List.of(), details + next, new DecidedBy(e.kind(), e.value(), horizon), suggest);
    }

    /** Null when the orbit was only being approached and Newton's method finds no periodic orbit near it. */
    private static Result periodic(DynamicsSolver solver, Model model, Map<String, Double> params, InitialState init, double dt, double horizon,
                                   StateSeries s, OrbitAnalysis.Verdict v, String obs, String details, boolean useReturnMap) {
        int at = s.size() - 3;
        double[] x0 = s.state(at);
        double period = v.period();
        if (useReturnMap && ReturnMap.applies(model, s.names(), x0)) {
            ReturnMap.Orbit orbit = ReturnMap.close(solver, model, params, s.names(), x0, period);
            ReturnMap.Multipliers m = orbit.multipliers();
            boolean closed = orbit.closure() < 1e3 * ReturnMap.CLOSED;
            if (!closed && !Double.isNaN(v.contraction())) return null;
            if (closed) period = orbit.period();
            String why = String.format(Locale.ROOT, "%s; %s; nontrivial Floquet multipliers %s (largest |mu| = %.6f)", details,
                    closed ? String.format(Locale.ROOT, "orbit closed by %d Newton step(s) to %.1e, T = %.10g", orbit.steps(), orbit.closure(), orbit.period())
                            : String.format(Locale.ROOT, "Newton did not close the orbit (best %.1e): period from the recurrence", orbit.closure()),
                    m.describe(), m.largest());
            DecidedBy by = new DecidedBy("floquet-multiplier", m.largest(), horizon);
            if (m.largest() < 1 - NEUTRAL) return new Result(Attractor.LIMIT_CYCLE, period, v.multiplicity(), obs, v.maxima(), why, by, Double.NaN);
            if (m.largest() <= 1 + NEUTRAL) return new Result(Attractor.CLOSED_ORBITS, period, v.multiplicity(), obs, v.maxima(), why + ": a neutral direction, a family of orbits", by, Double.NaN);
            return new Result(Attractor.UNDECIDED, period, v.multiplicity(), obs, v.maxima(),
                    why + ": the orbit is unstable, a longer run will leave it; --t-end " + OrbitAnalysis.fmt(2 * horizon) + " is the next horizon to try", by, 2 * horizon);
        }
        StateSeries moved = run(solver, model, params, perturb(init), horizon, dt);
        Contraction.Measured c = Contraction.measure(s, moved, period);
        double rate = Double.isNaN(c.rate()) ? Math.log(1e-3 / (100 * c.floor())) / horizon : c.rate();
        String kind = Double.isNaN(c.rate()) ? "contraction-rate-at-least" : "contraction-rate";
        String why = String.format(Locale.ROOT, "%s; a start 1e-3 off ends %.1e from the orbit, contraction rate %.4g (multiplier %.4f per period)",
                details, c.distance(), rate, Math.exp(-rate * period));
        DecidedBy by = new DecidedBy(kind, rate, horizon);
        if (c.converged() || rate * period > NEUTRAL) return new Result(Attractor.LIMIT_CYCLE, period, v.multiplicity(), obs, v.maxima(), why, by, Double.NaN);
        if (Math.abs(rate * period) <= NEUTRAL) return new Result(Attractor.CLOSED_ORBITS, period, v.multiplicity(), obs, v.maxima(), why + ": a neighbouring orbit of a family", by, Double.NaN);
        return new Result(Attractor.UNDECIDED, period, v.multiplicity(), obs, v.maxima(), why + ": the perturbed start moves away from the orbit; --t-end " + OrbitAnalysis.fmt(2 * horizon) + " is the next horizon to try", by, 2 * horizon);
    }

    private static StateSeries run(DynamicsSolver solver, Model model, Map<String, Double> params, InitialState init, double tEnd, double dt) {
        Trajectory tr = solver.evolve(model, params, init, tEnd, dt);
        if (!tr.complete())
            throw new NumericalException("classify: the run to t = " + OrbitAnalysis.fmt(tEnd) + " failed: " + tr.failure());
        return StateSeries.of(tr);
    }

    /** The first ensemble's polar angle moved by 1e-3 (or the boson amplitude by 1e-3). */
    private static InitialState perturb(InitialState s) {
        List<InitialState.SpinState> spins = new ArrayList<>(s.spins());
        if (!spins.isEmpty()) {
            InitialState.SpinState f = spins.get(0);
            spins.set(0, new InitialState.SpinState(f.theta() + 1e-3, f.phi()));
            return new InitialState(spins, s.boson(), null, s.bosons());
        }
        return new InitialState(spins, s.boson(), null, s.bosons()).withBoson(s.boson().displaced(1e-3));
    }
}
