package cumulus.solvers.propagation;

import cumulus.api.ModelException;
import cumulus.api.Progress;
import cumulus.api.Schedule;
import cumulus.solvers.ode.Evolution;
import cumulus.solvers.space.Resources;
import cumulus.solvers.space.SparseOps;
import org.ejml.data.DMatrixSparseCSC;

import java.util.List;
import java.util.Locale;

/**
 * Exact dynamics dx/dt = L_k x of constant or piecewise-constant generators by the cheaper of two
 * propagators, chosen per problem from a cost estimate made before anything runs:
 * <ul>
 *   <li>{@link Kind#EXPLICIT}: {@link Evolution} (Dormand–Prince 8(5,3)); its step is bounded by
 *       stability, h ≲ 5/ρ(L) with the spectral radius ρ(L) ≤ ‖L‖₁, so it costs about
 *       12·t-end·‖L‖₁/5 products with L;</li>
 *   <li>{@link Kind#KRYLOV}: {@link KrylovEvolution} (shift-invert Krylov on one factorization of
 *       I − γL per segment, γ = dt/10), whose cost does not depend on the damping rates: the factorization
 *       ({@link Resources#direct}) plus solves that grow with the oscillatory part of L ({@link #krylovSeconds}),
 *       each reading the factor once.</li>
 * </ul>
 * The method text names the propagator and the numbers behind the choice.
 */
public final class ExactPropagation {
    private ExactPropagation() { }

    /** Which propagator; AUTO chooses by the cost estimate. */
    public enum Kind { AUTO, EXPLICIT, KRYLOV }

    /** Solves per unit time that a Krylov run is budgeted at, at least (measured 10–40). */
    static final double SOLVES_PER_TIME = 10;
    /** Solves per unit time and unit of the oscillatory radius (see {@link #krylovSeconds}). */
    static final double SOLVES_PER_OSCILLATION = 0.15;
    /** Memory traffic of a sparse product or triangular solve here, bytes per second. */
    static final double BANDWIDTH = 5e9;
    /** The default {@code --tol}: target 2-norm of the state's error (the observables agree to ~1e-9). */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /** The outcome of a run and the sentence for the {@code method} field. */
    public record Run(Evolution.Outcome outcome, String method) { }

    /** Seconds the explicit driver would take (stability-bounded steps, 12 products each). */
    static double explicitSeconds(double tEnd, double norm1, long nnz) {
        double steps = Math.max(100, tEnd * norm1 / 5);
        return steps * 12 * 12.0 * nnz / BANDWIDTH;
    }

    /**
     * Seconds the Krylov propagator would take: factorizations plus the solves, each reading the factor once.
     * A real shift resolves damping at no cost but oscillation only slowly: the solves grow with the
     * oscillatory radius ρ_o = max over columns of Σ_{i≠j} |L_ij| (the commutator with H), about
     * {@value #SOLVES_PER_OSCILLATION}·ρ_o per unit time (measured: dephasing N = 256, γ = 10: 1920 solves over
     * t = 50 at ρ_o ≈ 256; btc N = 1024, ω_x = 2, ρ_o ≈ 2000: t = 0.15 in 230 s), at least
     * {@value #SOLVES_PER_TIME} per unit time.
     */
    static double krylovSeconds(double tEnd, int segments, long n, long nnz, int dims, int states, double oscillation) {
        Resources.Estimate f = Resources.direct("", n, nnz, dims, false, KrylovEvolution.MAX_DIMENSION);
        double factor = f.seconds() * segments;
        double entries = (f.bytes() - 36.0 * nnz - 8.0 * KrylovEvolution.MAX_DIMENSION * n) / 11;
        double solves = states * (Math.max(SOLVES_PER_TIME, SOLVES_PER_OSCILLATION * oscillation) * tEnd + 2 * KrylovEvolution.MAX_DIMENSION);
        double perSolve = 8 * entries / BANDWIDTH + 8.0 * 4 * KrylovEvolution.MAX_DIMENSION / 2 * n / BANDWIDTH;
        return factor + solves * perSolve;
    }

    /** ρ_o: the largest off-diagonal absolute column sum of L. */
    static double oscillatoryRadius(DMatrixSparseCSC l) {
        double m = 0;
        for (int c = 0; c < l.numCols; c++) {
            double s = 0;
            for (int k = l.col_idx[c]; k < l.col_idx[c + 1]; k++) if (l.nz_rows[k] != c) s += Math.abs(l.nz_values[k]);
            m = Math.max(m, s);
        }
        return m;
    }

    /** Receives the samples of initial state number {@code which} (0-based). */
    public interface Samplers { Evolution.Sampler of(int which); }

