package cumulus.solvers.propagation;

import cumulus.api.ModelException;
import cumulus.api.Schedule;
import cumulus.solvers.ode.Evolution;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Time evolution dx/dt = L_k x of a constant or piecewise-constant generator by
 * {@link ShiftInvertKrylov}: one factorization of I − γL_k per schedule segment (kept for the
 * segment's later spans), restarts wherever the a posteriori bound says so, the samples of the
 * output grid t_j = j·dt computed from the Krylov space they fall in. The error target is
 * {@code tolerance} for the 2-norm of the state's error at t-end (Hilbert–Schmidt norm of δρ in
 * the Hermitian basis): half of it for the estimate at each output time, half spread evenly over
 * time for the errors carried on by restarts (tolerance·s/(2 t-end) for a stretch of length s). Same {@link Evolution.Outcome} and sampling contract as {@link Evolution}.
 */
public final class KrylovEvolution {
    private final IntFunction<DMatrixSparseCSC> generator;
    private final double gamma;
    private final Map<Integer, ShiftInvertKrylov> factors = new HashMap<>();
    private final List<ShiftInvertKrylov> spent = new ArrayList<>();
    private long nnz;

    /**
     * A propagator for the generators {@code generator.apply(segment)}; γ is the shift of the factorizations
     * (the Krylov space lives on (I − γL)^{-1}). The factorizations are kept for every later run (several
     * initial states share them).
     */
    public KrylovEvolution(IntFunction<DMatrixSparseCSC> generator, double gamma) {
        this.generator = generator;
        this.gamma = gamma;
    }

    /** The polynomial propagator (Arnoldi on L, {@link ShiftInvertKrylov#arnoldi}): no factorization. */
    public static KrylovEvolution arnoldi(IntFunction<DMatrixSparseCSC> generator) {
        return new KrylovEvolution(generator, Double.NaN);
    }

    private boolean polynomial() { return Double.isNaN(gamma); }

    /** Largest Krylov dimension of one restart of the polynomial variant (its orthogonalization grows like m²). */
    public static final int ARNOLDI_DIMENSION = Integer.getInteger("cumulus.arnoldi.dim", 32);

    private ShiftInvertKrylov make(int segment) {
        return polynomial() ? ShiftInvertKrylov.arnoldi(generator.apply(segment), ARNOLDI_DIMENSION)
                : ShiftInvertKrylov.factor(generator.apply(segment), gamma, MAX_DIMENSION);
    }

    /** A shift that cannot reach the first output is divided by SHRINK, at most MAX_SHRINKS times. */
    static final double SHRINK = 4;
    static final int MAX_SHRINKS = 3;

    /** Largest Krylov dimension of one restart. */
    public static final int MAX_DIMENSION = Integer.getInteger("cumulus.krylov.dim", 128);

    /** How a run went: the outcome, and what it cost (for the {@code method} text and the choice). */
    public record Result(Evolution.Outcome outcome, long solves, long restarts, int factorizations, long factorNonZeros, double gamma) { }

    /** Integrates {@code y0} over {@code spans}; the result's counts are those of all runs so far. */
    public Result run(List<Schedule.Span> spans, double[] y0, double dt, double tolerance, Evolution.Sampler out, Clock progress) {
        if (spans.isEmpty()) throw new ModelException("nothing to integrate: t-end must be positive");
        double tEnd = spans.get(spans.size() - 1).end();
        long samples = (long) Math.floor(tEnd / dt + 1e-9);
        double errorPerTime = tolerance / (2 * tEnd), outputError = tolerance / 2;
        double[] y = y0.clone();
        out.sample(0, y.clone());
        long next = 1;
        double t = 0;
        for (Schedule.Span span : spans) {
            double end = span.end();
            if (end - span.start() <= 1e-14 * Math.max(1, tEnd)) continue;
            ShiftInvertKrylov k = factors.computeIfAbsent(span.segment(), this::make);
            nnz = Math.max(nnz, k.factorNonZeros());
            t = span.start();
            while (t < end - 1e-12 * Math.max(1, tEnd)) {
                // the output times in (t, end], relative to t
                long first = next;
                long last = Math.min(samples, (long) Math.floor(end / dt + 1e-9));
                int count = (int) Math.max(0, last - first + 1);
                double[] offsets = new double[count];
                for (int i = 0; i < count; i++) offsets[i] = Math.min((first + i) * dt, end) - t;
                double t0 = t;
                long[] emitted = {0};
                ShiftInvertKrylov.Step step = k.advance(y, end - t, offsets, dt, outputError, errorPerTime, (i, state) -> {
                    out.sample((first + i) * dt, state);
                    emitted[0] = i + 1;
                });
                if (step.reach() <= 0 && !polynomial() && k.gamma() > gamma / Math.pow(SHRINK, MAX_SHRINKS - 0.5)) {
                    // the space cannot reach the first output: a smaller shift resolves shorter times
                    spent.add(k);
                    ShiftInvertKrylov smaller = ShiftInvertKrylov.factor(generator.apply(span.segment()), k.gamma() / SHRINK, MAX_DIMENSION);
                    factors.put(span.segment(), smaller);
                    k = smaller;
                    continue;
                }
                if (step.reach() <= 0)
                    return result(new Evolution.Outcome(t, restarts(), String.format(Locale.ROOT,
                            "too stiff at t = %.6g: the %s Krylov propagator cannot meet the tolerance %.3g with %d vectors even over the shortest step; raise --tol, lower dt or use parameters of less extreme ratio",
                            t, polynomial() ? "polynomial (Arnoldi)" : "shift-invert", tolerance, polynomial() ? ARNOLDI_DIMENSION : MAX_DIMENSION)));
                next = first + emitted[0];
                y = step.state();
                String bad = check(y);
                if (bad != null)
                    return result(new Evolution.Outcome(t, restarts(), String.format(Locale.ROOT, "solution diverged at t = %.6g (%s)", t, bad)));
                t = (end - t0 - step.reach() <= 1e-12 * Math.max(1, tEnd)) ? end : t0 + step.reach();
                if (progress != null) progress.reached(t);
            }
        }
        return result(new Evolution.Outcome(tEnd, restarts(), null));
    }

    /** Reports the time reached (for progress lines). */
    public interface Clock { void reached(double t); }

    private long restarts() {
        long r = 0;
        for (ShiftInvertKrylov k : factors.values()) r += k.restarts();
        for (ShiftInvertKrylov k : spent) r += k.restarts();
        return r;
    }

    private Result result(Evolution.Outcome o) {
        long s = 0, r = 0;
        double g = Double.POSITIVE_INFINITY;
        List<ShiftInvertKrylov> all = new ArrayList<>(factors.values());
        all.addAll(spent);
        for (ShiftInvertKrylov k : all) { s += k.solves(); r += k.restarts(); }
        for (ShiftInvertKrylov k : factors.values()) g = Math.min(g, k.gamma());
        if (polynomial()) g = Double.NaN;
        return new Result(o, s, r, all.size(), nnz, g);
    }

    private static String check(double[] y) {
        double m = 0;
        for (double v : y) {
            if (!Double.isFinite(v)) return "a component is " + v;
            m = Math.max(m, Math.abs(v));
        }
        return m > 10 ? String.format(Locale.ROOT, "max |y| = %.3g exceeds 10", m) : null;
    }
}
