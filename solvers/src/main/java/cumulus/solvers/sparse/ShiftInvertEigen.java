package cumulus.solvers.sparse;

import cumulus.api.Complex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues of a large sparse real matrix nearest a real shift &sigma;, by shift-and-invert Arnoldi with thick
 * (Krylov–Schur type) restarts.
 *
 * <p>Algorithm: Arnoldi on OP = (A &minus; &sigma;I)<sup>-1</sup> (applied through {@link SparseLU}) with classical
 * Gram–Schmidt and one reorthogonalisation (DGKS). Restarts follow Stewart's Krylov–Schur method (G. W. Stewart,
 * "A Krylov–Schur algorithm for large eigenproblems", SIAM J. Matrix Anal. Appl. 23 (2001) 601–614) in the
 * thick-restart form of Wu &amp; Simon / Morgan: the Krylov decomposition OP V = V H + v b<sup>T</sup> is truncated to
 * an orthonormal real basis Q of the wanted Ritz subspace (real and imaginary parts of the Ritz vectors, so
 * conjugate pairs are never split): V &larr; V Q, H &larr; Q<sup>T</sup> H Q, b &larr; Q<sup>T</sup> b. The small
 * dense Rayleigh-quotient eigenproblem is solved with EJML {@code DecompositionFactory_DDRM.eig}; its eigenvectors
 * by complex inverse iteration. A Ritz pair (&theta;, y) is converged when |b<sup>T</sup> y| &le; tol |&theta;|.
 *
 * <p>Every returned eigenvalue &lambda; = &sigma; + 1/&theta; is verified on the original matrix: the Ritz vector
 * z = V y is recomputed and ‖A z &minus; &lambda; z‖ &le; 1e-8 &middot; max(‖A‖<sub>1</sub>, |&lambda;|) ‖z‖ is
 * required; a failing pair gets up to three steps of shift-invert inverse iteration with a Rayleigh-quotient update,
 * and is dropped if it still fails.
 */
public final class ShiftInvertEigen {
    private ShiftInvertEigen() {}

    /** Relative convergence tolerance of the Ritz values of OP. */
    static final double TOL = 1e-11;
    /** Residual acceptance on the original matrix, relative to max(‖A‖₁, |λ|). */
    static final double RESIDUAL_TOL = 1e-8;
    private static final int MAX_RESTARTS = 400;
    /** Restart budget of an off-axis search (a model may have no oscillating mode to converge on). */
    static final int OFF_AXIS_RESTARTS = 60;
    /**
     * Solves over which an off-axis search's rightmost Ritz value must stay resolved left of its line (checked at every
     * restart, and every {@value #RESOLVED_CHECK} solves in between above {@link #EARLY_EXIT_SIZE} unknowns).
     */
    static final int RESOLVED_SOLVES = 10;
    static final int RESOLVED_CHECK = 5;
    /**
     * How many error estimates of that Ritz value must fit between it and the line. The first-order estimate
     * ‖OP z − θz‖/|θ|² exceeded the Ritz value's actual distance to its limit 60–100 times on btc N = 512.
     */
    static final double RESOLVED_MARGIN = 10;
    /**
     * Size above which convergence is checked between restarts too: there a solve costs more than the
     * small dense eigenproblems of a check; below, checking only at restarts is cheaper.
     */
    static final int EARLY_EXIT_SIZE = 8000;
    /** Reorthogonalise when one Gram–Schmidt pass leaves less than this fraction of the vector's norm. */
    static final double DGKS = 0.7071067811865476;
    /**
     * Block size of the Krylov space above {@link #BLOCK_MIN_SIZE} unknowns: the space grows by this many vectors per
     * step, from as many solves done together ({@link SparseLU#solve(double[][], double[][])}), which read the factor
     * once for all of them: btc N = 362 (131,769 unknowns) 28.4 ms for one solve, 48.9 ms for four.
     */
    static final int BLOCK = Integer.getInteger("cumulus.arnoldi.block", 4);
    static final int BLOCK_MIN_SIZE = 20000;
    private static final boolean DEBUG = Boolean.getBoolean("cumulus.sparse.debug");

    /**
     * The {@code nev} eigenvalues of {@code a} nearest the real shift {@code sigma} (both members of a complex
     * conjugate pair are returned, so the list may have nev + 1 entries), sorted by distance to sigma.
     */
    public static List<Complex> nearest(DMatrixSparseCSC a, double sigma, int nev) {
        return nearest(a, sigma, nev, SparseLU.factor(shifted(a, sigma)));
    }

