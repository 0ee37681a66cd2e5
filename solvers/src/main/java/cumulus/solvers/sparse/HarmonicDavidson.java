package cumulus.solvers.sparse;

import cumulus.api.Complex;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The rightmost eigenvalues of a large sparse real matrix A by a preconditioned (generalized) Davidson method with
 * harmonic Ritz extraction about a real shift σ to the right of the spectrum, for matrices whose LU is too
 * expensive but which have a good approximate inverse M ≈ (A − σI)^{-1} (the permutation-invariant Liouvillian:
 * block-Jacobi over slabs of total-spin sectors, {@link BlockGmres#precondition}).
 *
 * <p>Algorithm (Morgan, Lin. Alg. Appl. 154 (1991) 289; Sleijpen &amp; van der Vorst, SIAM J. Matrix Anal. Appl. 17
 * (1996) 401, the harmonic form): a real basis V with W = (A − σI)V orthonormal, so that the harmonic Ritz values
 * are the eigenvalues μ of the small matrix B = WᵀV — the Ritz values of (A − σI)^{-1} on span W, exactly the
 * quantities the shift-invert Arnoldi of {@link RightmostEigen} ranks — λ = σ + 1/μ, with the Ritz vector u = Vz and
 * its residual r = Wz − u/μ = Au − λu available without a product with A. The basis grows by t = M r of the first
 * not yet converged wanted pair (real and imaginary parts); with M = (A − σI)^{-1} exactly, t spans the shift-invert
 * Krylov space, so this is shift-invert Arnoldi with the solves replaced by one application of the preconditioner.
 * The ordering is that of RightmostEigen: largest Re λ first, values with Re λ ≥ σ (outside the spectrum's
 * half-plane: spurious) last.
 *
 * <p>Certificate, as in RightmostEigen: after the wanted pairs converged the basis keeps growing for
 * {@code verifySteps} further expansions (with the residuals of the next pairs in the order, i.e. exploring to the
 * left of and around the wanted ones), and the wanted set must stay the same over them; every reported eigenvalue's
 * residual is then recomputed with A itself.
 */
public final class HarmonicDavidson {
    /** Convergence: ‖Au − λu‖ ≤ TOL · max(‖A‖₁, |λ|) ‖u‖. */
    static final double TOL = Double.parseDouble(System.getProperty("cumulus.piqs.spectrum.tol", "3e-14"));

    /** t = M r for an approximate inverse M ≈ (A − σI)^{-1}; r is not modified. */
    @FunctionalInterface
    public interface Preconditioner {
        void apply(double[] r, double[] t);
    }

    /** What the search found: eigenvalues (rightmost first, conjugates included), work, and the sweep. */
    public record Result(List<Complex> values, List<Double> residuals, int applications, int restarts, int stableSteps,
                         boolean converged, double normA, int certified, boolean resolvedLeft) { }

    private final DMatrixSparseCSC a;
    private final double sigma;
    private final Preconditioner m;
    private final int n, maxBasis;
    private final double normA;
    private final List<double[]> v = new ArrayList<>(), w = new ArrayList<>();
    private double[][] b;
    private int applications;
    private final Stage stage;

    private HarmonicDavidson(DMatrixSparseCSC a, double sigma, Preconditioner m, int maxBasis, Stage stage) {
        this.a = a; this.sigma = sigma; this.m = m; this.n = a.numCols; this.maxBasis = maxBasis; this.stage = stage;
        this.normA = cumulus.solvers.space.SparseOps.norm1(a);
        this.b = new double[maxBasis + 2][maxBasis + 2];
    }

    /**
     * @param want the number of rightmost eigenvalues converged and verified (a conjugate pair counts two)
     * @param verifySteps expansions after convergence over which the wanted set must not change
     * @param budget preconditioner applications at most
     */
    public static Result rightmost(DMatrixSparseCSC a, double sigma, Preconditioner preconditioner, int want, int maxBasis,
                                   int verifySteps, int budget, Stage stage) {
        return rightmost(a, sigma, preconditioner, want, want, maxBasis, verifySteps, budget, stage);
    }

    /**
     * As above, and after the wanted ones up to {@code extract} − want further eigenvalues in the order, those of the
     * final basis whose residual on A passes ShiftInvertEigen's acceptance (≤ 1e-8 max(‖A‖₁, |λ|)): not converged to
     * TOL nor verified, their order is not certified (as the extra eigenvalues of RightmostEigen).
     */
    public static Result rightmost(DMatrixSparseCSC a, double sigma, Preconditioner preconditioner, int want, int extract, int maxBasis,
                                   int verifySteps, int budget, Stage stage) {
        HarmonicDavidson d = new HarmonicDavidson(a, sigma, preconditioner, maxBasis, stage);
        d.extract = Math.max(want, extract);
        return d.run(want, verifySteps, budget);
    }

    private int extract;
    /** &gt; 0: the pairs with |Im λ| ≥ minIm come first (the oscillating-mode search), and only they are reported. */
    private double minIm;

    /**
     * The rightmost pair with |Im λ| ≥ {@code minIm}: the same search with the oscillating Ritz values ordered first
     * (RightmostEigen's second search, here about σ = ω with a preconditioner of A − ωI). Not converging within the
     * budget is an answer (no such mode, or too slow), not a failure: see {@link Result#converged}.
     *
     * <p>With a finite {@code leftOf} (NaN: none; the Re λ that an oscillating mode would have to exceed to matter, e.g. the
     * union's λ1) the search stops as soon as the rightmost oscillating harmonic Ritz value has lain left of it by
     * {@link ShiftInvertEigen#RESOLVED_MARGIN} times its residual ‖Au − λu‖/‖u‖ (the first-order error estimate) at
     * every expansion over the last {@link ShiftInvertEigen#RESOLVED_SOLVES} preconditioner applications, or no
     * oscillating Ritz value is in a basis of at least {@link #RESOLVED_BASIS} vectors: the test and the constants of
     * the LU route's oscillating-mode search ({@link Result#resolvedLeft}; no values are then reported).
     */
    public static Result oscillating(DMatrixSparseCSC a, double sigma, double minIm, Preconditioner preconditioner, int maxBasis,
                                     int verifySteps, int budget, double leftOf, Stage stage) {
        HarmonicDavidson d = new HarmonicDavidson(a, sigma, preconditioner, maxBasis, stage);
        d.extract = 2;
        d.minIm = minIm;
        d.leftOf = leftOf;
        Result r = d.run(2, verifySteps, budget);
        if (r.resolvedLeft()) return r;
        List<Complex> v = new ArrayList<>();
        List<Double> res = new ArrayList<>();
        for (int i = 0; i < r.values().size(); i++)
            if (Math.abs(r.values().get(i).im()) >= minIm) { v.add(r.values().get(i)); res.add(r.residuals().get(i)); }
        return new Result(v, res, r.applications(), r.restarts(), r.stableSteps(), r.converged(), r.normA(), v.size(), false);
    }

    /** Smallest basis in which the line test may count (as the LU route's 10 vectors). */
    static final int RESOLVED_BASIS = 10;

    /** The line of the oscillating-mode search (NaN: none), and the application count since which it has been met (-1: not met). */
    private double leftOf = Double.NaN;
    private int resolvedSince = -1;

    /** Whether the rightmost oscillating pair (first in the order) is resolved left of {@link #leftOf}; see {@link #oscillating}. */
    private boolean resolvedLeft(List<Pair> pairs) {
        if (!(minIm > 0) || !Double.isFinite(leftOf) || v.size() < RESOLVED_BASIS) return false;
        Pair lead = pairs.isEmpty() ? null : pairs.get(0);
        boolean none = lead == null || Math.abs(lead.li) < minIm || lead.lr >= sigma;
        if (!none && lead.rr == null) residual(lead);
        boolean left = none || lead.lr + ShiftInvertEigen.RESOLVED_MARGIN * lead.res < leftOf;
        if (!left) resolvedSince = -1;
        else if (resolvedSince < 0) resolvedSince = applications;
        if (DEBUG) System.err.printf(Locale.ROOT, "  davidson off-axis check at %d applications: lead %s, residual %.3e, line %.6g: %s%n",
                applications, lead == null ? "-" : new Complex(lead.lr, lead.li), lead == null ? 0 : lead.res, leftOf, left ? "left" : "open");
        return left && applications - resolvedSince >= ShiftInvertEigen.RESOLVED_SOLVES;
    }

    /** Preconditioner applications allowed per further eigenvalue beyond the wanted ones. */
    static final int EXTRA_APPLICATIONS = 40;

    private static final class Pair {
        final double mr, mi;       // μ
        final double lr, li;       // λ = σ + 1/μ
        double[] zr, zi;           // small eigenvector (Re, Im)
        double res = Double.NaN;   // ‖Au − λu‖ / ‖u‖
        double[] rr, ri;           // residual vector (Re, Im)
        Pair(double mr, double mi, double sigma) {
            this.mr = mr; this.mi = mi;
            double t2 = mr * mr + mi * mi;
            lr = sigma + mr / t2;
            li = mi == 0 ? 0 : -mi / t2;
        }
        boolean complex() { return li != 0; }
    }

    private Result run(int want, int verifySteps, int budget) {
        Random rnd = new Random(20011);
        double[] t0 = new double[n];
        for (int i = 0; i < n; i++) t0[i] = rnd.nextGaussian();
        double[] p0 = new double[n];
        m.apply(t0, p0);
        applications++;
        add(p0);
        int restarts = 0, stable = 0, explore = 0;
        List<Complex> last = null;
        boolean conv = false;
        List<Pair> pairs = List.of();
        while (true) {
            long te = System.nanoTime();
            pairs = pairs();
            tEig += System.nanoTime() - te;
            if (resolvedLeft(pairs))
                return new Result(List.of(), List.of(), applications, restarts, 0, false, normA, 0, true);
            int upto = pairs.size();
            int c = 0, firstOpen = -1, got = 0;
            for (int i = 0; i < pairs.size() && got < want; i++) {
                Pair p = pairs.get(i);
                if (firstOpen >= 0) { got += p.complex() ? 2 : 1; continue; }   // the target is found; the rest is open too
                // verifying, the wanted pairs converged and stayed: their residuals are checked again with A at the end
                if (last != null) { c += p.complex() ? 2 : 1; got += p.complex() ? 2 : 1; continue; }
                if (p.rr == null) residual(p);   // the line test may have computed it
                boolean ok = p.res <= TOL * Math.max(normA, Math.hypot(p.lr, p.li));
                if (ok) c += p.complex() ? 2 : 1; else if (firstOpen < 0) firstOpen = i;
                got += p.complex() ? 2 : 1;
            }
            conv = c >= want;
            List<Complex> top = new ArrayList<>();
            for (int i = 0, g = 0; i < pairs.size() && g < want; i++) { top.add(new Complex(pairs.get(i).lr, pairs.get(i).li)); g += pairs.get(i).complex() ? 2 : 1; }
            if (conv) {
                if (last != null && !same(top, last)) { stable = 0; last = null; }   // a new wanted value: check residuals again
                else { stable = last != null ? stable + 1 : 0; last = top; }
                if (stable >= verifySteps) break;
            } else { stable = 0; last = null; }
            if (applications >= budget) break;
            if (stage != null) stage.update(Double.NaN, String.format(Locale.ROOT, "%d preconditioner applications, basis %d, %s, rightmost Ritz value %s",
                    applications, v.size(), conv ? "verifying (" + stable + "/" + verifySteps + " expansions unchanged)" : c + " of " + want + " wanted converged",
                    pairs.isEmpty() ? "-" : new Complex(pairs.get(0).lr, pairs.get(0).li)));
            // expansion: the first open wanted pair, or, verifying, the next pairs in the order in turn
            Pair target;
            if (!conv) target = pairs.get(firstOpen);
            else {
                int lo = 0;
                for (int i = 0, g = 0; i < pairs.size() && g < want; i++) { g += pairs.get(i).complex() ? 2 : 1; lo = i + 1; }
                int span = Math.max(1, Math.min(upto, lo + 6) - lo);
                target = pairs.get(Math.min(pairs.size() - 1, lo + (explore++ % span)));
                if (target.rr == null) residual(target);
            }
            if (v.size() + 2 > maxBasis) { restart(pairs, Math.max(want + 4, maxBasis / 3)); restarts++; }
            expand(target.rr);
            if (target.complex()) expand(target.ri);
        }
        if (DEBUG) System.err.printf(Locale.ROOT, "davidson n=%d: preconditioner %.2f s, orthogonalization %.2f s, residuals %.2f s, small eig %.2f s, %d applications%n",
                n, tPrec / 1e9, tAdd / 1e9, tRes / 1e9, tEig / 1e9, applications);
        // the further eigenvalues asked for: converged to the acceptance only (no verification sweep), the basis
        // growing by the residual of the first extra pair that fails it, within a budget of EXTRA_APPLICATIONS each
        int extraBudget = applications + EXTRA_APPLICATIONS * Math.max(0, extract - want);
        while (conv && extract > want && applications < Math.min(budget, extraBudget)) {
            pairs = pairs();
            int i = 0, g = 0;
            for (; i < pairs.size() && g < want; i++) g += pairs.get(i).complex() ? 2 : 1;
            Pair open = null;
            for (; i < pairs.size() && g < extract && pairs.get(i).lr < sigma; i++) {
                Pair p = pairs.get(i);
                g += p.complex() ? 2 : 1;
                residual(p);
                if (!(p.res <= ShiftInvertEigen.RESIDUAL_TOL * 0.1 * Math.max(normA, Math.hypot(p.lr, p.li)))) { open = p; break; }
            }
            if (open == null) break;
            if (stage != null) stage.update(Double.NaN, String.format(Locale.ROOT, "%d preconditioner applications, further eigenvalues: converging %s",
                    applications, new Complex(open.lr, open.li)));
            if (v.size() + 2 > maxBasis) { restart(pairs, Math.max(extract + 4, maxBasis / 3)); restarts++; }
            expand(open.rr);
            if (open.complex()) expand(open.ri);
        }
        pairs = pairs();                                  // of the final basis (an expansion may follow the last ordering)
        // verify on A itself: the wanted pairs, then up to extract in all that pass the acceptance
        List<Complex> out = new ArrayList<>();
        List<Double> res = new ArrayList<>();
        int i = 0, certified = 0;
        for (; i < pairs.size() && out.size() < want; i++) {
            Pair p = pairs.get(i);
            double r = trueResidual(p);
            out.add(new Complex(p.lr, p.li));
            res.add(r);
            if (p.complex()) { out.add(new Complex(p.lr, -p.li)); res.add(r); }
        }
        certified = out.size();
        for (; i < pairs.size() && out.size() < extract && pairs.get(i).lr < sigma; i++) {
            Pair p = pairs.get(i);
            double r = trueResidual(p);
            if (!(r <= ShiftInvertEigen.RESIDUAL_TOL * Math.max(normA, Math.hypot(p.lr, p.li)))) continue;
            out.add(new Complex(p.lr, p.li));
            res.add(r);
            if (p.complex()) { out.add(new Complex(p.lr, -p.li)); res.add(r); }
        }
        return new Result(out, res, applications, restarts, stable, conv, normA, certified, false);
    }

    private static boolean same(List<Complex> x, List<Complex> y) {
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) if (x.get(i).minus(y.get(i)).abs() > 1e-8 * Math.max(1, x.get(i).abs())) return false;
        return true;
    }

    private long tPrec, tAdd, tRes, tEig;
    private static final boolean DEBUG = Boolean.getBoolean("cumulus.sparse.debug");

    private void expand(double[] r) {
        double[] t = new double[n];
        long t0 = System.nanoTime();
        m.apply(r, t);
        long t1 = System.nanoTime();
        applications++;
        add(t);
        tPrec += t1 - t0;
        tAdd += System.nanoTime() - t1;
    }

    /**
     * Appends t with w = (A − σ)t orthonormalized against W (the same combination applied to t); B grows by a row and
     * column. Classical Gram–Schmidt, repeated while it cancels (DGKS, η = 1/√2), with each pass's update fused with
     * the dots that follow it ({@link #subtractAndDot}): one pass reads V and W from memory about 1.5 times instead of
     * 2.5 (dots, update, B's new row and column). The orthogonalization was 2.0–2.4 s of a local-btc N = 100 block's
     * 8 s, bound by the bandwidth of a basis (2 × 30 × 87125 doubles) that does not fit the core's cache.
     */
    private void add(double[] t) {
        double[] x = new double[n];
        cumulus.solvers.space.SparseOps.multiply(a, t, x);
        for (int i = 0; i < n; i++) x[i] -= sigma * t[i];
        int k = v.size();
        double[] d = new double[k], sums = new double[3 * (k + 1) + 1];
        double n0 = Math.sqrt(dotsWithW(x, d)), nx = n0;
        for (int pass = 0; pass < 3; pass++) {
            double before = nx;
            subtractAndDot(d, x, t, sums);
            nx = Math.sqrt(sums[3 * (k + 1)]);
            if (nx > 0.7071 * before || pass == 2) break;
            for (int j = 0; j < k; j++) d[j] = sums[3 * j];     // the next pass's dots W·x, made during this update
        }
        if (!(nx > 1e-12 * n0)) return;          // no new direction
        for (int i = 0; i < n; i++) { x[i] /= nx; t[i] /= nx; }
        v.add(t); w.add(x);
        // B's new column W·t and row x·V (the sums of the last pass, of the vectors before their division by nx)
        for (int j = 0; j < k; j++) { b[j][k] = sums[3 * j + 1] / nx; b[k][j] = sums[3 * j + 2] / nx; }
        b[k][k] = sums[3 * k + 1] / (nx * nx);
    }

    /** Entries per chunk of the Gram–Schmidt sweeps: the chunks of a 60-vector V and W (1 MB) stay in the core's 2 MB cache. */
    private static final int CHUNK = 1024;
    /** Per-chunk partial sums of the sweeps, reduced in chunk order (the same sums whether or not the chunks are split over two threads). */
    private double[] part = new double[0];

    private double[] part(int len) { if (part.length < len) part = new double[len]; return part; }

    /** d_j = w_j · x (j &lt; |W|); returns x · x. */
    private double dotsWithW(double[] x, double[] d) {
        int k = d.length, width = k + 1, chunks = (n + CHUNK - 1) / CHUNK;
        double[] pt = part(chunks * width);
        DenseKernels.overChunks(chunks, (from, to) -> {
            for (int c = from; c < to; c++) {
                int c0 = c * CHUNK, c1 = Math.min(n, c0 + CHUNK), o = c * width;
                for (int j = 0; j < k; j++) pt[o + j] = dotRange(w.get(j), x, c0, c1);
                pt[o + k] = dotRange(x, x, c0, c1);
            }
        });
        java.util.Arrays.fill(d, 0);
        double xx = 0;
        for (int c = 0; c < chunks; c++) {
            int o = c * width;
            for (int j = 0; j < k; j++) d[j] += pt[o + j];
            xx += pt[o + k];
        }
        return xx;
    }

    /**
     * x −= Σ d_j w_j, t −= Σ d_j v_j, then, chunk by chunk while the chunks of V and W are in cache, into sums:
     * [3j] = w_j·x, [3j + 1] = w_j·t, [3j + 2] = x·v_j (j &lt; k), [3k + 1] = x·t, [3k + 3] = x·x, of the updated x and t.
     */
    private void subtractAndDot(double[] d, double[] x, double[] t, double[] sums) {
        int k = d.length, width = 3 * k + 2, chunks = (n + CHUNK - 1) / CHUNK;
        double[] pt = part(chunks * width);
        DenseKernels.overChunks(chunks, (from, to) -> {
            for (int c = from; c < to; c++) {
                int c0 = c * CHUNK, c1 = Math.min(n, c0 + CHUNK), o = c * width;
                for (int j = 0; j < k; j++) {
                    double f = -d[j];
                    double[] wj = w.get(j), vj = v.get(j);
                    for (int i = c0; i < c1; i++) { x[i] += f * wj[i]; t[i] += f * vj[i]; }
                }
                for (int j = 0; j < k; j++) {
                    double[] wj = w.get(j), vj = v.get(j);
                    double s0 = 0, s1 = 0, s2 = 0;
                    for (int i = c0; i < c1; i++) { s0 += wj[i] * x[i]; s1 += wj[i] * t[i]; s2 += x[i] * vj[i]; }
                    pt[o + 3 * j] = s0; pt[o + 3 * j + 1] = s1; pt[o + 3 * j + 2] = s2;
                }
                double xt = 0, xx = 0;
                for (int i = c0; i < c1; i++) { xt += x[i] * t[i]; xx += x[i] * x[i]; }
                pt[o + 3 * k] = xt; pt[o + 3 * k + 1] = xx;
            }
        });
        java.util.Arrays.fill(sums, 0);
        for (int c = 0; c < chunks; c++) {
            int o = c * width;
            for (int q = 0; q < 3 * k; q++) sums[q] += pt[o + q];
            sums[3 * k + 1] += pt[o + 3 * k];
            sums[3 * k + 3] += pt[o + 3 * k + 1];
        }
    }

    private static double dotRange(double[] x, double[] y, int lo, int hi) {
        double s = 0;
        for (int i = lo; i < hi; i++) s += x[i] * y[i];
        return s;
    }

    /** Harmonic Ritz pairs ordered: Re λ &lt; σ first by descending Re λ (Im ≥ 0 of a pair only), the rest after. */
    private List<Pair> pairs() {
        int k = v.size();
        RealMatrix bm = new Array2DRowRealMatrix(k, k);
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) bm.setEntry(i, j, b[i][j]);
        EigenDecomposition e = new EigenDecomposition(bm);
        double[] re = e.getRealEigenvalues(), im = e.getImagEigenvalues();
        RealMatrix vv = e.getV();
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (im[i] == 0) {
                if (re[i] == 0) continue;
                Pair p = new Pair(re[i], 0, sigma);
                p.zr = vv.getColumn(i);
                p.zi = new double[k];
                out.add(p);
                continue;
            }
            if (i + 1 >= k) break;
            // a conjugate pair occupies columns i, i+1 (real and imaginary parts of one eigenvector): take z = v_i + i v_{i+1},
            // its Rayleigh quotient fixes which member it belongs to; keep the member with Im μ < 0 (Im λ > 0)
            double[] zr = vv.getColumn(i), zi = vv.getColumn(i + 1);
            double[] qr = new double[k], qi = new double[k];
            for (int r = 0; r < k; r++) for (int c = 0; c < k; c++) { qr[r] += b[r][c] * zr[c]; qi[r] += b[r][c] * zi[c]; }
            double zz = 0, ni = 0;
            for (int r = 0; r < k; r++) { zz += zr[r] * zr[r] + zi[r] * zi[r]; ni += zr[r] * qi[r] - zi[r] * qr[r]; }
            double mr = re[i], mi = -Math.abs(im[i]);
            if (ni / zz > 0) { zi = zi.clone(); for (int r = 0; r < k; r++) zi[r] = -zi[r]; }
            Pair p = new Pair(mr, mi, sigma);
            p.zr = zr;
            p.zi = zi;
            out.add(p);
            i++;
        }
        out.sort(Comparator.comparingInt((Pair p) -> p.lr >= sigma ? 2 : minIm > 0 && Math.abs(p.li) < minIm ? 1 : 0).thenComparingDouble(p -> -p.lr));
        return out;
    }

    /** r = Wz − u/μ = Au − λu for u = Vz (Re and Im), normalized by ‖u‖. */
    private void residual(Pair p) {
        long t0 = System.nanoTime();
        residual0(p);
        tRes += System.nanoTime() - t0;
    }

    /** residual0's four combinations, reused (zeroed per call): allocated per call they were 0.5 GB of a local-btc N = 100 run. */
    private final double[][] combos = new double[4][0];

    private void residual0(Pair p) {
        int k = v.size();
        for (int c = 0; c < 4; c++) combos[c] = SparseLU.zeroed(combos[c], n);
        double[] ur = combos[0], ui = combos[1], wr = combos[2], wi = combos[3];
        int chunks = (n + CHUNK - 1) / CHUNK;
        DenseKernels.overChunks(chunks, (from, to) -> {
            int lo = from * CHUNK, hi = Math.min(n, to * CHUNK);
            for (int j = 0; j < k; j++) {
                double[] vj = v.get(j), wj = w.get(j);
                double zr = p.zr[j], zi = p.zi[j];
                if (zr != 0) for (int i = lo; i < hi; i++) { ur[i] += zr * vj[i]; wr[i] += zr * wj[i]; }
                if (zi != 0) for (int i = lo; i < hi; i++) { ui[i] += zi * vj[i]; wi[i] += zi * wj[i]; }
            }
        });
        // 1/μ = ξ = (mr − i mi)/|μ|²
        double t2 = p.mr * p.mr + p.mi * p.mi, xr = p.mr / t2, xi = -p.mi / t2;
        double nu = Math.sqrt(dot(ur, ur) + dot(ui, ui));
        double[] rr = new double[n], ri = new double[n];
        for (int i = 0; i < n; i++) {
            rr[i] = (wr[i] - (xr * ur[i] - xi * ui[i])) / nu;
            ri[i] = (wi[i] - (xr * ui[i] + xi * ur[i])) / nu;
        }
        p.rr = rr; p.ri = ri;
        p.res = Math.sqrt(dot(rr, rr) + dot(ri, ri));
    }

    /** ‖Au − λu‖/‖u‖ with A itself (not the maintained W). */
    private double trueResidual(Pair p) {
        int k = v.size();
        double[] ur = new double[n], ui = new double[n], ar = new double[n], ai = new double[n];
        for (int j = 0; j < k; j++) { axpy(p.zr[j], v.get(j), ur); axpy(p.zi[j], v.get(j), ui); }
        cumulus.solvers.space.SparseOps.multiply(a, ur, ar);
        cumulus.solvers.space.SparseOps.multiply(a, ui, ai);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double x = ar[i] - (p.lr * ur[i] - p.li * ui[i]), y = ai[i] - (p.lr * ui[i] + p.li * ur[i]);
            s += x * x + y * y;
        }
        return Math.sqrt(s) / Math.sqrt(dot(ur, ur) + dot(ui, ui));
    }

    /** Keeps the real and imaginary parts of the first pairs (about {@code keep} vectors), re-orthonormalized. */
    private void restart(List<Pair> pairs, int keep) {
        List<double[]> ys = new ArrayList<>();
        for (Pair p : pairs) {
            if (ys.size() + (p.complex() ? 2 : 1) > keep) break;
            ys.add(p.zr);
            if (p.complex()) ys.add(p.zi);
        }
        int k = v.size();
        List<double[]> nv = new ArrayList<>(), nw = new ArrayList<>();
        for (double[] y : ys) {
            double[] x = new double[n], z = new double[n];
            for (int j = 0; j < k; j++) if (y[j] != 0) { axpy(y[j], v.get(j), x); axpy(y[j], w.get(j), z); }
            nv.add(x); nw.add(z);
        }
        v.clear(); w.clear();
        b = new double[maxBasis + 2][maxBasis + 2];
        for (int q = 0; q < nv.size(); q++) {
            double[] t = nv.get(q), x = nw.get(q);
            for (int pass = 0; pass < 2; pass++)
                for (int j = 0; j < w.size(); j++) { double d = dot(w.get(j), x); axpy(-d, w.get(j), x); axpy(-d, v.get(j), t); }
            double nx = norm(x);
            if (!(nx > 1e-12)) continue;
            for (int i = 0; i < n; i++) { x[i] /= nx; t[i] /= nx; }
            int kk = v.size();
            v.add(t); w.add(x);
            for (int j = 0; j <= kk; j++) { b[j][kk] = dot(w.get(j), t); b[kk][j] = dot(x, v.get(j)); }
        }
    }

    private static double dot(double[] x, double[] y) { double s = 0; for (int i = 0; i < x.length; i++) s += x[i] * y[i]; return s; }

    private static double norm(double[] x) { return Math.sqrt(dot(x, x)); }

    private static void axpy(double c, double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] += c * x[i]; }
}
