package cumulus.solvers.propagation;

import cumulus.api.ModelException;
import cumulus.api.Progress;
import cumulus.api.Schedule;
import cumulus.solvers.ode.Evolution;
import cumulus.solvers.ode.LinearDormandPrince;
import cumulus.solvers.ode.SupportWindow;
import cumulus.solvers.space.Resources;
import cumulus.solvers.space.SparseOps;
import cumulus.solvers.space.SymmetryBlocks;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Exact dynamics dx/dt = L_k x of constant or piecewise-constant generators by the cheaper of two
 * propagators, chosen per problem from a cost estimate made before anything runs:
 * <ul>
 *   <li>{@link Kind#EXPLICIT}: {@link LinearDormandPrince} (Dormand–Prince 8(5,3) as its stability polynomial in
 *       hL, the rows of each product on two threads when one block evolves); its step is bounded by
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
    public enum Kind { AUTO, EXPLICIT, KRYLOV, ARNOLDI }

    /** Solves per unit time that a Krylov run is budgeted at, at least (measured 10–40). */
    static final double SOLVES_PER_TIME = 10;
    /** Solves per unit time and unit of the oscillatory radius (see {@link #krylovSeconds}). */
    static final double SOLVES_PER_OSCILLATION = 0.15;
    /** Memory traffic of a sparse product or triangular solve here, bytes per second. */
    static final double BANDWIDTH = 5e9;
    /** The default {@code --tol}: target 2-norm of the state's error (the observables agree to ~1e-9). */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /**
     * {@code -Dcumulus.propagator=explicit|krylov|arnoldi} overrides the automatic choice (for measurements, as
     * {@code cumulus bench} compares them; docs/dynamics.md).
     */
    static final Kind FORCED = forced(System.getProperty("cumulus.propagator"));

    private static Kind forced(String p) {
        if (p == null || p.isBlank()) return null;
        try {
            Kind k = Kind.valueOf(p.trim().toUpperCase(Locale.ROOT));
            return k == Kind.AUTO ? null : k;
        } catch (IllegalArgumentException e) {
            throw new ModelException("-Dcumulus.propagator must be one of auto, explicit, krylov, arnoldi, got " + p);
        }
    }

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
        return run(kind, spans, gens, dims, y0s, dt, tolerance, out, null);
    }

    /**
     * The same; {@code weights} (null: unknown) are the trace norms of the coordinates' basis operators
     * ({@link cumulus.solvers.space.LiouvillianSpace#traceNormWeights}): with them, the explicit driver computes only
     * the rows the state's support reaches ({@link SupportWindow}), dropping entries within a trace-norm budget of
     * tolerance (which bounds every expectation value's change by ‖O‖·tolerance; the step control holds its local
     * errors to tolerance/10 besides). Measured btc N = 512 to t = 20: a budget of tolerance/10 computed 30,084 rows
     * a step on average, tolerance 27,571 (−8%), with every output column within 3e-13 of the other.
     */
    public static Run run(Kind kind, List<Schedule.Span> spans, List<DMatrixSparseCSC> gens, int dims, List<double[]> y0s, double dt,
                          double tolerance, Samplers out, double[] weights) {
        return run(kind, spans, gens, dims, y0s, dt, tolerance, out, weights, MIN_PARALLEL);
    }

    /** The same, with the fewest evolving coordinates for which two groups of blocks run on two threads. */
    static Run run(Kind kind, List<Schedule.Span> spans, List<DMatrixSparseCSC> gens, int dims, List<double[]> y0s, double dt,
                   double tolerance, Samplers out, double[] weights, int minParallel) {
        if (!(tolerance > 0) || tolerance >= 1) throw new ModelException("--tol must be in (0, 1), got " + tolerance);
        List<int[]> groups = touchedBlocks(gens, y0s, minParallel);
        int n = gens.get(0).numRows;
        double tEndAll = spans.get(spans.size() - 1).end();
        if (groups == null) return runOnBlock(kind, spans, gens, dims, y0s, dt, tolerance, out, weights, new ProgressLine(y0s.size() * tEndAll, 1), 0, 2);
        if (groups.size() == 1) {
            // only the invariant block(s) the initial states touch evolve: the rest stays exactly zero
            int[] idx = groups.get(0);
            Run r = runOnBlock(kind, spans, restrict(gens, idx), dims, gather(y0s, idx), dt, tolerance,
                    which -> scatter(out.of(which), idx, n), gather(weights, idx), new ProgressLine(y0s.size() * tEndAll, 1), 0, 2);
            return new Run(r.outcome(), String.format(Locale.ROOT, "on the invariant block of %d of %d coordinates that the initial state%s, %s",
                    idx.length, n, y0s.size() > 1 ? "s touch" : " touches", r.method()));
        }
        // two groups of blocks, one per core; the state is the sum of their parts (disjoint coordinates, so their errors
        // add in quadrature: tolerance/sqrt(2) each)
        BlockSum sum = new BlockSum(y0s.size(), n, out);
        ProgressLine progress = new ProgressLine(y0s.size() * tEndAll, 2);
        Run[] runs = new Run[2];
        RuntimeException[] failed = new RuntimeException[2];
        Thread[] threads = new Thread[2];
        for (int g = 0; g < 2; g++) {
            int gi = g;
            int[] idx = groups.get(g);
            threads[g] = new Thread(() -> {
                try {
                    runs[gi] = runOnBlock(kind, spans, restrict(gens, idx), dims, gather(y0s, idx), dt, tolerance / Math.sqrt(2),
                            which -> (t, x) -> sum.add(gi, which, t, x, idx), gather(weights, idx), progress, gi, 1);
                } catch (RuntimeException e) {
                    failed[gi] = e;
                }
            }, "cumulus-block-" + g);
            threads[g].start();
        }
        for (Thread th : threads) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        for (RuntimeException e : failed) if (e != null) throw e;
        Evolution.Outcome a = runs[0].outcome(), b = runs[1].outcome();
        // the earlier failure, if any, ends the run (the rows kept are those both parts delivered)
        Evolution.Outcome first = a.complete() ? b : !b.complete() && b.reached() < a.reached() ? b : a;
        Evolution.Outcome o = new Evolution.Outcome(Math.min(a.reached(), b.reached()), a.steps() + b.steps(),
                a.rejected() < 0 || b.rejected() < 0 ? -1 : a.rejected() + b.rejected(), first.failure());
        return new Run(o, String.format(Locale.ROOT, "on two groups of invariant blocks (%d + %d of %d coordinates), one per thread: [%s] and [%s]",
                groups.get(0).length, groups.get(1).length, n, runs[0].method(), runs[1].method()));
    }

    private static List<DMatrixSparseCSC> restrict(List<DMatrixSparseCSC> gens, int[] idx) {
        return gens.stream().map(g -> SymmetryBlocks.restrict(g, idx)).toList();
    }

    private static List<double[]> gather(List<double[]> ys, int[] idx) {
        return ys.stream().map(y -> gather(y, idx)).toList();
    }

    /** The coordinates {@code idx} of x (null for null). */
    private static double[] gather(double[] x, int[] idx) {
        if (x == null) return null;
        double[] g = new double[idx.length];
        for (int i = 0; i < idx.length; i++) g[i] = x[idx[i]];
        return g;
    }

    private static Evolution.Sampler scatter(Evolution.Sampler sink, int[] idx, int n) {
        return (t, x) -> {
            double[] y = new double[n];
            for (int i = 0; i < idx.length; i++) y[idx[i]] = x[i];
            sink.sample(t, y);
        };
    }

    /**
     * The coordinates that evolve, in at most two groups of invariant blocks ({@link SymmetryBlocks}, each group's
     * indices ascending), or null when that is every coordinate in one group. Blocks on which no initial state is
     * nonzero stay exactly zero for all times and are dropped: a conserved superoperator parity (btc's
     * ρ → Uρ*U†, U = (−1)^(S−m)) with btc's initial state up leaves half of the coordinates at zero, and the
     * propagation on the rest is the same dynamics at half the size. When several blocks are touched (dephasing
     * from a coherent state in the x–z plane) they are split into two groups of about equal size, propagated
     * independently (the dynamics is linear: the state is the sum of their parts), one per core.
     */
    static List<int[]> touchedBlocks(List<DMatrixSparseCSC> gens, List<double[]> y0s, int minParallel) {
        List<int[]> blocks = SymmetryBlocks.of(gens);
        if (blocks.size() < 2) return null;
        List<int[]> used = new ArrayList<>();
        int size = 0;
        for (int[] b : blocks) {
            boolean touched = false;
            for (double[] y : y0s) {
                for (int i : b) if (y[i] != 0) { touched = true; break; }
                if (touched) break;
            }
            if (touched) { used.add(b); size += b.length; }
        }
        int n = gens.get(0).numRows;
        if (used.isEmpty()) return null;
        if (used.size() == 1 || size < minParallel) {
            if (size == n) return null;
            return List.of(merge(used));
        }
        // greedy balance, largest first (blocks come largest first)
        List<int[]> g0 = new ArrayList<>(), g1 = new ArrayList<>();
        long s0 = 0, s1 = 0;
        for (int[] b : used) {
            if (s0 <= s1) { g0.add(b); s0 += b.length; } else { g1.add(b); s1 += b.length; }
        }
        return List.of(merge(g0), merge(g1));
    }

    /**
     * From this many coordinates the explicit driver follows the state's support ({@link SupportWindow}); below it a
     * step is a few milliseconds and the bookkeeping would not pay.
     */
    static final int MIN_WINDOW = 20_000;

    /** Below this many evolving coordinates the blocks run in one thread (a thread's start-up outweighs the gain). */
    static final int MIN_PARALLEL = 20_000;

    private static int[] merge(List<int[]> blocks) {
        int size = 0;
        for (int[] b : blocks) size += b.length;
        int[] idx = new int[size];
        int p = 0;
        for (int[] b : blocks) { System.arraycopy(b, 0, idx, p, b.length); p += b.length; }
        Arrays.sort(idx);
        return idx;
    }

    /**
     * Sums the parts of the state that two threads propagate on disjoint coordinates and hands the k-th sample of
     * state {@code which} to its sampler once both parts of it (and of every earlier one) are in, in order.
     */
    static final class BlockSum {
        private final int n;
        private final Samplers out;
        private final List<List<double[]>> pending = new ArrayList<>();   // per state: summed samples not yet emitted
        private final List<List<double[]>> times = new ArrayList<>();
        private final int[][] count;      // per state, per part: samples added
        private final int[] emitted;

        BlockSum(int states, int n, Samplers out) {
            this.n = n;
            this.out = out;
            count = new int[states][2];
            emitted = new int[states];
            for (int i = 0; i < states; i++) { pending.add(new ArrayList<>()); times.add(new ArrayList<>()); }
        }

        synchronized void add(int part, int which, double t, double[] x, int[] idx) {
            int k = count[which][part]++ - emitted[which];
            List<double[]> p = pending.get(which);
            while (p.size() <= k) { p.add(new double[n]); times.get(which).add(new double[]{t, 0}); }
            double[] y = p.get(k);
            for (int i = 0; i < idx.length; i++) y[idx[i]] = x[i];
            times.get(which).get(k)[1]++;
            // emit the leading samples that both parts have delivered
            Evolution.Sampler sink = out.of(which);
            while (!p.isEmpty() && times.get(which).get(0)[1] == 2) {
                double[] tt = times.get(which).remove(0);
                sink.sample(tt[0], p.remove(0));
                emitted[which]++;
            }
        }
    }

    private static Run runOnBlock(Kind kind, List<Schedule.Span> spans, List<DMatrixSparseCSC> gens, int dims, List<double[]> y0s, double dt,
                                  double tolerance, Samplers out, double[] weights, ProgressLine progress, int part, int threads) {
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
        Kind use = kind != Kind.AUTO ? kind : FORCED != null ? FORCED : (kr < ex ? Kind.KRYLOV : Kind.EXPLICIT);
        String why = String.format(Locale.ROOT, "estimated %s s explicit (||L||_1 = %.4g) vs %s s Krylov (oscillatory radius %.4g)", secs(ex), norm1, secs(kr), osc);
        Evolution.Outcome o = null;
        if (use == Kind.EXPLICIT) {
            long steps = 0, rejected = 0;
            List<String> windows = new ArrayList<>();
            for (int i = 0; i < states && (o == null || o.complete()); i++) {
                Evolution.Sampler sink = out.of(i);
                double before = i * tEnd;
                SupportWindow window = weights != null && l0.numRows >= MIN_WINDOW ? new SupportWindow(weights, tolerance, tEnd) : null;
                o = LinearDormandPrince.run(spans, gens::get, y0s.get(i), dt,
                        new Evolution.Tolerances(tolerance / 10, tolerance / 1000), Evolution.Budget.densityMatrix(nnz),
                        (t, y) -> { sink.sample(t, y); progress.reached(part, before + t); }, threads, window);
                steps += o.steps();
                rejected += o.rejected();
                if (window != null) windows.add((states > 1 ? "state " + (i + 1) + ": " : "") + window.describe(l0.numRows));
            }
            return new Run(o, String.format(Locale.ROOT, "explicit Dormand-Prince 8(5,3) as its stability polynomial in hL (12 products a step%s), %d steps (%d rejected), rtol %.1e%s (%s)",
                    threads > 1 && cumulus.solvers.sparse.DenseKernels.threads() > 1 && l0.numRows >= LinearDormandPrince.MIN_PARALLEL ? ", 2 threads" : "", steps, rejected, tolerance / 10,
                    windows.isEmpty() ? "" : "; " + String.join("; ", windows), why));
        }
        boolean arnoldi = use == Kind.ARNOLDI;
        if (!arnoldi) Resources.admit(Resources.direct("exact dynamics by shift-invert Krylov", l0.numRows, nnz, dims, false, KrylovEvolution.MAX_DIMENSION));
        KrylovEvolution kry = arnoldi ? KrylovEvolution.arnoldi(gens::get) : new KrylovEvolution(gens::get, dt / 10);
        KrylovEvolution.Result r = null;
        for (int i = 0; i < states && (r == null || r.outcome().complete()); i++) {
            double before = i * tEnd;
            r = kry.run(spans, y0s.get(i), dt, tolerance, out.of(i), t -> progress.reached(part, before + t));
        }
        String how = arnoldi
                ? String.format(Locale.ROOT, "Arnoldi (polynomial Krylov) exponential of L, at most %d vectors, %d products, %d restarts",
                        KrylovEvolution.ARNOLDI_DIMENSION, r.solves(), r.restarts())
                : String.format(Locale.ROOT, "shift-invert Krylov on (I - gamma L)^-1, gamma = %.3g, %d factorization(s), %d solves, %d restarts",
                        r.gamma(), r.factorizations(), r.solves(), r.restarts());
        return new Run(r.outcome(), how + String.format(Locale.ROOT, ", tol %.1e (%s)", tolerance, why));
    }

    private static String secs(double s) { return s < 10 ? String.format(Locale.ROOT, "%.2g", s) : String.format(Locale.ROOT, "%.0f", s); }

    /**
     * "cumulus: evolve t = 12.5 / 50 (25%), ETA 30 s" every 2 s of runs that last longer than 2 s; with two parts
     * propagated on two threads, the time both have reached.
     */
    static final class ProgressLine {
        private final long start = System.nanoTime();
        private final double tEnd;
        private final double[] parts;
        private long last = start;

        ProgressLine(double tEnd, int parts) { this.tEnd = tEnd; this.parts = new double[parts]; }

        synchronized void reached(int part, double at) {
            parts[part] = at;
            double t = Double.POSITIVE_INFINITY;
            for (double p : parts) t = Math.min(t, p);
            long now = System.nanoTime();
            if (now - last < 2_000_000_000L || t >= tEnd || t <= 0) return;
            last = now;
            double elapsed = (now - start) / 1e9;
            double eta = elapsed * (tEnd - t) / t;
            Progress.get().note(String.format(Locale.ROOT, "evolve t = %.4g / %.4g (%.0f%%), %.0f s elapsed, ETA %.0f s", t, tEnd, 100 * t / tEnd, elapsed, eta));
        }
    }
}