    /**
     * Runs every initial state of {@code y0s} over {@code spans} (one after the other, sharing the Krylov
     * factorizations; the first failure ends the run); {@code gens.get(k)} is the generator of segment k.
     * {@code tolerance}: for Krylov the target 2-norm of the state's error (see {@link KrylovEvolution}); for the
     * explicit driver the relative step tolerance is tolerance/10 and the absolute one tolerance/1000 (the
     * default 1e-9 is {@link Evolution.Tolerances#DEFAULT}).
     */
    public static Run run(Kind kind, List<Schedule.Span> spans, List<DMatrixSparseCSC> gens, int dims, List<double[]> y0s, double dt,
                          double tolerance, Samplers out) {
        if (!(tolerance > 0) || tolerance >= 1) throw new ModelException("--tol must be in (0, 1), got " + tolerance);
        double tEnd = spans.get(spans.size() - 1).end();
        int states = y0s.size();
        DMatrixSparseCSC l0 = gens.get(0);
        double norm1 = 0;
        long nnz = 0;
        double osc = 0;
        for (DMatrixSparseCSC g : gens) {
            norm1 = Math.max(norm1, SparseOps.norm1(g));
            nnz = Math.max(nnz, g.nz_length);
            osc = Math.max(osc, oscillatoryRadius(g));
        }
        double ex = states * explicitSeconds(tEnd, norm1, nnz);
        double kr = krylovSeconds(tEnd, gens.size(), l0.numRows, nnz, dims, states, osc);
        Kind use = kind != Kind.AUTO ? kind : (kr < ex ? Kind.KRYLOV : Kind.EXPLICIT);
        String why = String.format(Locale.ROOT, "estimated %s s explicit (||L||_1 = %.4g) vs %s s Krylov (oscillatory radius %.4g)", secs(ex), norm1, secs(kr), osc);
        ProgressLine progress = new ProgressLine(states * tEnd);
        Evolution.Outcome o = null;
        if (use == Kind.EXPLICIT) {
            long steps = 0;
            for (int i = 0; i < states && (o == null || o.complete()); i++) {
                Evolution.Sampler sink = out.of(i);
                double before = i * tEnd;
                o = Evolution.run(spans, k -> (t, y, dy) -> SparseOps.multiply(gens.get(k), y, dy), y0s.get(i), dt,
                        new Evolution.Tolerances(tolerance / 10, tolerance / 1000), Evolution.Budget.densityMatrix(nnz),
                        (t, y) -> { sink.sample(t, y); progress.reached(before + t); });
                steps += o.steps();
            }
            return new Run(o, String.format(Locale.ROOT, "explicit Dormand-Prince 8(5,3), %d steps, rtol %.1e (%s)", steps, tolerance / 10, why));
        }
        Resources.admit(Resources.direct("exact dynamics by shift-invert Krylov", l0.numRows, nnz, dims, false, KrylovEvolution.MAX_DIMENSION));
        KrylovEvolution kry = new KrylovEvolution(gens::get, dt / 10);
        KrylovEvolution.Result r = null;
        for (int i = 0; i < states && (r == null || r.outcome().complete()); i++) {
            double before = i * tEnd;
            r = kry.run(spans, y0s.get(i), dt, tolerance, out.of(i), t -> progress.reached(before + t));
        }
        return new Run(r.outcome(), String.format(Locale.ROOT,
                "shift-invert Krylov on (I - gamma L)^-1, gamma = %.3g, %d factorization(s), %d solves, %d restarts, tol %.1e (%s)",
                r.gamma(), r.factorizations(), r.solves(), r.restarts(), tolerance, why));
    }

    private static String secs(double s) { return s < 10 ? String.format(Locale.ROOT, "%.2g", s) : String.format(Locale.ROOT, "%.0f", s); }

    /** "cumulus: evolve t = 12.5 / 50 (25%), ETA 30 s" every 2 s of runs that last longer than 2 s. */
    static final class ProgressLine {
        private final long start = System.nanoTime();
        private final double tEnd;
        private long last = start;

        ProgressLine(double tEnd) { this.tEnd = tEnd; }

        void reached(double t) {
            long now = System.nanoTime();
            if (now - last < 2_000_000_000L || t >= tEnd || t <= 0) return;
            last = now;
            double elapsed = (now - start) / 1e9;
            double eta = elapsed * (tEnd - t) / t;
            Progress.get().note(String.format(Locale.ROOT, "evolve t = %.4g / %.4g (%.0f%%), %.0f s elapsed, ETA %.0f s", t, tEnd, 100 * t / tEnd, elapsed, eta));
        }
    }
}
