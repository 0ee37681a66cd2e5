package cumulus.solvers.ode;

import cumulus.api.ModelException;
import cumulus.api.Schedule;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The one time integrator of Cumulus, for every engine (exact Dicke ⊗ Fock, permutation-invariant,
 * cumulant hierarchies): dy/dt = f_k(t, y) over the spans of a schedule ({@link Schedule#spans}),
 * integrated by Dormand–Prince 8(5,3) with step-size control (Hairer, Nørsett &amp; Wanner, Solving
 * ODEs I, §II.10; commons-math3), restarted at every span boundary because the generator jumps
 * there, and sampled on the grid t_j = j·dt by the integrator's 7th-order dense output.
 *
 * <p>Guards, so that no run hangs or returns garbage silently (each ends the run early, keeps the
 * samples taken so far and says why in {@link Outcome#failure()}):
 * <ul>
 *   <li>divergence: a non-finite state, or max|y| above {@link Budget#blowUp()};</li>
 *   <li>stiffness: the step size falls below the minimum step (1e-13 of the horizon);</li>
 *   <li>work: more than {@link Budget#maxSteps()} steps, or, checked every 1000 steps, a horizon
 *       that at the current mean step size would need more than 10× that many — a stiff or
 *       absurdly long run is stopped in a second instead of at the end of its budget.</li>
 * </ul>
 */
public final class Evolution {
    private Evolution() { }

    /** Error control of each step: |err_i| ≤ absolute + relative·|y_i|. */
    public record Tolerances(double relative, double absolute) {
        /** What every engine uses unless asked otherwise: observables are good to ~1e-9. */
        public static final Tolerances DEFAULT = new Tolerances(1e-10, 1e-12);
        /** For small systems whose invariants (|m| = 1 of the mean field) are checked to 1e-10. */
        public static final Tolerances TIGHT = new Tolerances(1e-12, 1e-14);

        public Tolerances {
            if (!(relative > 0) || !(absolute > 0)) throw new ModelException("tolerances must be positive, got rtol = " + relative + ", atol = " + absolute);
        }
    }

    /**
     * How much work a run may do: {@code maxSteps} integrator steps, and states bounded by
     * {@code blowUp} in every component.
     */
    public record Budget(long maxSteps, double blowUp) {
        /** Density-matrix coordinates are bounded by 1 in a physical evolution; 10 leaves room for non-Lindblad (non-PSD Γ) models. */
        public static Budget densityMatrix(long cost) { return new Budget(stepsFor(cost), 10); }

        /** Moments and cumulants of macroscopic observables are O(1); 1e10 means the solution ran away. */
        public static Budget moments(long cost) { return new Budget(stepsFor(cost), 1e10); }

        /**
         * About 3·10^11 floating-point operations (a few minutes here) for a right-hand side of
         * {@code cost} operations, 12 evaluations a step; at least 10^5 and at most 10^7 steps.
         */
        static long stepsFor(long cost) { return Math.max(100_000L, Math.min(10_000_000L, 300_000_000_000L / (12 * Math.max(1, cost)))); }
    }

    /** The right-hand side during one schedule segment. */
    public interface Field { void derivative(double t, double[] y, double[] dy); }

    /** Receives each grid sample (the array is a copy the sampler may keep). */
    public interface Sampler { void sample(double t, double[] y); }

    /** How a run ended: the last time reached, and null or the reason it stopped early. */
    /** {@code rejected}: trial steps rejected by the error control, −1 where the integrator does not count them. */
    public record Outcome(double reached, long steps, long rejected, String failure) {
        public Outcome(double reached, long steps, String failure) { this(reached, steps, -1, failure); }
        public boolean complete() { return failure == null; }
    }

    /**
     * Integrates {@code y0} over {@code spans} (contiguous, from 0), calling {@code out} at t = j·dt
     * for j = 0 .. floor(tEnd/dt), tEnd the end of the last span.
     */
    public static Outcome run(List<Schedule.Span> spans, IntFunction<Field> fieldOfSegment, double[] y0, double dt,
                              Tolerances tol, Budget budget, Sampler out) {
        if (spans.isEmpty()) throw new ModelException("nothing to integrate: t-end must be positive");
        double tEnd = spans.get(spans.size() - 1).end();
        if (!(dt > 0) || !(tEnd > 0) || !Double.isFinite(tEnd)) throw new ModelException("need dt > 0 and a finite t-end > 0, got dt = " + dt + ", t-end = " + tEnd);
        long samples = (long) Math.floor(tEnd / dt + 1e-9);
        double[] y = y0.clone();
        String bad = check(y, budget.blowUp);
        if (bad != null) return new Outcome(0, 0, "the initial state is not usable: " + bad);
        out.sample(0, y.clone());
        Progress p = new Progress(samples, dt, tEnd, budget, out);
        double minStep = 1e-13 * Math.max(1, tEnd);
        try {
            for (Schedule.Span span : spans) {
                Field f = fieldOfSegment.apply(span.segment());
                FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
                    @Override public int getDimension() { return y.length; }
                    @Override public void computeDerivatives(double t, double[] yy, double[] dy) { f.derivative(t, yy, dy); }
                };
                double length = span.end() - span.start();
                if (length <= 1e-14 * Math.max(1, tEnd)) continue;
                DormandPrince853Integrator ig = new DormandPrince853Integrator(Math.min(minStep, length), length, tol.absolute(), tol.relative());
                ig.addStepHandler(p);
                p.spanEnd = span.end();
                ig.integrate(ode, span.start(), y, span.end(), y);
                // the end of the last span may coincide with the last sample
                while (p.next <= samples && p.next * dt <= span.end() + 1e-9 * dt) {
                    out.sample(p.next * dt, y.clone());
                    p.next++;
                }
                p.reached = span.end();
            }
        } catch (Stop s) {
            return new Outcome(p.reached, p.steps, s.getMessage());
        } catch (NumberIsTooSmallException e) {
            return new Outcome(p.reached, p.steps, String.format(Locale.ROOT,
                    "too stiff at t = %.6g: the step size fell below %.3g (1e-13 of the horizon), so t-end = %.6g would need more than %.2g steps; lower t-end or use parameters of less extreme ratio",
                    p.reached, minStep, tEnd, tEnd / minStep));
        }
        return new Outcome(tEnd, p.steps, null);
    }

    /** Null, or why the state cannot be continued. */
    private static String check(double[] y, double blowUp) {
        double m = 0;
        for (double v : y) {
            if (!Double.isFinite(v)) return "a component is " + v;
            m = Math.max(m, Math.abs(v));
        }
        return m > blowUp ? String.format(Locale.ROOT, "max |y| = %.3g exceeds %.3g", m, blowUp) : null;
    }

    private static final class Stop extends RuntimeException {
        Stop(String message) { super(message, null, false, false); }
    }

    /** The step handler: samples the grid, watches divergence and the work budget. */
    private static final class Progress implements StepHandler {
        final long samples;
        final double dt, tEnd;
        final Budget budget;
        final Sampler out;
        long next = 1, steps;
        double reached, spanEnd, checkTime;

        Progress(long samples, double dt, double tEnd, Budget budget, Sampler out) {
            this.samples = samples;
            this.dt = dt;
            this.tEnd = tEnd;
            this.budget = budget;
            this.out = out;
        }

        @Override public void init(double t0, double[] y0, double t) { }

        @Override public void handleStep(StepInterpolator in, boolean isLast) {
            double t = in.getCurrentTime();
            while (next <= samples && next * dt <= t && next * dt < spanEnd - 1e-9 * dt) {
                in.setInterpolatedTime(next * dt);
                out.sample(next * dt, in.getInterpolatedState().clone());
                next++;
            }
            reached = t;
            steps++;
            in.setInterpolatedTime(t);
            String bad = check(in.getInterpolatedState(), budget.blowUp());
            if (bad != null) throw new Stop(String.format(Locale.ROOT, "solution diverged at t = %.6g (%s)", t, bad));
            if (steps > budget.maxSteps())
                throw new Stop(String.format(Locale.ROOT, "step budget exhausted at t = %.6g after %d steps (t-end %.6g): the problem is too stiff or t-end too long for this integrator", t, steps, tEnd));
            if (steps % 1000 == 0) {
                double h = (t - checkTime) / 1000;
                checkTime = t;
                double remaining = (tEnd - t) / Math.max(h, Double.MIN_NORMAL);
                if (steps + remaining > 10.0 * budget.maxSteps())
                    throw new Stop(String.format(Locale.ROOT, "too stiff at t = %.6g: at the present step size %.3g, t-end = %.6g needs about %.2g more steps (budget %d); lower t-end or use parameters of less extreme ratio",
                            t, h, tEnd, remaining, budget.maxSteps()));
            }
        }
    }

    /** Integrates with the default tolerances. */
    public static Outcome run(List<Schedule.Span> spans, IntFunction<Field> fieldOfSegment, double[] y0, double dt, Budget budget, Sampler out) {
        return run(spans, fieldOfSegment, y0, dt, Tolerances.DEFAULT, budget, out);
    }

}