    /**
     * {@link #nearest(DMatrixSparseCSC, double, int)} for each of several independent matrices (e.g. the
     * symmetry sectors of one Liouvillian), two at a time side by side when two cores are available.
     */
    public static List<List<Complex>> nearestEach(List<DMatrixSparseCSC> parts, double sigma, int nev) {
        List<List<Complex>> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) out.add(null);
        for (int i = 0; i < parts.size(); i += 2) {
            final int i0 = i, i1 = i + 1;
            if (i1 >= parts.size()) { out.set(i0, nearest(parts.get(i0), sigma, Math.min(nev, Math.max(1, parts.get(i0).numRows - 2)))); break; }
            DenseKernels.sideBySide(() -> out.set(i0, nearest(parts.get(i0), sigma, Math.min(nev, Math.max(1, parts.get(i0).numRows - 2)))),
                    () -> out.set(i1, nearest(parts.get(i1), sigma, Math.min(nev, Math.max(1, parts.get(i1).numRows - 2)))));
        }
        return out;
    }

    /** As {@link #nearest(DMatrixSparseCSC, double, int)} with a factorisation of A − σI supplied by the caller. */
    public static List<Complex> nearest(DMatrixSparseCSC a, double sigma, int nev, SparseLU shiftedLu) {
        int n = a.numCols;
        if (a.numRows != n) throw new IllegalArgumentException("ShiftInvertEigen: matrix must be square");
        if (shiftedLu.size() != n) throw new IllegalArgumentException("ShiftInvertEigen: factorisation has wrong size");
        if (nev < 1 || nev > n) throw new IllegalArgumentException("ShiftInvertEigen: nev must be in [1, n], got " + nev);
        return nearest(a, sigma, nev, shiftedLu, EARLY_EXIT_SIZE);
    }

    /** As above, checking convergence between restarts when n exceeds {@code earlyExitSize} (tests). */
    static List<Complex> nearest(DMatrixSparseCSC a, double sigma, int nev, SparseLU shiftedLu, int earlyExitSize) {
        int n = a.numCols;
        int m = Math.min(n, Math.max(2 * nev + 12, 24));
        int want = Math.min(nev, m);
        return new Arnoldi(a, sigma, shiftedLu, n, m, want, earlyExitSize, Which.NEAREST, 0, null, blockSize(n, m, Which.NEAREST)).run().values();
    }

    /** Which Ritz values a search wants, keeps at restarts and reports. */
    public enum Which {
        /** Largest |θ|: the eigenvalues nearest σ. */
        NEAREST,
        /**
         * Largest Re λ, λ = σ + 1/θ: the rightmost eigenvalues, for σ to the right of the spectrum (Ritz values
         * with Re λ ≥ σ cannot be eigenvalues then and are ranked last).
         */
        RIGHTMOST,
        /**
         * As RIGHTMOST, but the Ritz values with |Im λ| ≥ {@code minIm} come first: the oscillating modes, while the
         * real cluster near σ (found by another search) only fills the remaining kept slots.
         */
        RIGHTMOST_OFF_AXIS,
        /**
         * As RIGHTMOST among the Ritz values with |Im λ| &lt; {@code minIm} only (the real and slowly rotating modes):
         * the oscillating ones are left to a RIGHTMOST_OFF_AXIS search about σ = ω, where they converge faster (btc
         * N = 512: the pair −0.0040 − 1.73i to 3e-5 in 100 solves there, to 1e-11 in ~230 about the small shift).
         */
        RIGHTMOST_REAL
    }

    /**
     * What a search found: the verified eigenvalues (in the order of {@code which}), the number of solves with
     * the factorization, restarts, the restarts after convergence over which the wanted set did not change and the
     * solves they took,
     * whether the wanted Ritz values converged, ||A||_1, whether an off-axis search stopped on its line, and (of a
     * RIGHTMOST_REAL search) its rightmost oscillating Ritz pair as two real vectors {Re z, Im z}, ‖z‖ = 1, or null.
     */
    public record Search(List<Complex> values, int solves, int restarts, int stableRestarts, int verificationSolves, boolean converged, double normA,
                         boolean resolvedLeft, double[][] oscillatingSeed) { }

    /**
     * The {@code nev} eigenvalues of {@code a} first in the order {@code which}, by Krylov–Schur on (A − σI)^{-1} with
     * a Krylov space of {@code m} vectors. With {@code verifyRestarts} &gt; 0 the iteration goes on after the wanted Ritz
     * values converged until the wanted set stayed the same over that many further restarts (each adds m − keep
     * vectors): a second sweep in which an eigenvalue that the first had not yet resolved (an oscillating mode far from
     * σ, say) can still enter. {@code stage} (may be null) receives progress lines.
     */
    public static Search search(DMatrixSparseCSC a, double sigma, int nev, SparseLU shiftedLu, Which which, int m,
                                int verifyRestarts, Stage stage) {
        return search(a, sigma, nev, shiftedLu, which, 0, m, verifyRestarts, stage);
    }

    /** As above; {@code minIm} is the |Im λ| from which RIGHTMOST_OFF_AXIS counts a Ritz value as oscillating. */
    public static Search search(DMatrixSparseCSC a, double sigma, int nev, SparseLU shiftedLu, Which which, double minIm, int m,
                                int verifyRestarts, Stage stage) {
        return search(a, sigma, nev, nev, shiftedLu, which, minIm, m, verifyRestarts, stage);
    }

    /**
     * As above, converging and verifying the first {@code nev} but extracting {@code extract} ≥ nev Ritz values in the
     * order (the ones beyond nev are residual-checked, refined by up to three inverse-iteration steps, not verified).
     */
    public static Search search(DMatrixSparseCSC a, double sigma, int nev, int extract, SparseLU shiftedLu, Which which, double minIm, int m,
                                int verifyRestarts, Stage stage) {
        return search(a, sigma, nev, extract, shiftedLu, which, minIm, m, verifyRestarts, Double.NaN, stage);
    }

    /**
     * As above; a RIGHTMOST_OFF_AXIS search with a finite {@code leftOf} stops as soon as its rightmost oscillating
     * Ritz value lies left of Re λ = leftOf by {@value #RESOLVED_MARGIN} times its error estimate |Δλ| ≈ ‖OP z − θz‖/|θ|²
     * at every check over {@value #RESOLVED_SOLVES} solves (or no oscillating Ritz value is left in the space):
     * then no oscillating mode competes with the eigenvalues right of that line, and none is converged or returned
     * ({@link Search#resolvedLeft()}).
     */
    public static Search search(DMatrixSparseCSC a, double sigma, int nev, int extract, SparseLU shiftedLu, Which which, double minIm, int m,
                                int verifyRestarts, double leftOf, Stage stage) {
        return search(a, sigma, nev, extract, shiftedLu, which, minIm, m, verifyRestarts, leftOf, null, stage);
    }

    /**
     * As above, the Krylov space started from the directions {@code start} (null: random), each blended half and half
     * with a random vector into the first block (one vector: their sum).
     */
    public static Search search(DMatrixSparseCSC a, double sigma, int nev, int extract, SparseLU shiftedLu, Which which, double minIm, int m,
                                int verifyRestarts, double leftOf, double[][] start, Stage stage) {
        int mm = Math.min(a.numCols, Math.max(m, nev + 8));
        return search(a, sigma, nev, extract, shiftedLu, which, minIm, m, verifyRestarts, leftOf, start, stage, blockSize(a.numCols, mm, which));
    }

    /**
     * The block size a search of {@code which} on n unknowns with a space of m vectors uses: {@link #BLOCK} above
     * {@link #BLOCK_MIN_SIZE} unknowns (where solves dominate), 1 for the oscillating-mode search (started from one
     * Ritz pair, it needed 90–100 solves at btc N = 512 with blocks of 1, 112–132 with 2, 216–308 with 4) and below.
     */
    static int blockSize(int n, int m, Which which) {
        int block = which == Which.RIGHTMOST_OFF_AXIS ? 1 : BLOCK;
        return n > BLOCK_MIN_SIZE && m >= 4 * block ? Math.max(1, block) : 1;
    }

    /** As above with an explicit block size (tests). */
    static Search search(DMatrixSparseCSC a, double sigma, int nev, int extract, SparseLU shiftedLu, Which which, double minIm, int m,
                         int verifyRestarts, double leftOf, double[][] start, Stage stage, int block) {
        return search(a, sigma, nev, extract, shiftedLu, which, minIm, m, verifyRestarts, leftOf, start, stage, block, 0);
    }

    /** As above with a restart budget ({@code restarts} &le; 0: the default, {@link #OFF_AXIS_RESTARTS} for an off-axis search). */
    public static Search search(DMatrixSparseCSC a, double sigma, int nev, int extract, SparseLU shiftedLu, Which which, double minIm, int m,
                                int verifyRestarts, double leftOf, double[][] start, Stage stage, int block, int restarts) {
        int n = a.numCols;
        if (a.numRows != n || shiftedLu.size() != n) throw new IllegalArgumentException("ShiftInvertEigen: sizes do not match");
        int mm = Math.min(n, Math.max(m, nev + 8));
        Arnoldi ar = new Arnoldi(a, sigma, shiftedLu, n, mm, Math.min(nev, mm), EARLY_EXIT_SIZE, which, verifyRestarts, stage, block);
        ar.minIm = minIm;
        ar.extract = Math.min(mm, extract);
        ar.leftOf = leftOf;
        if (start != null)
            for (double[] v : start)
                if (v.length != n) throw new IllegalArgumentException("ShiftInvertEigen: start vector of length " + v.length + ", matrix of size " + n);
        ar.start = start;
        if (which == Which.RIGHTMOST_OFF_AXIS) ar.maxRestarts = OFF_AXIS_RESTARTS;
        if (restarts > 0) ar.maxRestarts = restarts;
        return ar.run();
    }

    /** A − σI as a new CSC matrix (diagonal entries inserted where missing). */
    public static DMatrixSparseCSC shifted(DMatrixSparseCSC a, double sigma) {
        int n = a.numCols;
        DMatrixSparseCSC s = new DMatrixSparseCSC(a.numRows, n, a.nz_length + n);
        int w = 0;
        for (int j = 0; j < n; j++) {
            s.col_idx[j] = w;
            boolean hasDiag = false;
            for (int q = a.col_idx[j]; q < a.col_idx[j + 1]; q++) if (a.nz_rows[q] == j) { hasDiag = true; break; }
            boolean done = hasDiag;
            for (int q = a.col_idx[j]; q < a.col_idx[j + 1]; q++) {
                int i = a.nz_rows[q];
                if (!done && i > j) { s.nz_rows[w] = j; s.nz_values[w++] = -sigma; done = true; }
                double v = a.nz_values[q];
                if (i == j) v -= sigma;
                s.nz_rows[w] = i; s.nz_values[w++] = v;
            }
            if (!done) { s.nz_rows[w] = j; s.nz_values[w++] = -sigma; }
        }
        s.col_idx[n] = w;
        s.nz_length = w;
        s.indicesSorted = a.indicesSorted;
        return s;
    }

    private static final class Ritz {
        final double re, im; double[] yr, yi; double res;
        Ritz(double re, double im, double[] yr, double[] yi) { this.re = re; this.im = im; this.yr = yr; this.yi = yi; }
        double abs() { return Math.hypot(re, im); }
    }

    private static final class Arnoldi {
        final DMatrixSparseCSC a; final double sigma; final SparseLU lu; final int n, m, want;
        /** The solves' work vectors, reused: a search runs on one thread. */
        private final SparseLU.Scratch scratch = new SparseLU.Scratch();
        /**
         * The basis vectors a restart dropped, reused as the next steps' solve outputs and the next restart's basis:
         * allocated afresh they were 0.6 GB of a 1.7 GB btc N = 512 spectrum run's allocations. They hold no more
         * than the restart itself holds (the old basis beside the new one).
         */
        private final java.util.ArrayDeque<double[]> spare = new java.util.ArrayDeque<>();

        /** A vector of n entries with arbitrary contents (a dropped basis vector, or a fresh one). */
        private double[] spareOrNew() {
            double[] v = spare.pollLast();
            return v != null ? v : new double[n];
        }
        /** Block size: OP V[j] = Σ_{i ≤ j+bs} H[i][j] V[i]; the last bs vectors are the residual block. */
        final int bs;
        double[][] V;
        final double[][] H;     // (m+bs) x m
        /** Whether the last expand stopped early because the wanted values converged. */
        private boolean exitedEarly;
        final Random rnd = new Random(20011);
        final double normA;
        int solves;

        final int earlyExitSize;
        final Which which;
        final int verifyRestarts;
        final Stage stage;
        /** Verification restarts requested: every pass fills the whole space (no early exit). */
        boolean verifying;
        /** RIGHTMOST_OFF_AXIS: the |Im λ| from which a Ritz value is wanted first. */
        double minIm;
        int maxRestarts = MAX_RESTARTS;
        /** How many Ritz values to extract and residual-check at the end (at least {@code want}). */
        int extract;
        /** RIGHTMOST_OFF_AXIS: the line Re λ = leftOf that the oscillating modes must be shown to lie left of (NaN: none). */
        double leftOf = Double.NaN;
        private int resolvedSince = -1;
        private boolean resolvedLeft;

        Arnoldi(DMatrixSparseCSC a, double sigma, SparseLU lu, int n, int m, int want, int earlyExitSize, Which which,
                int verifyRestarts, Stage stage, int block) {
            this.a = a; this.sigma = sigma; this.lu = lu; this.n = n; this.m = m; this.want = want;
            this.earlyExitSize = earlyExitSize;
            this.which = which; this.verifyRestarts = verifyRestarts; this.stage = stage;
            this.verifying = verifyRestarts > 0;
            if (block < 1 || (block > 1 && block > m / 4)) throw new IllegalArgumentException("ShiftInvertEigen: block size " + block + " for a space of " + m);
            this.bs = block;
            V = new double[m + bs][];
            H = new double[m + bs][m];
            double na = 0;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = a.col_idx[j]; q < a.col_idx[j + 1]; q++) s += Math.abs(a.nz_values[q]);
                na = Math.max(na, s);
            }
            normA = na;
        }

        /** Start directions to blend into the first block (see {@link #startBlock()}), or null. */
        double[][] start;

        Search run() {
            startBlock();
            int k = 0;
            List<Ritz> ritz = null;
            int restart, stable = 0, streakStart = 0;
            boolean conv = false;
            List<Complex> lastTop = null;
            for (restart = 0; restart < maxRestarts; restart++) {
                int mm = expand(k);
                ritz = ritzPairs(mm);
                if (resolvedLeft || resolvedLeft(ritz)) { resolvedLeft = true; break; }
                conv = exitedEarly || converged(ritz) || m == n;
                if (conv && (verifyRestarts == 0 || exitedEarly || m == n)) break;
                if (conv) {
                    // verification sweep: go on until the wanted set has not changed over verifyRestarts restarts
                    List<Complex> top = wanted(ritz);
                    stable = lastTop != null && sameValues(top, lastTop) ? stable + 1 : 0;
                    if (stable == 0) streakStart = solves;
                    lastTop = top;
                    if (stable >= verifyRestarts) break;
                } else {
                    stable = 0;
                    lastTop = null;
                }
                if (stage != null) stage.update(Double.NaN, String.format(java.util.Locale.ROOT, "restart %d, %d solves, %s, rightmost Ritz value %s",
                        restart + 1, solves, conv ? "verifying (" + stable + "/" + verifyRestarts + " restarts unchanged)" : convergedCount(ritz) + " of " + want + " wanted Ritz values converged",
                        ritz.isEmpty() ? "-" : lambda(ritz.get(0))));
                // keep about half of the space: wanted ones plus the next best
                int keep = Math.min(m - 1 - bs, want + Math.max(2, (m - want) / 2));
                if (keep < 1) keep = 1;
                // do not split a pair
                int cnt = 0;
                for (int i = 0; i < ritz.size(); ) {
                    int g = ritz.get(i).im != 0 && i + 1 < ritz.size() ? 2 : 1;
                    if (cnt + g > keep) break;
                    cnt += g; i += g;
                }
                if (cnt == 0) cnt = Math.min(2, ritz.size());
                if (restart == maxRestarts - 1) break;   // out of budget: keep the full basis the Ritz pairs refer to
                k = restartWith(ritz.subList(0, cnt));
            }
            if (DEBUG) {
                System.err.println("restarts=" + restart + " basis=" + ritz.size() + " solves=" + solves);
                for (Ritz r : ritz) System.err.printf("  theta=%g%+gi res=%.3e lam=%s%n", r.re, r.im, r.res, sigma + r.re / (r.re * r.re + r.im * r.im));
            }
            if (resolvedLeft) return new Search(List.of(), solves, restart, 0, 0, false, normA, true, null);
            double[][] seed = which == Which.RIGHTMOST_REAL ? oscillatingSeed(ritz) : null;
            // extract and verify
            List<Complex> out = new ArrayList<>();
            int taken = 0;
            for (int i = 0; i < ritz.size() && taken < Math.max(want, extract); ) {
                Ritz r = ritz.get(i);
                int g = r.im != 0 && i + 1 < ritz.size() ? 2 : 1;
                Complex lam = verify(r);
                if (lam != null) {
                    out.add(lam);
                    if (g == 2) out.add(lam.conj());
                    taken += g;
                }
                i += g;
            }
            if (which == Which.RIGHTMOST_OFF_AXIS) out.removeIf(z -> Math.abs(z.im()) < minIm);
            if (which == Which.RIGHTMOST_REAL) out.removeIf(z -> Math.abs(z.im()) >= minIm);
            if (which == Which.NEAREST)
                out.sort(Comparator.comparingDouble((Complex z) -> Math.hypot(z.re() - sigma, z.im())).thenComparing(z -> -z.im()));
            else out.sort(Comparator.comparingDouble((Complex z) -> -z.re()).thenComparing(z -> -z.im()));
            return new Search(out, solves, restart, stable, stable > 0 ? solves - streakStart : 0, conv, normA, false, seed);
        }

        /**
         * The first block V[0..bs): random unit vectors, the given start directions (if any) blended in half and half so
         * that every eigendirection keeps a random weight. One vector (bs = 1) takes the sum of the start directions.
         */
        private void startBlock() {
            for (int c = 0; c < bs; c++) {
                double[] v = randomUnit(0);
                double[] d = null;
                if (start != null && bs == 1) {
                    d = new double[n];
                    for (double[] s0 : start) axpy(1, s0, d);
                } else if (start != null && c < start.length) d = start[c].clone();
                if (d != null) {
                    double nd = norm(d);
                    if (nd > 0) { for (int i = 0; i < n; i++) v[i] += d[i] / nd; }
                }
                for (int pass = 0; pass < 2; pass++)
                    for (int j = 0; j < c; j++) { double h = dot(V[j], v); axpy(-h, V[j], v); }
                divide(v, norm(v));
                V[c] = v;
            }
        }

        /**
         * The rightmost oscillating Ritz pair (|Im λ| ≥ minIm) of the current basis as two real vectors {Re z, Im z}
         * (‖z‖ = 1), or null if there is none: the RIGHTMOST_REAL search ranks these last, but its space holds them.
         */
        private double[][] oscillatingSeed(List<Ritz> ritz) {
            Ritz best = null;
            double bestRe = Double.NEGATIVE_INFINITY;
            for (Ritz r : ritz) {
                if (r.yr == null || r.im <= 0) continue;
                Complex l = lambda(r);
                if (Math.abs(l.im()) >= minIm && l.re() > bestRe) { bestRe = l.re(); best = r; }
            }
            if (best == null) return null;
            double[] zr = new double[n], zi = new double[n];
            for (int j = 0; j < best.yr.length; j++) { axpy(best.yr[j], V[j], zr); axpy(best.yi[j], V[j], zi); }
            double nz = Math.sqrt(dot(zr, zr) + dot(zi, zi));
            if (!(nz > 0)) return null;
            divide(zr, nz);
            divide(zi, nz);
            return new double[][]{zr, zi};
        }

        /** Whether the search checks {@link #resolvedLeft(List)} at all. */
        private boolean checksLine() { return which == Which.RIGHTMOST_OFF_AXIS && Double.isFinite(leftOf); }

        /**
         * Whether the rightmost oscillating Ritz value (the first in the RIGHTMOST_OFF_AXIS order) has lain left of
         * {@link #leftOf} by {@value #RESOLVED_MARGIN} error estimates at every check of the last
         * {@value #RESOLVED_SOLVES} solves (and at a check at least that long ago).
         */
        private boolean resolvedLeft(List<Ritz> ritz) {
            if (!checksLine() || ritz.isEmpty()) return false;
            Ritz r = ritz.get(0);
            double t2 = r.re * r.re + r.im * r.im;
            Complex l = lambda(r);
            boolean left = Math.abs(l.im()) < minIm                  // no oscillating Ritz value in the space at all
                    || l.re() + RESOLVED_MARGIN * r.res / t2 < leftOf;
            if (!left) resolvedSince = -1;
            else if (resolvedSince < 0) resolvedSince = solves;
            if (DEBUG) System.err.printf("  off-axis check at %d solves: lead %s, |dlambda| ~ %.3e, line %.6g: %s%n", solves, l, r.res / t2, leftOf, left ? "left" : "open");
            return left && solves - resolvedSince >= RESOLVED_SOLVES;
        }

        /** λ = σ + 1/θ of a Ritz value. */
        private Complex lambda(Ritz r) {
            double t2 = r.re * r.re + r.im * r.im;
            return new Complex(sigma + r.re / t2, -r.im / t2);
        }

        /** The wanted Ritz values (the first {@code want} in the order, pairs whole), as λ. */
        private List<Complex> wanted(List<Ritz> ritz) {
            List<Complex> out = new ArrayList<>();
            for (int i = 0; i < ritz.size() && out.size() < want; i++) out.add(lambda(ritz.get(i)));
            return out;
        }

        private int convergedCount(List<Ritz> ritz) {
            int c = 0;
            for (int i = 0; i < Math.min(want, ritz.size()); i++) if (ritz.get(i).res <= TOL * ritz.get(i).abs()) c++;
            return c;
        }

        private static boolean sameValues(List<Complex> x, List<Complex> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++)
                if (x.get(i).minus(y.get(i)).abs() > 1e-8 * Math.max(1e-300, Math.max(x.get(i).abs(), y.get(i).abs()))) return false;
            return true;
        }

        /** The order of {@code which}: larger is wanted first. */
        private double rank(double re, double im) {
            if (which == Which.NEAREST) return Math.hypot(re, im);
            double t2 = re * re + im * im;
            double lr = sigma + re / t2;
            if (t2 == 0 || lr >= sigma) return Double.NEGATIVE_INFINITY;
            boolean oscillating = Math.abs(im) / t2 >= minIm;
            if (which == Which.RIGHTMOST_REAL && oscillating) return Double.NEGATIVE_INFINITY;
            // oscillating first: shifted above every real part (|Re λ| ≤ ‖A‖₁)
            return which == Which.RIGHTMOST_OFF_AXIS && oscillating ? lr + 4 * normA + 1 : lr;
        }

        private boolean converged(List<Ritz> ritz) {
            int wantedCount = 0;
            for (int i = 0; i < ritz.size() && wantedCount < want; ) {
                Ritz r = ritz.get(i);
                int g = r.im != 0 && i + 1 < ritz.size() ? 2 : 1;
                for (int t = 0; t < g; t++) if (!(ritz.get(i + t).res <= TOL * ritz.get(i + t).abs())) return false;
                wantedCount += g;
                i += g;
            }
            return true;
        }

        private double[] randomUnit(int orthTo) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = rnd.nextDouble() - 0.5;
            for (int pass = 0; pass < 2; pass++)
                for (int j = 0; j < orthTo; j++) { double h = dot(V[j], v); axpy(-h, V[j], v); }
            double nv = norm(v);
            for (int i = 0; i < n; i++) v[i] /= nv;
            return v;
        }

        /**
         * Block Arnoldi steps from column k (bs columns, one block solve, at a time) while they fit in m; H rows
         * 0..k+bs hold the restarted decomposition. Returns the basis size reached, smaller when the wanted Ritz
         * pairs converged early ({@link #exitedEarly}) or the line test succeeded.
         */
        private int expand(int k) {
            double[] h = new double[m + bs];
            exitedEarly = false;
            int first = solves;   // the checks below run every 2 (every RESOLVED_CHECK) solves counted from here
            int mm = k;
            for (int j = k; j + bs <= m; j += bs) {
                double[][] w = new double[bs][];
                for (int c = 0; c < bs; c++) w[c] = spareOrNew();   // the solve writes every entry
                if (bs == 1) lu.solve(V[j], w[0], scratch);
                else lu.solve(Arrays.copyOfRange(V, j, j + bs), w, scratch);
                solves += bs;
                if (bs == 4) step4(j, w);
                else for (int c = 0; c < bs; c++) step(j + c, w[c], h);
                mm = j + bs;
                // early exit: the Ritz vectors (inverse iteration per value, O(mm^3) each) are only computed once
                // the wanted Ritz values have stopped moving, which costs one small eigenvalue solve per check
                if (!verifying && n > earlyExitSize && mm + bs <= m && mm >= Math.max(want + 6, 10) && crossed(first, 2)
                        && settled(mm) && converged(ritzPairs(mm, want + 1))) { exitedEarly = true; return mm; }
                // the line test between restarts too: a large solve costs more than the small eigenproblem
                if (checksLine() && n > earlyExitSize && mm + bs <= m && mm >= 10 && crossed(first, RESOLVED_CHECK) && resolvedLeft(ritzPairs(mm, 1))) {
                    resolvedLeft = true;
                    return mm;
                }
            }
            return mm;
        }

        /** Whether the last block step's solves passed a multiple of {@code every} solves counted from {@code first}. */
        private boolean crossed(int first, int every) {
            return (solves - first) / every > (solves - bs - first) / every;
        }

        /**
         * One (block) Arnoldi step: w = OP V[j] orthogonalised against V[0..j+bs) becomes V[j+bs], its coefficients
         * column j of H. Its own method (not the body of
         * expand's loop) so that C2 compiles it once by its invocation count: as a loop body inlined into expand
         * it was compiled on the stack and recompiled after each deoptimisation when the loop first exited
         * (six C2 compilations of expand, ~470 ms of a cold btc N = 256 spectrum).
         */
        private void step(int j, double[] w, double[] h) {
            int top = j + bs - 1;   // w is orthogonalised against V[0..top] and becomes V[top + 1]
            Arrays.fill(h, 0);
            double wn0 = Math.sqrt(dotsWith(top + 1, w, h));
            // classical Gram-Schmidt (pass 1) + DGKS reorthogonalisation (pass 2) when pass 1 cancelled more than
            // 1 − 1/√2 of the norm (Daniel, Gragg, Kaufman & Stewart 1976; ARPACK's test). Pass 1's update is fused
            // with pass 2's dots (subtractThenDot), so the two passes read the basis three times, not four (pass 2
            // runs for almost every vector of a converging shift-invert space)
            double[] h2 = new double[top + 1];
            double wn = Math.sqrt(subtractThenDot(top + 1, h, w, h2));
            if (wn < DGKS * wn0) {
                wn = Math.sqrt(subtractThenDot(top + 1, h2, w, null));
                for (int i = 0; i <= top; i++) h[i] += h2[i];
            }
            for (int i = 0; i <= top; i++) H[i][j] = h[i];
            append(j, top + 1, w, wn, wn0);
        }

        /**
         * Per-chunk partial sums of the Gram–Schmidt sweeps, reduced in chunk order afterwards: the same sums whether
         * the chunks ran on one thread or, with the other core free ({@link DenseKernels#overChunks}), on two.
         */
        private double[] part = new double[0];

        private double[] part(int len) { if (part.length < len) part = new double[len]; return part; }

        /** out_i = V_i · w for i &lt; count; returns ‖w‖². */
        private double dotsWith(int count, double[] w, double[] out) {
            int width = count + 1, chunks = (n + CHUNK - 1) / CHUNK;
            double[] pt = part(chunks * width);
            DenseKernels.overChunks(chunks, (from, to) -> {
                for (int c = from; c < to; c++) {
                    int c0 = c * CHUNK, c1 = Math.min(n, c0 + CHUNK), o = c * width;
                    for (int i = 0; i < count; i++) pt[o + i] = dotRange(V[i], w, c0, c1);
                    pt[o + count] = dotRange(w, w, c0, c1);
                }
            });
            return reduce(pt, chunks, width, count, out);
        }

        /**
         * w −= Σ_{i &lt; count} h_i V_i, and (g non-null) g_i = V_i · w of the updated w, chunk by chunk (the chunk of every
         * V_i is read from memory once for both: a basis of 40 vectors of 131k entries is 42 MB, far beyond the core's
         * cache, and its chunks of {@value ShiftInvertEigen#CHUNK} entries are 330 KB); returns ‖w‖² of the updated w.
         */
        private double subtractThenDot(int count, double[] h, double[] w, double[] g) {
            int width = (g == null ? 0 : count) + 1, chunks = (n + CHUNK - 1) / CHUNK;
            double[] pt = part(chunks * width);
            DenseKernels.overChunks(chunks, (from, to) -> {
                for (int c = from; c < to; c++) {
                    int c0 = c * CHUNK, c1 = Math.min(n, c0 + CHUNK), o = c * width;
                    for (int i = 0; i < count; i++) addScaled(-h[i], V[i], w, c0, c1);
                    if (g != null) for (int i = 0; i < count; i++) pt[o + i] = dotRange(V[i], w, c0, c1);
                    pt[o + width - 1] = dotRange(w, w, c0, c1);
                }
            });
            return reduce(pt, chunks, width, width - 1, g);
        }

        /**
         * out_i = Σ_c pt[c·width + i] (i &lt; count, out may be null when count is 0); returns Σ_c pt[c·width + count]
         * (0 when count = width).
         */
        private static double reduce(double[] pt, int chunks, int width, int count, double[] out) {
            if (count > 0) Arrays.fill(out, 0, count, 0);
            double ww = 0;
            for (int c = 0; c < chunks; c++) {
                int o = c * width;
                for (int i = 0; i < count; i++) out[i] += pt[o + i];
                if (count < width) ww += pt[o + count];
            }
            return ww;
        }

        /**
         * The orthogonalised w (norm wn, wn0 before) becomes basis vector V[top] and H[top][j] its coefficient; on a
         * breakdown (w cancelled to round-off) a random unit vector orthogonal to V[0..top) takes its place.
         */
        private void append(int j, int top, double[] w, double wn, double wn0) {
            if (wn <= 1e-12 * Math.max(wn0, Double.MIN_NORMAL)) {
                H[top][j] = 0;
                V[top] = (top < n) ? randomUnit(top) : new double[n];
            } else {
                H[top][j] = wn;
                divide(w, wn);
                V[top] = w;
            }
        }

        /**
         * {@link #step} for a block of four, as classical Gram–Schmidt with reorthogonalisation always on (CGS2, "twice
         * is enough": Giraud, Langou &amp; Rozložník 2005): the four vectors against the old basis V[0..j+4) together,
         * twice, each pass reading every basis vector once for all four ({@link #dots4}, {@link #subtract4}); then each
         * against the block's vectors made before it, also twice. {@link #step}'s DGKS test called for the second pass
         * for 97% of phase 1's vectors anyway (btc N = 512), one vector at a time: four vectors cost 16 reads of the
         * basis there and 4 here. btc N = 512, phase 1's Gram–Schmidt per block (two blocks side by side sharing the
         * memory bus): 0.38–0.49 s against 0.56–0.77 s, the same solve counts; whole runs 6.3–6.5 s against 6.6–7.0 s.
         * Pass 1's update and pass 2's dots go through the basis together, chunk by chunk: three reads of it, not four.
         */
        private void step4(int j, double[][] w) {
            int base = j + 4;
            double[] wn0 = new double[4];
            for (int c = 0; c < 4; c++) wn0[c] = norm(w[c]);
            double[] h4 = new double[4 * base], g4 = new double[4 * base];
            int width = 4 * base, chunks = (n + CHUNK - 1) / CHUNK;
            double[] pt = part(chunks * width);
            DenseKernels.overChunks(chunks, (from, to) -> {
                for (int c = from; c < to; c++) {
                    int c0 = c * CHUNK, c1 = Math.min(n, c0 + CHUNK);
                    for (int i = 0; i < base; i++) dots4(V[i], w, pt, c * width + 4 * i, c0, c1);
                }
            });
            reduce(pt, chunks, width, width, h4);
            // pass 1's update fused with pass 2's dots, chunk by chunk (the chunks of the basis in cache for both)
            DenseKernels.overChunks(chunks, (from, to) -> {
                for (int c = from; c < to; c++) {
                    int c0 = c * CHUNK, c1 = Math.min(n, c0 + CHUNK);
                    for (int i = 0; i < base; i++) subtract4(V[i], w, h4, i, c0, c1);
                    for (int i = 0; i < base; i++) dots4(V[i], w, pt, c * width + 4 * i, c0, c1);
                }
            });
            reduce(pt, chunks, width, width, g4);
            DenseKernels.overChunks(chunks, (from, to) -> {
                int lo = from * CHUNK, hi = Math.min(n, to * CHUNK);
                for (int i = 0; i < base; i++) subtract4(V[i], w, g4, i, lo, hi);
            });
            for (int c = 0; c < 4; c++) {
                int jj = j + c, top = base + c;   // w[c] becomes V[top]; H column jj has rows 0..top
                double[] wc = w[c];
                for (int i = 0; i < base; i++) H[i][jj] = h4[4 * i + c] + g4[4 * i + c];
                for (int i = base; i < top; i++) H[i][jj] = 0;
                for (int pass = 0; pass < 2; pass++)
                    for (int i = base; i < top; i++) { double d = dot(V[i], wc); axpy(-d, V[i], wc); H[i][jj] += d; }
                append(jj, top, wc, norm(wc), wn0[c]);
            }
        }

        /** out[o + c] = v · w[c] over entries [lo, hi) for the four vectors w, reading v once. */
        private static void dots4(double[] v, double[][] w, double[] out, int o, int lo, int hi) {
            double[] w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3];
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int k = lo; k < hi; k++) { double x = v[k]; a0 += x * w0[k]; a1 += x * w1[k]; a2 += x * w2[k]; a3 += x * w3[k]; }
            out[o] = a0; out[o + 1] = a1; out[o + 2] = a2; out[o + 3] = a3;
        }

        /** w[c] −= h[4i + c] V_i over entries [lo, hi) for the four vectors w, reading v = V_i once. */
        private static void subtract4(double[] v, double[][] w, double[] h, int i, int lo, int hi) {
            double[] w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3];
            double f0 = h[4 * i], f1 = h[4 * i + 1], f2 = h[4 * i + 2], f3 = h[4 * i + 3];
            for (int k = lo; k < hi; k++) { double x = v[k]; w0[k] -= f0 * x; w1[k] -= f1 * x; w2[k] -= f2 * x; w3[k] -= f3 * x; }
        }

        private double[] lastWanted;

        /** Whether the {@code want} largest Ritz values of H(0:mm,0:mm) agree with those of the previous check to ~sqrt(TOL). */
        private boolean settled(int mm) {
            DMatrixRMaj Hm = new DMatrixRMaj(mm, mm);
            for (int i = 0; i < mm; i++) for (int j = 0; j < mm; j++) Hm.set(i, j, H[i][j]);
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(mm, false);
            if (!eig.decompose(Hm)) return true;
            double[] abs = new double[mm];
            for (int i = 0; i < mm; i++) abs[i] = -rank(eig.getEigenvalue(i).real, eig.getEigenvalue(i).imaginary);
            Arrays.sort(abs);
            double[] now = Arrays.copyOf(abs, Math.min(mm, want + 1));
            double[] before = lastWanted;
            lastWanted = now;
            if (before == null || before.length != now.length) return false;
            for (int i = 0; i < now.length; i++)
                if (Math.abs(now[i] - before[i]) > Math.sqrt(TOL) * Math.abs(now[i])) return false;
            return true;
        }

        /** Ritz pairs of H(0:m,0:m), sorted by |θ| descending, conjugates adjacent (positive imaginary first). */
        private List<Ritz> ritzPairs(int m) { return ritzPairs(m, m); }

        /** As above; eigenvectors and residuals only for the first nvec values (others get res = +inf). */
        private List<Ritz> ritzPairs(int m, int nvec) {
            DMatrixRMaj Hm = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) Hm.set(i, j, H[i][j]);
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
            if (!eig.decompose(Hm.copy())) throw new IllegalStateException("ShiftInvertEigen: dense eigensolver failed");
            double hn = 0;
            for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) hn = Math.max(hn, Math.abs(H[i][j]));
            boolean[] used = new boolean[m];
            Complex_F64[] ev = new Complex_F64[m];
            for (int i = 0; i < m; i++) ev[i] = eig.getEigenvalue(i);
            List<Ritz[]> groups = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (used[i]) continue;
                used[i] = true;
                double re = ev[i].real, im = ev[i].imaginary;
                if (im != 0) {
                    int best = -1; double bd = Double.MAX_VALUE;   // conjugate partner
                    for (int j = 0; j < m; j++) if (!used[j]) {
                        double d = Math.hypot(ev[j].real - re, ev[j].imaginary + im);
                        if (d < bd) { bd = d; best = j; }
                    }
                    if (best >= 0) used[best] = true;
                    double ai = Math.abs(im);
                    groups.add(new Ritz[]{new Ritz(re, ai, null, null), new Ritz(re, -ai, null, null)});
                } else {
                    groups.add(new Ritz[]{new Ritz(re, 0, null, null)});
                }
            }
            groups.sort(Comparator.comparingDouble((Ritz[] g) -> -rank(g[0].re, g[0].im)));
            List<Ritz> out = new ArrayList<>();
            for (Ritz[] g : groups) {
                if (out.size() < nvec) {
                    double[][] y = inverseIteration(Hm, g[0].re, Math.abs(g[0].im), hn);
                    g[0].yr = y[0]; g[0].yi = y[1];
                    if (g.length == 2) { g[1].yr = y[0]; g[1].yi = negate(y[1]); }
                    for (Ritz r : g) {   // residual estimate ‖B y‖, B the bs rows below H(0:m,0:m)
                        double s2 = 0;
                        for (int b = 0; b < bs; b++) {
                            double sr = 0, si = 0;
                            double[] hb = H[m + b];
                            for (int j = 0; j < m; j++) { sr += hb[j] * r.yr[j]; si += hb[j] * r.yi[j]; }
                            s2 += sr * sr + si * si;
                        }
                        r.res = Math.sqrt(s2);
                    }
                } else {
                    for (Ritz r : g) r.res = Double.POSITIVE_INFINITY;
                }
                out.addAll(Arrays.asList(g));
            }
            return out;
        }

        /** Unit eigenvector (real, imag parts) of the dense matrix for the eigenvalue re + i im. */
        private double[][] inverseIteration(DMatrixRMaj Hm, double re, double im, double hn) {
            int k = Hm.numRows;
            // complex matrix M = H - θ I, perturbed slightly
            double pert = 1e-13 * Math.max(hn, Double.MIN_NORMAL);
            double[] mr = new double[k * k], mi = new double[k * k];
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) mr[i * k + j] = Hm.get(i, j);
            for (int i = 0; i < k; i++) { mr[i * k + i] -= re + pert; mi[i * k + i] -= im; }
            int[] piv = new int[k];
            complexLu(mr, mi, k, piv, pert);
            double[] xr = new double[k], xi = new double[k];
            Random r = new Random(7);
            for (int i = 0; i < k; i++) xr[i] = 1 + 0.1 * r.nextDouble();
            for (int it = 0; it < 3; it++) {
                complexSolve(mr, mi, k, piv, xr, xi);
                double s = 0;
                for (int i = 0; i < k; i++) s += xr[i] * xr[i] + xi[i] * xi[i];
                s = Math.sqrt(s);
                for (int i = 0; i < k; i++) { xr[i] /= s; xi[i] /= s; }
            }
            return new double[][]{xr, xi};
        }

        /** Restarts with the real span of the given Ritz vectors; returns the new basis size. */
        private int restartWith(List<Ritz> keep) {
            int d = keep.get(0).yr.length;   // the basis size the Ritz vectors refer to; V[d..d+bs) the residual block
            List<double[]> cols = new ArrayList<>();
            for (int i = 0; i < keep.size(); ) {
                Ritz r = keep.get(i);
                cols.add(r.yr.clone());
                if (r.im != 0) { cols.add(r.yi.clone()); i += 2; } else i++;
            }
            // modified Gram-Schmidt, twice, dropping dependent columns
            List<double[]> q = new ArrayList<>();
            for (double[] c : cols) {
                double n0 = normS(c);
                for (int pass = 0; pass < 2; pass++)
                    for (double[] qq : q) { double h = dotS(qq, c); for (int i = 0; i < d; i++) c[i] -= h * qq[i]; }
                double nc = normS(c);
                if (nc > 1e-8 * n0) { for (int i = 0; i < d; i++) c[i] /= nc; q.add(c); }
            }
            int kk = q.size();
            // T = Q^T H Q, B' = B Q (B: the bs residual rows)
            double[][] HQ = new double[d + bs][kk];
            for (int i = 0; i < d + bs; i++)
                for (int c = 0; c < kk; c++) {
                    double s = 0; double[] qc = q.get(c);
                    for (int j = 0; j < d; j++) s += H[i][j] * qc[j];
                    HQ[i][c] = s;
                }
            double[][] T = new double[kk][kk];
            for (int r = 0; r < kk; r++) {
                double[] qr = q.get(r);
                for (int c = 0; c < kk; c++) { double s = 0; for (int i = 0; i < d; i++) s += qr[i] * HQ[i][c]; T[r][c] = s; }
            }
            // V <- V Q, then the residual block
            double[][] nv = new double[m + bs][];
            for (int c = 0; c < kk; c++) { nv[c] = spareOrNew(); Arrays.fill(nv[c], 0.0); }   // combine adds into them
            combine(V, d, q, nv, n);
            for (int r = 0; r < bs; r++) nv[kk + r] = V[d + r];
            for (int j = 0; j < d; j++) spare.addLast(V[j]);
            V = nv;
            for (double[] row : H) Arrays.fill(row, 0);
            for (int r = 0; r < kk; r++) System.arraycopy(T[r], 0, H[r], 0, kk);
            for (int r = 0; r < bs; r++) System.arraycopy(HQ[d + r], 0, H[kk + r], 0, kk);
            return kk;
        }

        /**
         * out[c] = Σ_j q[c][j] V[j], in row blocks that keep the touched rows of V and out in cache. A method of
         * its own (C2 compiles this loop nest once instead of as an on-stack replacement inside restartWith).
         */
        private static void combine(double[][] V, int m, List<double[]> q, double[][] out, int n) {
            final int BS = 2048;
            for (int i0 = 0; i0 < n; i0 += BS) {
                int i1 = Math.min(n, i0 + BS);
                for (int j = 0; j < m; j++) {
                    double[] vj = V[j];
                    for (int c = 0; c < q.size(); c++) {
                        double f = q.get(c)[j];
                        if (f != 0) addScaled(f, vj, out[c], i0, i1);
                    }
                }
            }
        }

        private static void addScaled(double f, double[] x, double[] y, int i0, int i1) {
            for (int i = i0; i < i1; i++) y[i] += f * x[i];
        }

        /** Ritz vector, verification on A, refinement by inverse iteration; null if it fails. */
        private Complex verify(Ritz r) {
            double[] zr = new double[n], zi = new double[n];
            for (int j = 0; j < r.yr.length; j++) {
                double fr = r.yr[j], fi = r.yi[j];
                double[] vj = V[j];
                if (fr != 0) axpy(fr, vj, zr);
                if (fi != 0) axpy(fi, vj, zi);
            }
            double t2 = r.re * r.re + r.im * r.im;
            double lr = sigma + r.re / t2, li = r.im == 0 ? 0.0 : -r.im / t2;   // no -0.0 for real eigenvalues
            for (int it = 0; it <= 3; it++) {
                if (residualOk(zr, zi, lr, li)) return new Complex(lr, li);
                if (it == 3) break;
                // inverse iteration step on OP with Rayleigh quotient θ = z^H OP z / z^H z
                double[] wr = new double[n], wi = new double[n];
                lu.solve(zr, wr);
                if (li != 0) lu.solve(zi, wi);
                double zz = dot(zr, zr) + dot(zi, zi);
                double tr = (dot(zr, wr) + dot(zi, wi)) / zz;
                double ti = (dot(zr, wi) - dot(zi, wr)) / zz;
                double tt = tr * tr + ti * ti;
                lr = sigma + tr / tt; li = li == 0 ? 0 : -ti / tt;
                double nw = Math.sqrt(dot(wr, wr) + dot(wi, wi));
                for (int i = 0; i < n; i++) { zr[i] = wr[i] / nw; zi[i] = wi[i] / nw; }
            }
            return null;
        }

        private boolean residualOk(double[] zr, double[] zi, double lr, double li) {
            double[] ar = new double[n], ai = new double[n];
            mult(zr, ar);
            boolean cplx = li != 0 || norm(zi) != 0;
            if (cplx) mult(zi, ai);
            double s = 0;
            for (int i = 0; i < n; i++) {
                double rr = ar[i] - (lr * zr[i] - li * zi[i]);
                double ri = ai[i] - (lr * zi[i] + li * zr[i]);
                s += rr * rr + ri * ri;
            }
            double zn = Math.sqrt(dot(zr, zr) + dot(zi, zi));
            if (DEBUG) System.err.printf("  verify lam=%g%+gi resid=%.3e bound=%.3e%n", lr, li, Math.sqrt(s) / zn, RESIDUAL_TOL * Math.max(normA, Math.hypot(lr, li)));
            return Math.sqrt(s) <= RESIDUAL_TOL * Math.max(normA, Math.hypot(lr, li)) * zn;
        }

        private void mult(double[] x, double[] y) {
            Arrays.fill(y, 0);
            for (int j = 0; j < n; j++) {
                double xj = x[j];
                if (xj == 0) continue;
                for (int q = a.col_idx[j]; q < a.col_idx[j + 1]; q++) y[a.nz_rows[q]] += a.nz_values[q] * xj;
            }
        }
    }

    // ---- small helpers ----

    private static double[] negate(double[] v) { double[] r = new double[v.length]; for (int i = 0; i < v.length; i++) r[i] = -v[i]; return r; }

    /** Entries per chunk of the fused Gram–Schmidt passes: 44 basis vectors' chunks (360 KB) stay in the core's 2 MB cache. */
    static final int CHUNK = 1024;

    /** x[lo..hi) · y[lo..hi), four partial sums as {@link #dot}. */
    private static double dotRange(double[] x, double[] y, int lo, int hi) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = lo;
        for (; i + 4 <= hi; i += 4) { s0 += x[i] * y[i]; s1 += x[i + 1] * y[i + 1]; s2 += x[i + 2] * y[i + 2]; s3 += x[i + 3] * y[i + 3]; }
        for (; i < hi; i++) s0 += x[i] * y[i];
        return (s0 + s1) + (s2 + s3);
    }

    private static double dot(double[] x, double[] y) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = x.length, i = 0;
        for (; i + 4 <= n; i += 4) { s0 += x[i] * y[i]; s1 += x[i + 1] * y[i + 1]; s2 += x[i + 2] * y[i + 2]; s3 += x[i + 3] * y[i + 3]; }
        for (; i < n; i++) s0 += x[i] * y[i];
        return (s0 + s1) + (s2 + s3);
    }

    private static double norm(double[] x) { return Math.sqrt(dot(x, x)); }

    private static void axpy(double a, double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] += a * x[i]; }

    private static void divide(double[] x, double d) { for (int i = 0; i < x.length; i++) x[i] /= d; }

    private static double dotS(double[] x, double[] y) { double s = 0; for (int i = 0; i < x.length; i++) s += x[i] * y[i]; return s; }

    private static double normS(double[] x) { return Math.sqrt(dotS(x, x)); }

    /** In-place complex LU with partial pivoting; zero pivots replaced by {@code tiny}. */
    private static void complexLu(double[] ar, double[] ai, int k, int[] piv, double tiny) {
        for (int c = 0; c < k; c++) {
            int p = c; double best = -1;
            for (int i = c; i < k; i++) { double v = Math.hypot(ar[i * k + c], ai[i * k + c]); if (v > best) { best = v; p = i; } }
            piv[c] = p;
            if (p != c) for (int j = 0; j < k; j++) {
                double t = ar[p * k + j]; ar[p * k + j] = ar[c * k + j]; ar[c * k + j] = t;
                t = ai[p * k + j]; ai[p * k + j] = ai[c * k + j]; ai[c * k + j] = t;
            }
            double dr = ar[c * k + c], di = ai[c * k + c];
            if (Math.hypot(dr, di) < tiny) { dr = tiny; di = 0; ar[c * k + c] = dr; ai[c * k + c] = 0; }
            double dd = dr * dr + di * di;
            for (int i = c + 1; i < k; i++) {
                double xr = ar[i * k + c], xi = ai[i * k + c];
                double lr = (xr * dr + xi * di) / dd, li = (xi * dr - xr * di) / dd;
                ar[i * k + c] = lr; ai[i * k + c] = li;
                for (int j = c + 1; j < k; j++) {
                    double ur = ar[c * k + j], ui = ai[c * k + j];
                    ar[i * k + j] -= lr * ur - li * ui;
                    ai[i * k + j] -= lr * ui + li * ur;
                }
            }
        }
    }

    private static void complexSolve(double[] ar, double[] ai, int k, int[] piv, double[] xr, double[] xi) {
        for (int c = 0; c < k; c++) {
            int p = piv[c];
            if (p != c) { double t = xr[p]; xr[p] = xr[c]; xr[c] = t; t = xi[p]; xi[p] = xi[c]; xi[c] = t; }
            for (int i = c + 1; i < k; i++) {
                double lr = ar[i * k + c], li = ai[i * k + c];
                xr[i] -= lr * xr[c] - li * xi[c];
                xi[i] -= lr * xi[c] + li * xr[c];
            }
        }
        for (int c = k - 1; c >= 0; c--) {
            double sr = xr[c], si = xi[c];
            for (int j = c + 1; j < k; j++) {
                double ur = ar[c * k + j], ui = ai[c * k + j];
                sr -= ur * xr[j] - ui * xi[j];
                si -= ur * xi[j] + ui * xr[j];
            }
            double dr = ar[c * k + c], di = ai[c * k + c], dd = dr * dr + di * di;
            xr[c] = (sr * dr + si * di) / dd;
            xi[c] = (si * dr - sr * di) / dd;
        }
    }
}
