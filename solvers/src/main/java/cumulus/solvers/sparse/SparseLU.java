package cumulus.solvers.sparse;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;

/**
 * Sparse LU factorisation P<sub>r</sub> A P<sub>c</sub> = L U of a square real (nonsymmetric) matrix by the
 * multifrontal method on a nested-dissection assembly tree.
 *
 * <p>Algorithm and references:
 * <ul>
 * <li>Ordering: nested dissection of the graph of A + A<sup>T</sup> ({@link NestedDissection}; George 1973,
 *     George &amp; Liu 1981): recursive bisection by a middle level of a BFS level structure from a
 *     pseudo-peripheral node, leaves of about {@value #LEAF_SIZE_DEFAULT} variables ordered naturally.</li>
 * <li>Factorisation: the unsymmetric multifrontal method with a symmetric-pattern assembly tree
 *     (Duff &amp; Reid, ACM TOMS 9 (1983); Amestoy &amp; Duff, MA41; Davis, "Direct Methods for Sparse Linear
 *     Systems", SIAM 2006, ch. 7 and 9). Every node of the separator tree is a supernode; its dense frontal
 *     matrix holds the node's variables plus its boundary (the ancestor variables it is connected to in the
 *     filled graph). Fronts are factored by a blocked right-looking LU with <em>threshold partial pivoting</em>
 *     restricted to the fully summed rows (|pivot| &ge; u &middot; max|column|, u = 0.01 by default); columns that
 *     fail the test are <em>delayed</em> to the parent front (MA41/MUMPS style), so the factorisation is as stable as
 *     threshold partial pivoting. A column that finds no acceptable pivot (|pivot| &gt; 1e-13 max|a<sub>ij</sub>|)
 *     at a root means A is numerically singular and an {@link IllegalArgumentException} is thrown.</li>
 * <li>The Schur-complement update of each front is a blocked dense matrix product ({@link DenseKernels}).</li>
 * <li>Threads: at most two ({@code -Dcumulus.sparse.threads=1} to disable): the two largest independent subtrees
 *     of the assembly tree are factored (and, in {@link #solve}, substituted) concurrently, then the top fronts
 *     with a two-way split of their dense updates; the dissection of the top split also runs on two threads.</li>
 * </ul>
 *
 * <p>Cost on the 2-D-grid-like graphs of collective-spin Liouvillians (n = (N+1)<sup>2</sup>): O(n<sup>1.5</sup>)
 * flops and O(n log n) fill, e.g. N = 1024 (n &asymp; 1.05M): 1.23e8 stored entries of L+U, 2.9e10 flops.
 *
 * <p>Instances are immutable after {@link #factor} and {@link #solve} is thread-safe.
 */
public final class SparseLU {

    /** The matrix is numerically singular: {@code deficiency} pivots found none above the threshold. */
    public static final class Singular extends IllegalArgumentException {
        private final int deficiency;

        Singular(int deficiency, double threshold) {
            super("SparseLU: matrix is numerically singular (" + deficiency + " pivot(s) below " + threshold
                    + " or unacceptable at the root of the elimination tree)");
            this.deficiency = deficiency;
        }

        /** Lower bound on the dimension of the null space. */
        public int deficiency() { return deficiency; }
    }

    /** Threshold partial-pivoting parameter. */
    static final double PIVOT_THRESHOLD = 0.01;
    /** Target size (in variables) of the leaves of the dissection tree. */
    static final int LEAF_SIZE_DEFAULT = 24;
    static final int LEAF_SIZE = Integer.getInteger("cumulus.sparse.leaf", LEAF_SIZE_DEFAULT);
    private static final int NB = Integer.getInteger("cumulus.sparse.nb", 48);
    private static final boolean DEBUG = Boolean.getBoolean("cumulus.sparse.debug");

    private final int n;
    private final int[] perm;          // perm[pos] = original index
    private final int nFronts;
    // per front (factor order): index lists in permuted positions and packed factors
    private final int[][] pivRows, pivCols, restRows, restCols;
    /**
     * Per front, the factors in the order the triangular solves read them (see {@link Numeric#extract}): from
     * lowerOff[f] in lowerSlab[f] the columns k = 0 .. p−1 of [L11; L21] below the unit diagonal, from upperOff[f] in
     * upperSlab[f] the rows k = p−1 .. 0 of [U11 U12] from the diagonal on. The fronts lie side by side in a few large
     * arrays ({@link Numeric.Slabs}): L in factorization order, U in reverse order, so that the forward pass (fronts
     * ascending) and the backward pass (descending) each stream their slabs upwards from one front into the next.
     */
    private final double[][] lowerSlab, upperSlab;
    private final int[] lowerOff, upperOff;
    private final long nnz;
    private final double orderSeconds, factorSeconds;
    private final int delayedPivots;
    /** Two groups of independent subtrees ([first, last] front ranges) handled by two threads, or null. */
    private final int[][] groups;
    /** The estimated work of the two groups and of the whole factorization, or null without a split (tests). */
    final double[] splitWork;
    private final boolean[] inGroup;
    /** Set when another factorization took over this one's arrays ({@link #factor(DMatrixSparseCSC, Ordering, SparseLU)}). */
    private volatile boolean recycled;

    private SparseLU(int n, int[] perm, NestedDissection nd, int nFronts, int[][] pivRows, int[][] pivCols,
                     int[][] restRows, int[][] restCols, double[][] lowerSlab, int[] lowerOff, double[][] upperSlab, int[] upperOff, long nnz, double orderSeconds,
                     double factorSeconds, int delayedPivots, int[][] groups, double[] splitWork) {
        this.groups = groups;
        this.splitWork = splitWork;
        this.inGroup = new boolean[nFronts];
        if (groups != null)
            for (int[] g : groups) for (int k = 0; k < g.length; k += 2) for (int t = g[k]; t <= g[k + 1]; t++) inGroup[t] = true;
        this.n = n; this.perm = perm; this.nFronts = nFronts; this.pivRows = pivRows; this.pivCols = pivCols;
        this.restRows = restRows; this.restCols = restCols; this.lowerSlab = lowerSlab; this.lowerOff = lowerOff;
        this.upperSlab = upperSlab; this.upperOff = upperOff; this.nnz = nnz;
        this.orderSeconds = orderSeconds; this.factorSeconds = factorSeconds; this.delayedPivots = delayedPivots;
    }

    /** Factors a square sparse matrix. @throws Singular if it is numerically singular, IllegalArgumentException if it is not square. */
    public static SparseLU factor(DMatrixSparseCSC a) {
        return factor(a, LEAF_SIZE, NestedDissection.COMPRESS);
    }

    /**
     * {@link #factor(DMatrixSparseCSC)} with the two-thread subtree split even when called inside one of two
     * side-by-side jobs, where the factorization and its solves then run on one thread while the sibling job runs
     * (the same arithmetic as on two) and on two once it has finished. For small factors solved many times: the slabs
     * of a Gauss–Seidel preconditioner, whose last expansions run alone (local-btc N = 100: the second block's
     * oscillating-mode search ran ~2 s after the first block's had finished).
     */
    public static SparseLU factorForTwoCores(DMatrixSparseCSC a) {
        return factor(a, LEAF_SIZE, NestedDissection.COMPRESS, true);
    }

    /** Factorisation with explicit ordering parameters (for tests and tuning). */
    static SparseLU factor(DMatrixSparseCSC a, int leafSize, boolean compress) {
        return factor(a, leafSize, compress, false);
    }

    /** alwaysSplit: the subtree split for two threads even inside a side-by-side job ({@link #factorForTwoCores}). */
    private static SparseLU factor(DMatrixSparseCSC a, int leafSize, boolean compress, boolean alwaysSplit) {
        if (a.numRows != a.numCols)
            throw new IllegalArgumentException("SparseLU: matrix must be square, got " + a.numRows + "x" + a.numCols);
        int n = a.numCols;
        long t0 = System.nanoTime();
        Stage ordering = new Stage("LU ordering (nested dissection) of " + n + " unknowns");
        NestedDissection nd = NestedDissection.order(n, a.col_idx, a.nz_rows, leafSize, compress);
        ordering.done(nd.nodes + " fronts");
        long t1 = System.nanoTime();
        Numeric num = new Numeric(a, nd);
        num.alwaysSplit = alwaysSplit;
        return num.run((t1 - t0) * 1e-9);
    }

    /**
     * A fill-reducing ordering (the nested-dissection tree) of a sparsity pattern, computed once and reused by
     * {@link #factor(DMatrixSparseCSC, Ordering)} for every matrix of the same pattern — e.g. L − iω over a list of
     * frequencies, where only the values change.
     */
    public static final class Ordering {
        private final NestedDissection nd;
        private final int n, nz;
        private final double seconds;

        private Ordering(NestedDissection nd, int n, int nz, double seconds) { this.nd = nd; this.n = n; this.nz = nz; this.seconds = seconds; }

        /** Seconds the ordering took. */
        public double seconds() { return seconds; }
    }

    /** The ordering of {@code a}'s pattern, for {@link #factor(DMatrixSparseCSC, Ordering)}. */
    public static Ordering order(DMatrixSparseCSC a) {
        if (a.numRows != a.numCols)
            throw new IllegalArgumentException("SparseLU: matrix must be square, got " + a.numRows + "x" + a.numCols);
        long t0 = System.nanoTime();
        Stage stage = new Stage("LU ordering (nested dissection) of " + a.numCols + " unknowns");
        NestedDissection nd = NestedDissection.order(a.numCols, a.col_idx, a.nz_rows, LEAF_SIZE, NestedDissection.COMPRESS);
        stage.done(nd.nodes + " fronts");
        return new Ordering(nd, a.numCols, a.nz_length, (System.nanoTime() - t0) * 1e-9);
    }

    /** Factors {@code a} with an ordering computed for its pattern (same dimension and non-zero structure). */
    public static SparseLU factor(DMatrixSparseCSC a, Ordering ordering) { return factor(a, ordering, null); }

    /**
     * {@link #factor(DMatrixSparseCSC, Ordering)} into the arrays of {@code old}, a factorization no longer needed (of
     * the same pattern and ordering, so its slabs have the sizes this one asks for): {@code old} cannot solve
     * afterwards. Why: a factor allocated afresh is copied by the young collections while its predecessor waits in the
     * old generation for a full one (btc N = 1024, the second LU at σ = ω: 2 × 1.5 GB).
     */
    public static SparseLU factor(DMatrixSparseCSC a, Ordering ordering, SparseLU old) {
        if (a.numCols != ordering.n || a.nz_length != ordering.nz)
            throw new IllegalArgumentException("SparseLU: the ordering was computed for another pattern (" + ordering.n + " unknowns, "
                    + ordering.nz + " non-zeros; this matrix " + a.numCols + ", " + a.nz_length + ")");
        Recycled arrays = old == null || old.n != a.numCols ? null : old.recycle();
        return new Numeric(a, ordering.nd, arrays).run(0);
    }

    /** This factorization's slab arrays, for another one to fill; this one stops solving. */
    private Recycled recycle() {
        recycled = true;
        Recycled r = new Recycled();
        java.util.Set<double[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (double[][] slabs : new double[][][]{lowerSlab, upperSlab})
            for (double[] a : slabs) if (a != null && seen.add(a)) r.give(a);
        return r;
    }

    private void checkLive() {
        if (recycled) throw new IllegalStateException("SparseLU: this factorization's arrays were recycled into another one");
    }

    /** Arrays of a recycled factorization by length, taken by {@link Numeric.Slabs} before it allocates. */
    static final class Recycled {
        private final java.util.Map<Integer, java.util.ArrayDeque<double[]>> byLength = new java.util.HashMap<>();

        private void give(double[] a) { byLength.computeIfAbsent(a.length, k -> new java.util.ArrayDeque<>()).addLast(a); }

        /** An array of exactly len entries (old contents) if one is left, else a new one; two workspaces may ask at once. */
        synchronized double[] take(int len) {
            java.util.ArrayDeque<double[]> q = byLength.get(len);
            double[] a = q == null ? null : q.pollLast();
            return a != null ? a : new double[len];
        }
    }

    /** Symbolic statistics without numeric factorisation: {nnz(L+U), flops, max front, fronts, order seconds}. */
    static double[] analyse(DMatrixSparseCSC a) {
        long t0 = System.nanoTime();
        NestedDissection nd = NestedDissection.order(a.numCols, a.col_idx, a.nz_rows, LEAF_SIZE);
        double os = (System.nanoTime() - t0) * 1e-9;
        Numeric num = new Numeric(a, nd);
        num.symbolicOnly = true;
        num.run(0);
        double[] s = num.stats;
        return new double[]{s[0], s[1], s[2], s[3], os};
    }

    /** Dimension n. */
    public int size() { return n; }

    /** Number of stored entries of L and U (including the diagonal once). */
    public long factorNonZeros() { return nnz; }

    /** Seconds spent computing the fill-reducing ordering. */
    public double orderingSeconds() { return orderSeconds; }

    /** Seconds spent in symbolic + numeric factorisation (excluding ordering). */
    public double factorSeconds() { return factorSeconds; }

    /** Number of pivots that had to be delayed to a parent front. */
    public int delayedPivots() { return delayedPivots; }

    /**
     * The two work vectors of a solve, kept by a caller that solves many times on one thread (an Arnoldi search): a
     * solve then allocates nothing. Allocated per solve they were 0.8 GB of a 3.7 GB btc N = 512 spectrum run's
     * allocations, and each young collection copied the live factor and basis they made it run.
     */
    public static final class Scratch {
        private double[] w = new double[0], z = new double[0], w0 = new double[0], w2 = new double[0];
        /** The fronts' work vectors: this thread's, and the two halves' of a split pass. */
        private final Buf buf = new Buf(), half0 = new Buf(), half1 = new Buf();

        double[] w(int len) { if (w.length < len) w = new double[len]; return w; }

        /** Two copies of w's first len entries, for the two-thread split of the forward pass. */
        double[][] copies(double[] of, int len) {
            if (w0.length < len) { w0 = new double[len]; w2 = new double[len]; }
            System.arraycopy(of, 0, w0, 0, len);
            System.arraycopy(of, 0, w2, 0, len);
            return new double[][]{w0, w2};
        }

        /** z zeroed over len entries (each entry is written before it is read; the zeros are cheap insurance). */
        double[] z(int len) { return z = zeroed(z, len); }
    }

    /** a with its first len entries zeroed, or a larger zeroed array (at least 1.5 times a) if a is shorter than len. */
    static double[] zeroed(double[] a, int len) {
        if (a.length < len) return new double[Math.max(len, a.length + (a.length >> 1))];
        Arrays.fill(a, 0, len, 0.0);
        return a;
    }

    /** Solves A x = b. b is not modified; x may be the same array as b. */
    public void solve(double[] b, double[] x) { solve(b, x, null); }

    /** {@link #solve(double[], double[])} with the work vectors of {@code scratch} (null: fresh ones). */
    public void solve(double[] b, double[] x, Scratch scratch) {
        checkLive();
        if (b.length < n || x.length < n) throw new IllegalArgumentException("SparseLU.solve: vectors shorter than " + n);
        double[] w = scratch == null ? new double[n] : scratch.w(n);
        for (int k = 0; k < n; k++) w[k] = b[perm[k]];
        double[] z = scratch == null ? new double[n] : scratch.z(n);
        Buf buf = scratch == null ? new Buf() : scratch.buf;
        Buf h0 = scratch == null ? new Buf() : scratch.half0, h1 = scratch == null ? new Buf() : scratch.half1;
        if (groups == null) {
            for (int f = 0; f < nFronts; f++) forward(f, w, buf);
            for (int f = nFronts - 1; f >= 0; f--) backward(f, w, z, buf);
        } else {
            double[][] c = scratch == null ? new double[][]{w.clone(), w.clone()} : scratch.copies(w, n);
            double[] w0 = c[0], w2 = c[1];
            DenseKernels.parallel(() -> forEach(groups[0], true, f -> forward(f, w, h0)),
                                  () -> forEach(groups[1], true, f -> forward(f, w2, h1)));
            for (int k = 0; k < n; k++) w[k] += w2[k] - w0[k];
            for (int f = 0; f < nFronts; f++) if (!inGroup[f]) forward(f, w, buf);
            for (int f = nFronts - 1; f >= 0; f--) if (!inGroup[f]) backward(f, w, z, buf);
            DenseKernels.parallel(() -> forEach(groups[0], false, f -> backward(f, w, z, h0)),
                                  () -> forEach(groups[1], false, f -> backward(f, w, z, h1)));
        }
        for (int k = 0; k < n; k++) x[perm[k]] = z[k];
    }

    /**
     * Solves A X = B for several right-hand sides at once: x[j] = A⁻¹ b[j]. The vectors are interleaved
     * (entry i of all k vectors side by side), so every factor entry is read from memory once for all k instead of
     * once per vector: a solve streams the whole factor (btc N = 512: 1.1e8 bytes) and is bound by that, not by
     * its 2 flops per entry. Same algorithm as {@link #solve} (its sums in another order, so the last bits may differ).
     */
    public void solve(double[][] b, double[][] x) { solve(b, x, null); }

    /** {@link #solve(double[][], double[][])} with the work vectors of {@code scratch} (null: fresh ones). */
    public void solve(double[][] b, double[][] x, Scratch scratch) {
        checkLive();
        int k = b.length;
        if (x.length != k) throw new IllegalArgumentException("SparseLU.solve: " + k + " right-hand sides but " + x.length + " solutions");
        for (int j = 0; j < k; j++)
            if (b[j].length < n || x[j].length < n) throw new IllegalArgumentException("SparseLU.solve: vectors shorter than " + n);
        if (k == 1) { solve(b[0], x[0], scratch); return; }
        double[] w = scratch == null ? new double[n * k] : scratch.w(n * k);
        for (int q = 0; q < n; q++) { int src = perm[q]; for (int j = 0; j < k; j++) w[q * k + j] = b[j][src]; }
        double[] z = scratch == null ? new double[n * k] : scratch.z(n * k);
        Buf buf = scratch == null ? new Buf() : scratch.buf;
        Buf h0 = scratch == null ? new Buf() : scratch.half0, h1 = scratch == null ? new Buf() : scratch.half1;
        if (groups == null) {
            for (int f = 0; f < nFronts; f++) forward(f, w, k, buf);
            for (int f = nFronts - 1; f >= 0; f--) backward(f, w, z, k, buf);
        } else {
            double[][] c = scratch == null ? new double[][]{w.clone(), w.clone()} : scratch.copies(w, n * k);
            double[] w0 = c[0], w2 = c[1];
            DenseKernels.parallel(() -> forEach(groups[0], true, f -> forward(f, w, k, h0)),
                                  () -> forEach(groups[1], true, f -> forward(f, w2, k, h1)));
            for (int q = 0; q < n * k; q++) w[q] += w2[q] - w0[q];
            for (int f = 0; f < nFronts; f++) if (!inGroup[f]) forward(f, w, k, buf);
            for (int f = nFronts - 1; f >= 0; f--) if (!inGroup[f]) backward(f, w, z, k, buf);
            DenseKernels.parallel(() -> forEach(groups[0], false, f -> backward(f, w, z, k, h0)),
                                  () -> forEach(groups[1], false, f -> backward(f, w, z, k, h1)));
        }
        for (int q = 0; q < n; q++) { int dst = perm[q]; for (int j = 0; j < k; j++) x[j][dst] = z[q * k + j]; }
    }

    /** {@link #forward(int, double[], Buf)} for k interleaved vectors. */
    private void forward(int f, double[] w, int k, Buf buf) {
        int[] pr = pivRows[f], rr = restRows[f];
        int p = pr.length, r = rr.length;
        if (p == 0) return;
        double[] lo = lowerSlab[f];
        double[] y = buf.tmp((p + r) * k);
        for (int a = 0; a < p; a++) System.arraycopy(w, pr[a] * k, y, a * k, k);
        Arrays.fill(y, p * k, (p + r) * k, 0.0);
        int off = lowerOff[f];
        for (int c = 0; c < p; c++) {
            int len = p - 1 - c + r;
            if (k == 4) columnUpdate4(lo, off, len, y, c);
            else columnUpdate(lo, off, len, y, c, k);
            off += len;
        }
        for (int a = 0; a < p; a++) System.arraycopy(y, a * k, w, pr[a] * k, k);
        for (int i = 0; i < r; i++) addTo(w, rr[i] * k, y, (p + i) * k, k);
    }

    /** {@link #backward(int, double[], double[], Buf)} for k interleaved vectors. */
    private void backward(int f, double[] w, double[] z, int k, Buf buf) {
        int[] pr = pivRows[f], pc = pivCols[f], rc = restCols[f];
        int p = pr.length, r = rc.length;
        if (p == 0) return;
        double[] up = upperSlab[f];
        double[] y = buf.tmp((p + r) * k);
        for (int a = 0; a < p; a++) System.arraycopy(w, pr[a] * k, y, a * k, k);
        for (int i = 0; i < r; i++) System.arraycopy(z, rc[i] * k, y, (p + i) * k, k);
        int off = upperOff[f];
        for (int c = p - 1; c >= 0; c--) {
            int len = p - 1 - c + r;
            if (k == 4) rowSolve4(up, off, len, y, c);
            else rowSolve(up, off, len, y, c, k);
            off += len + 1;
        }
        for (int a = 0; a < p; a++) System.arraycopy(y, a * k, z, pc[a] * k, k);
    }

    /** y[(c+1+i)k + j] −= l_i · y[ck + j] for i &lt; len, j &lt; k: one column l of L applied to k vectors. */
    private static void columnUpdate(double[] l, int off, int len, double[] y, int c, int k) {
        int to = c * k, yo = to + k;
        for (int i = 0; i < len; i++) {
            double v = l[off + i];
            int o = yo + i * k;
            for (int j = 0; j < k; j++) y[o + j] -= v * y[to + j];
        }
    }

    /** {@link #columnUpdate} for k = 4 (the Arnoldi block), the four multipliers in registers. */
    private static void columnUpdate4(double[] l, int off, int len, double[] y, int c) {
        int to = c * 4, yo = to + 4;
        double t0 = y[to], t1 = y[to + 1], t2 = y[to + 2], t3 = y[to + 3];
        if (t0 == 0 && t1 == 0 && t2 == 0 && t3 == 0) return;
        for (int i = 0; i < len; i++) {
            double v = l[off + i];
            int o = yo + 4 * i;
            y[o] -= v * t0; y[o + 1] -= v * t1; y[o + 2] -= v * t2; y[o + 3] -= v * t3;
        }
    }

    /** y[ck + j] = (y[ck + j] − Σ_i u_{1+i} y[(c+1+i)k + j]) / u_0 for j &lt; k: one row u of U, diagonal first. */
    private static void rowSolve(double[] u, int off, int len, double[] y, int c, int k) {
        int to = c * k, yo = to + k;
        double d = u[off];
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int i = 0; i < len; i++) s += u[off + 1 + i] * y[yo + i * k + j];
            y[to + j] = (y[to + j] - s) / d;
        }
    }

    /** {@link #rowSolve} for k = 4: the row is read once for all four vectors. */
    private static void rowSolve4(double[] u, int off, int len, double[] y, int c) {
        int to = c * 4, yo = to + 4;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < len; i++) {
            double v = u[off + 1 + i];
            int o = yo + 4 * i;
            s0 += v * y[o]; s1 += v * y[o + 1]; s2 += v * y[o + 2]; s3 += v * y[o + 3];
        }
        double d = u[off];
        y[to] = (y[to] - s0) / d; y[to + 1] = (y[to + 1] - s1) / d; y[to + 2] = (y[to + 2] - s2) / d; y[to + 3] = (y[to + 3] - s3) / d;
    }

    /** y[yo..yo+k) += x[xo..xo+k). */
    private static void addTo(double[] y, int yo, double[] x, int xo, int k) {
        for (int j = 0; j < k; j++) y[yo + j] += x[xo + j];
    }

    /** A solve thread's work vector y of one front (grown as needed). */
    private static final class Buf {
        double[] tmp = new double[64];
        double[] tmp(int len) { if (tmp.length < len) tmp = new double[Math.max(len, 2 * tmp.length)]; return tmp; }
    }

    private static void forEach(int[] ranges, boolean ascending, java.util.function.IntConsumer c) {
        if (ascending) {
            for (int k = 0; k < ranges.length; k += 2) for (int f = ranges[k]; f <= ranges[k + 1]; f++) c.accept(f);
        } else {
            for (int k = ranges.length - 2; k >= 0; k -= 2) for (int f = ranges[k + 1]; f >= ranges[k]; f--) c.accept(f);
        }
    }

    /**
     * Forward substitution with the L factor of front f (y stored in w at pivot-row positions), column by column:
     * y = [w(pivot rows) | 0 (rest rows)], y[c+1 ..] −= L(c+1 .., c) y[c] for each pivot column c, whose entries below
     * the unit diagonal, L11's then L21's, lie side by side in the front's lower slab; then w(rest rows) += y(rest).
     * One axpy per column over p − 1 − c + r entries, reading the front's part of the slab once from start to end
     * (row-wise L11 dots and a separate L21 pass were half the speed: btc N = 362, one thread, 26-28 ms a solve
     * against 13-16 ms).
     */
    private void forward(int f, double[] w, Buf buf) {
        int[] pr = pivRows[f], rr = restRows[f];
        int p = pr.length, r = rr.length;
        if (p == 0) return;
        double[] lo = lowerSlab[f];
        double[] y = buf.tmp(p + r);
        for (int a = 0; a < p; a++) y[a] = w[pr[a]];
        Arrays.fill(y, p, p + r, 0.0);
        int off = lowerOff[f];
        for (int c = 0; c < p; c++) {
            double t = y[c];
            int len = p - 1 - c + r;
            if (t != 0) axpy(-t, lo, off, y, c + 1, len);
            off += len;
        }
        for (int a = 0; a < p; a++) w[pr[a]] = y[a];
        for (int i = 0; i < r; i++) w[rr[i]] += y[p + i];
    }

    /**
     * Back substitution with the U factor of front f (z indexed by column positions), row by row from the last pivot:
     * y = [w(pivot rows) | z(rest columns)], y[c] = (y[c] − U(c, c+1 ..) y[c+1 ..]) / U(c, c), each row of
     * [U11 U12] one dot product over the front's part of its upper slab, which holds the rows in this order.
     */
    private void backward(int f, double[] w, double[] z, Buf buf) {
        int[] pr = pivRows[f], pc = pivCols[f], rc = restCols[f];
        int p = pr.length, r = rc.length;
        if (p == 0) return;
        double[] up = upperSlab[f];
        double[] y = buf.tmp(p + r);
        for (int a = 0; a < p; a++) y[a] = w[pr[a]];
        for (int i = 0; i < r; i++) y[p + i] = z[rc[i]];
        int off = upperOff[f];
        for (int c = p - 1; c >= 0; c--) {
            int len = p - 1 - c + r;
            y[c] = (y[c] - dot(up, off + 1, y, c + 1, len)) / up[off];
            off += len + 1;
        }
        for (int a = 0; a < p; a++) z[pc[a]] = y[a];
    }

    /** y[yo..yo+len) += a · x[xo..xo+len). */
    private static void axpy(double a, double[] x, int xo, double[] y, int yo, int len) {
        for (int i = 0; i < len; i++) y[yo + i] += a * x[xo + i];
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= len; i += 4) {
            s0 += a[ao + i] * b[bo + i]; s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2]; s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < len; i++) s0 += a[ao + i] * b[bo + i];
        return (s0 + s1) + (s2 + s3);
    }

    // ------------------------------------------------------------------------------------------------------

    /** Contribution block passed from a front to its parent. */
    private static final class Contribution {
        final int[] rows, cols; final double[] val; // val row-major rows.length x cols.length in its first entries (a pooled array may be longer)
        Contribution(int[] rows, int[] cols, double[] val) { this.rows = rows; this.cols = cols; this.val = val; }
    }

    private static final class Numeric {
        final int n;
        /** A recycled factorization's slab arrays (factor(a, ordering, old)), or null. */
        private final Recycled arrays;
        final NestedDissection nd;
        final int[] perm, ipos;
        // permuted matrix: CSC (columns) and CSR (rows), positions
        final int[] cp, ci; final double[] cv;
        final int[] rp, rj; final double[] rv;
        final double tiny;
        int delayed = 0;
        double flops = 0;
        boolean symbolicOnly;
        /** Split the tree for two threads even inside a side-by-side job ({@link #factorForTwoCores}). */
        boolean alwaysSplit;
        double[] stats;

        Numeric(DMatrixSparseCSC a, NestedDissection nd) { this(a, nd, null); }

        Numeric(DMatrixSparseCSC a, NestedDissection nd, Recycled arrays) {
            this.arrays = arrays;
            this.n = a.numCols; this.nd = nd; this.perm = nd.perm;
            ipos = new int[n];
            for (int k = 0; k < n; k++) ipos[perm[k]] = k;
            int nz = a.nz_length;
            cp = new int[n + 1]; ci = new int[nz]; cv = new double[nz];
            rp = new int[n + 1]; rj = new int[nz]; rv = new double[nz];
            // the two passes are methods of their own: C2 compiles them by invocation, not on this constructor's stack
            double maxAbs = 0;
            for (int j = 0; j < n; j++) maxAbs = Math.max(maxAbs, countColumn(a, j));
            for (int k = 0; k < n; k++) { cp[k + 1] += cp[k]; rp[k + 1] += rp[k]; }
            int[] cf = Arrays.copyOf(cp, n), rf = Arrays.copyOf(rp, n);
            for (int j = 0; j < n; j++) fillColumn(a, j, cf, rf);
            tiny = maxAbs * 1e-13;
            if (maxAbs == 0 && n > 0) throw new Singular(n, 0);
        }

        /** Counts column j of a into the permuted column and row pointers; returns its largest |entry|. */
        private double countColumn(DMatrixSparseCSC a, int j) {
            double maxAbs = 0;
            for (int q = a.col_idx[j]; q < a.col_idx[j + 1]; q++) {
                cp[ipos[j] + 1]++;
                rp[ipos[a.nz_rows[q]] + 1]++;
                double v = a.nz_values[q];
                if (!Double.isFinite(v)) throw new IllegalArgumentException("SparseLU: matrix has non-finite entries");
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
            return maxAbs;
        }

        /** Writes column j of a into the permuted CSC and CSR copies at the fill positions cf, rf. */
        private void fillColumn(DMatrixSparseCSC a, int j, int[] cf, int[] rf) {
            int pj = ipos[j];
            for (int q = a.col_idx[j]; q < a.col_idx[j + 1]; q++) {
                int pi = ipos[a.nz_rows[q]];
                double v = a.nz_values[q];
                ci[cf[pj]] = pi; cv[cf[pj]++] = v;
                rj[rf[pi]] = pj; rv[rf[pi]++] = v;
            }
        }

        SparseLU run(double orderSeconds) {
            long t0 = System.nanoTime();
            int nt = nd.nodes;
            // children lists
            int[] childHead = new int[nt], childNext = new int[nt];
            Arrays.fill(childHead, -1);
            for (int t = nt - 1; t >= 0; t--) {
                int par = nd.parent[t];
                if (par >= 0) { childNext[t] = childHead[par]; childHead[par] = t; }
            }
            int[][] bnd = boundaries(nt, childHead, childNext);
            if (symbolicOnly) {
                double fl = 0, nz = 0; int maxM = 0;
                for (int t = 0; t < nt; t++) {
                    int q = nd.end[t] - nd.start[t], m = q + bnd[t].length;
                    maxM = Math.max(maxM, m);
                    nz += (double) q * q + 2.0 * q * bnd[t].length;
                    for (int k = 0; k < q; k++) { double rem = m - k - 1; fl += 2 * rem * rem + rem; }
                }
                stats = new double[]{nz, fl, maxM, nt};
                return null;
            }
            // numeric
            this.bnd = bnd; this.childHead = childHead; this.childNext = childNext;
            pivRows = new int[nt][]; pivCols = new int[nt][]; restRows = new int[nt][]; restCols = new int[nt][];
            lowerSlab = new double[nt][]; upperSlab = new double[nt][];
            lowerOff = new int[nt]; upperOff = new int[nt];
            double stored = 0;   // the factor's size without delayed pivots: sets the slab size
            for (int t = 0; t < nt; t++) { double q = nd.end[t] - nd.start[t]; stored += q * q + 2 * q * bnd[t].length; }
            slabSize = Slabs.size(stored);
            contrib = new Contribution[nt];
            // work estimate per subtree, for splitting the tree over two threads
            double[] work = new double[nt];
            int[] first = new int[nt];
            for (int t = 0; t < nt; t++) {
                int q = nd.end[t] - nd.start[t], m = q + bnd[t].length;
                double wv = 0;
                for (int k = 0; k < q; k++) { double rem = m - k - 1; wv += 2 * rem * rem; }
                work[t] += wv + m;
                first[t] = t;
            }
            for (int t = 0; t < nt; t++) {
                int par = nd.parent[t];
                if (par >= 0) { work[par] += work[t]; first[par] = Math.min(first[par], first[t]); }
            }
            for (int t = 0; t < nt; t++) if (nd.parent[t] < 0) totalWork += work[t];
            int[][] groups = splitTree(nt, work, first, totalWork);
            stage = new Stage("LU factorization of " + n + " unknowns");
            Workspace wsMain = new Workspace(n, slabSize, arrays);
            if (groups == null) {
                for (int t = 0; t < nt; t++) node(t, wsMain, true);
            } else {
                Workspace wsB = new Workspace(n, slabSize, arrays);
                boolean[] inGroup = new boolean[nt];
                for (int[] g : groups) for (int k = 0; k < g.length; k += 2) for (int t = g[k]; t <= g[k + 1]; t++) inGroup[t] = true;
                long g0 = System.nanoTime();
                DenseKernels.parallel(() -> runRanges(groups[0], wsMain), () -> runRanges(groups[1], wsB));
                long g1 = System.nanoTime();
                for (int t = 0; t < nt; t++) if (!inGroup[t]) node(t, wsMain, true);
                if (DEBUG) System.err.printf("groups %.3f s, rest %.3f s, work split %.3g / %.3g of %.3g%n", (g1 - g0) * 1e-9, (System.nanoTime() - g1) * 1e-9, sum(work, groups[0]), sum(work, groups[1]), totalWork);
                wsMain.add(wsB);
            }
            this.groups = groups;
            stage.done(String.format(java.util.Locale.ROOT, "%d fronts, %.3g stored entries, %.3g flops", nt, (double) wsMain.nnz, wsMain.flops));
            long t1 = System.nanoTime();
            if (DEBUG) System.err.printf("factor: %d fronts, %.3g flops, nnz %d, delayed %d, %.2fs%n", nt, wsMain.flops, wsMain.nnz, wsMain.delayed, (t1 - t0) * 1e-9);
            return new SparseLU(n, perm, nd, nt, pivRows, pivCols, restRows, restCols, lowerSlab, lowerOff, upperSlab, upperOff, wsMain.nnz, orderSeconds,
                    (t1 - t0) * 1e-9, wsMain.delayed, groups, groups == null ? null : new double[]{sum(work, groups[0]), sum(work, groups[1]), totalWork});
        }

        /**
         * Symbolic factorization: the boundary (off-front rows/columns, sorted) of every front, from its own
         * entries and its children's boundaries. Per front in a method of its own, so that C2 compiles it by
         * invocation count rather than on the stack of run() (a 200 ms OSR compilation of run() per cold LU).
         */
        private int[][] boundaries(int nt, int[] childHead, int[] childNext) {
            int[][] bnd = new int[nt][];
            int[] mark = new int[n];
            Arrays.fill(mark, -1);
            int[][] buf = {new int[1024]};
            for (int t = 0; t < nt; t++) bnd[t] = boundary(t, bnd, childHead, childNext, mark, buf);
            return bnd;
        }

        private int[] boundary(int t, int[][] bnd, int[] childHead, int[] childNext, int[] mark, int[][] bufRef) {
            int s = nd.start[t], e = nd.end[t];
            int[] buf = bufRef[0];
            int c = 0;
            for (int v = s; v < e; v++) {
                for (int q = cp[v]; q < cp[v + 1]; q++) {
                    int i = ci[q];
                    if (i >= e && mark[i] != t) { mark[i] = t; if (c == buf.length) buf = Arrays.copyOf(buf, 2 * c); buf[c++] = i; }
                }
                for (int q = rp[v]; q < rp[v + 1]; q++) {
                    int i = rj[q];
                    if (i >= e && mark[i] != t) { mark[i] = t; if (c == buf.length) buf = Arrays.copyOf(buf, 2 * c); buf[c++] = i; }
                }
            }
            for (int ch = childHead[t]; ch >= 0; ch = childNext[ch]) {
                for (int i : bnd[ch]) {
                    if (i >= e && mark[i] != t) { mark[i] = t; if (c == buf.length) buf = Arrays.copyOf(buf, 2 * c); buf[c++] = i; }
                }
            }
            bufRef[0] = buf;
            int[] b = Arrays.copyOf(buf, c);
            Arrays.sort(b);
            return b;
        }

        private int[][] bnd;
        private int[] childHead, childNext;
        private int[][] pivRows, pivCols, restRows, restCols;
        private double[][] lowerSlab, upperSlab;
        private int[] lowerOff, upperOff;
        private int slabSize;
        private Contribution[] contrib;
        private int[][] groups;
        private Stage stage;
        private double totalWork, doneWork;
        private int frontsDone;

        /** Progress of the factorization: fronts done and the share of the (estimated) flops they held. */
        private synchronized void frontDone(double flops) {
            doneWork += flops;
            frontsDone++;
            stage.update(doneWork / Math.max(totalWork, 1), "front " + frontsDone + " of " + nd.nodes);
        }

        private void runRanges(int[] ranges, Workspace ws) {
            for (int k = 0; k < ranges.length; k += 2)
                for (int t = ranges[k]; t <= ranges[k + 1]; t++) node(t, ws, false);
        }

        /** The subtrees {@code cand} in two groups, largest first, each to the group with less work so far. */
        private static java.util.List<java.util.List<Integer>> partition(java.util.List<Integer> cand, double[] work) {
            java.util.List<Integer> c = new java.util.ArrayList<>(cand);
            c.sort((x, y) -> Double.compare(work[y], work[x]));
            java.util.List<Integer> ga = new java.util.ArrayList<>(), gb = new java.util.ArrayList<>();
            double wa = 0, wb = 0;
            for (int t : c) { if (wa <= wb) { ga.add(t); wa += work[t]; } else { gb.add(t); wb += work[t]; } }
            return java.util.List.of(ga, gb);
        }

        private static double sum(double[] work, java.util.List<Integer> g) { double s = 0; for (int t : g) s += work[t]; return s; }

        /** The estimated time of a split into the subtrees {@code cand}: the larger group plus 0.6 of what is left above. */
        private static double splitTime(java.util.List<Integer> cand, double[] work, double total) {
            java.util.List<java.util.List<Integer>> g = partition(cand, work);
            double wa = sum(work, g.get(0)), wb = sum(work, g.get(1));
            return Math.max(wa, wb) + 0.6 * (total - wa - wb);
        }

        private static double sum(double[] work, int[] g) { double s = 0; for (int k = 1; k < g.length; k += 2) s += work[g[k]]; return s; }

        /**
         * Two groups of disjoint subtrees (as [first, last] node ranges) of comparable work, or null when the tree
         * offers no useful split or only one thread is allowed. Starting from the children of the root chain, the
         * largest subtree is replaced by its children as long as that shortens the estimated time, the larger group's
         * work plus the fronts left above the groups (factored afterwards with both threads in their large products,
         * counted at 0.6). btc N = 256 steady state (33,153 unknowns): the root chain's two children alone split the work
         * 75 : 25, and the first factorization took 0.107 s on two threads against 0.12 s on one.
         */
        private int[][] splitTree(int nt, double[] work, int[] first, double total) {
            if (!(alwaysSplit ? DenseKernels.threads() >= 2 : DenseKernels.splitsForGood()) || nt < 4) return null;
            java.util.List<Integer> cand = new java.util.ArrayList<>();
            for (int t = 0; t < nt; t++) if (nd.parent[t] < 0) cand.add(t);
            while (cand.size() == 1) {
                int t = cand.get(0);
                cand.clear();
                for (int ch = childHead[t]; ch >= 0; ch = childNext[ch]) cand.add(ch);
            }
            if (cand.size() < 2) return null;
            java.util.List<Integer> best = new java.util.ArrayList<>(cand);
            double bestTime = splitTime(cand, work, total);
            for (int step = 0; step < 64; step++) {
                int big = 0;
                for (int i = 1; i < cand.size(); i++) if (work[cand.get(i)] > work[cand.get(big)]) big = i;
                int t = cand.remove(big);
                if (childHead[t] < 0) break;
                for (int ch = childHead[t]; ch >= 0; ch = childNext[ch]) cand.add(ch);
                double time = splitTime(cand, work, total);
                if (time < bestTime) { bestTime = time; best = new java.util.ArrayList<>(cand); }
            }
            java.util.List<java.util.List<Integer>> parts = partition(best, work);
            java.util.List<Integer> ga = new java.util.ArrayList<>(parts.get(0)), gb = new java.util.ArrayList<>(parts.get(1));
            double wa = sum(work, ga), wb = sum(work, gb);
            if (Math.min(wa, wb) < 0.1 * (wa + wb) || wa + wb < 1e7) return null;
            // node ranges ascending, so that each group runs its subtrees in postorder
            ga.sort(null);
            gb.sort(null);
            int[][] g = new int[2][];
            java.util.List<java.util.List<Integer>> both = java.util.List.of(ga, gb);
            for (int i = 0; i < 2; i++) {
                java.util.List<Integer> l = both.get(i);
                g[i] = new int[2 * l.size()];
                for (int k = 0; k < l.size(); k++) { g[i][2 * k] = first[l.get(k)]; g[i][2 * k + 1] = l.get(k); }
            }
            return g;
        }

        /** Assembles and partially factors the front of tree node t. */
        private void node(int t, Workspace ws, boolean par) {
            int s = nd.start[t], e = nd.end[t];
            int nv = e - s;
            int nDel = 0;
            for (int ch = childHead[t]; ch >= 0; ch = childNext[ch]) nDel += contrib[ch].rows.length - bnd[ch].length;
            int q = nv + nDel;
            int[] b = bnd[t];
            int m = q + b.length;
            int[] rowId = new int[m], colId = new int[m];
            for (int k = 0; k < nv; k++) { rowId[k] = s + k; colId[k] = s + k; }
            int w = nv;
            for (int ch = childHead[t]; ch >= 0; ch = childNext[ch]) {
                Contribution cb = contrib[ch];
                int d = cb.rows.length - bnd[ch].length;
                // delayed rows/cols are the first d entries of the child's contribution lists
                for (int k = 0; k < d; k++) { rowId[w + k] = cb.rows[k]; colId[w + k] = cb.cols[k]; }
                w += d;
            }
            for (int k = 0; k < b.length; k++) { rowId[q + k] = b[k]; colId[q + k] = b[k]; }
            for (int k = 0; k < m; k++) { ws.rowLoc[rowId[k]] = k; ws.colLoc[colId[k]] = k; }
            double[] F = ws.front(m * m);
            assembleOriginal(F, m, s, e, ws);
            for (int ch = childHead[t]; ch >= 0; ch = childNext[ch]) {
                extendAdd(F, m, contrib[ch], ws);
                ws.release(contrib[ch].val);
                contrib[ch] = null;
            }
            for (int k = 0; k < m; k++) { ws.rowLoc[rowId[k]] = -1; ws.colLoc[colId[k]] = -1; }
            // partial factorisation
            long tf0 = DEBUG ? System.nanoTime() : 0;
            FrontResult fr = factorFront(F, m, q, rowId, colId, nd.parent[t] < 0, par, ws);
            if (DEBUG && m > 400) System.err.printf("front %d m=%d q=%d p=%d %.3fs%n", t, m, q, fr.p, (System.nanoTime() - tf0) * 1e-9);
            ws.delayed += q - fr.p;
            pivRows[t] = fr.pivRows; pivCols[t] = fr.pivCols; restRows[t] = fr.restRows; restCols[t] = fr.restCols;
            lowerSlab[t] = fr.lower; lowerOff[t] = fr.lowerOff;
            upperSlab[t] = fr.upper; upperOff[t] = fr.upperOff;
            int p = fr.p, r = m - p;
            ws.nnz += (long) p * p + 2L * p * r;
            double fl = 0;
            for (int k = 0; k < q; k++) { double rem = m - k - 1; fl += 2 * rem * rem; }
            for (int k = 0; k < p; k++) { double rem = m - k - 1; ws.flops += 2 * rem * rem + rem; }
            frontDone(fl + m);
            if (nd.parent[t] >= 0) contrib[t] = new Contribution(fr.restRows, fr.restCols, fr.schur);
                }

        /** Adds the original entries a_ij with min(i, j) in [s, e) (the node's own rows and columns) into the front. */
        private void assembleOriginal(double[] F, int m, int s, int e, Workspace ws) {
            for (int v = s; v < e; v++) {
                int lc = ws.colLoc[v];
                for (int qq = cp[v]; qq < cp[v + 1]; qq++) {
                    int i = ci[qq];
                    if (i >= s) F[ws.rowLoc[i] * m + lc] += cv[qq];
                }
                int lr = ws.rowLoc[v] * m;
                for (int qq = rp[v]; qq < rp[v + 1]; qq++) {
                    int j = rj[qq];
                    if (j >= e) F[lr + ws.colLoc[j]] += rv[qq];
                }
            }
        }

        /** Extend-add: a child's contribution block into the front (rows and columns through the local maps). */
        private static void extendAdd(double[] F, int m, Contribution cb, Workspace ws) {
            int mr = cb.rows.length, mc = cb.cols.length;
            int[] lcs = new int[mc];
            for (int k = 0; k < mc; k++) lcs[k] = ws.colLoc[cb.cols[k]];
            for (int i = 0; i < mr; i++) addRow(F, ws.rowLoc[cb.rows[i]] * m, lcs, cb.val, i * mc, mc);
        }

        /** F[fr + lcs[k]] += v[off + k], k < len. */
        private static void addRow(double[] F, int fr, int[] lcs, double[] v, int off, int len) {
            for (int k = 0; k < len; k++) F[fr + lcs[k]] += v[off + k];
        }

        private static final class Workspace {
            final int[] rowLoc, colLoc;
            long nnz; int delayed; double flops;
            /**
             * The frontal matrix, reused from front to front: allocated afresh it was most of the factorization's
             * garbage (m² per front against the p² + 2pr kept). btc N = 2048, first 70 s: 33 collections instead of 74
             * (the pauses, 19 s against 21, are mostly the copying of the kept factor itself); steady btc N = 512:
             * peak RSS 493 MB against 561-584.
             */
            private double[] front = new double[0];
            /**
             * factorFront's panel, multiplier block and row/column copies, reused from front to front like the frontal
             * matrix (allocated per front they were 0.6 GB of a 3.7 GB btc N = 512 spectrum run's allocations).
             */
            double[] panel = new double[64], mult = new double[16], lcol = new double[64], urow = new double[64];
            /** Where this thread's fronts' factors go: L upwards, U downwards (see {@link SparseLU#lowerSlab}). */
            final Slabs lower, upper;
            Workspace(int n, int slabSize, Recycled arrays) {
                lower = new Slabs(slabSize, false, arrays);
                upper = new Slabs(slabSize, true, arrays);
                rowLoc = new int[n]; colLoc = new int[n];
                Arrays.fill(rowLoc, -1); Arrays.fill(colLoc, -1);
            }
            void add(Workspace o) { nnz += o.nnz; delayed += o.delayed; flops += o.flops; }

            /**
             * Contribution blocks given back once their parent has added them, by size class (2^c entries, up to
             * {@link #POOLED}): a front's Schur complement is taken from here. Fresh ones were 0.7 GB of a 2.2 GB btc
             * N = 512 spectrum run's allocations. Larger blocks (the top separators' at N = 2048, up to 10^8 bytes) are
             * allocated to size, so the pool costs at most twice the small blocks' memory.
             */
            @SuppressWarnings("unchecked")
            private final java.util.ArrayDeque<double[]>[] freeBlocks = new java.util.ArrayDeque[21];
            static final int POOLED = 1 << 20;

            /** An array of at least len entries for a Schur complement (its contents are overwritten). */
            double[] block(int len) {
                if (len > POOLED) return new double[len];
                int c = 32 - Integer.numberOfLeadingZeros(Math.max(1, len) - 1);
                java.util.ArrayDeque<double[]> q = freeBlocks[c];
                double[] a = q == null ? null : q.pollLast();
                return a != null ? a : new double[1 << c];
            }

            /** Gives a contribution block back to the pool (blocks not taken from it are left to the collector). */
            void release(double[] a) {
                if (a == null || a.length > POOLED || Integer.bitCount(a.length) != 1) return;
                int c = Integer.numberOfTrailingZeros(a.length);
                if (freeBlocks[c] == null) freeBlocks[c] = new java.util.ArrayDeque<>();
                freeBlocks[c].addLast(a);
            }

            /** A zeroed buffer of at least len entries (the front's m × m, row-major in its first len). */
            double[] front(int len) { return front = zeroed(front, len); }
        }

        /**
         * Storage for the fronts' factors in large arrays, one front after the other: filled upwards (the L parts, read in
         * factorization order) or downwards from each array's end (the U parts, read in reverse order), so that a
         * triangular solve streams each array in one direction. A solve read the factors 30% faster from such arrays
         * than from one array per front (btc N = 362, one thread: 8-11 ms against 12.5-16.6 ms): at ~1,200 entries a
         * front, each new array restarted the hardware prefetcher. A front larger than an array gets one of its own.
         */
        static final class Slabs {
            final int size;
            final boolean downward;
            private double[] current;
            private int free;
            /** Where the last {@link #put} went. */
            double[] array;
            int offset;

            /** A recycled factorization's arrays, taken before new ones are allocated; or null. */
            private final Recycled arrays;

            Slabs(int size, boolean downward, Recycled arrays) { this.size = size; this.downward = downward; this.arrays = arrays; }

            private double[] allocate(int len) { return arrays == null ? new double[len] : arrays.take(len); }

            /** Entries per array for a factor of about {@code stored} entries: 1/64 of it (≤ 6% left unfilled), in [2^15, 2^22]. */
            static int size(double stored) { return (int) Math.max(1 << 15, Math.min(1 << 22, stored / 64)); }

            /** Room for len entries, at {@link #offset} in {@link #array}. */
            void reserve(int len) {
                if (len > size) {
                    array = allocate(len);
                    offset = 0;
                    return;
                }
                if (current == null || (downward ? free < len : size - free < len)) {
                    current = allocate(size);
                    free = downward ? size : 0;
                }
                if (downward) free -= len;
                offset = free;
                if (!downward) free += len;
                array = current;
            }
        }

        private static final class FrontResult {
            int p, lowerOff, upperOff; int[] pivRows, pivCols, restRows, restCols; double[] lower, upper, schur;
        }

        /**
         * Blocked right-looking LU of the leading q columns of the m x m front F with threshold partial pivoting
         * among the q fully summed rows; failing columns are delayed.
         */
        private FrontResult factorFront(double[] F, int m, int q, int[] rowId, int[] colId, boolean root, boolean par, Workspace ws) {
            int p = 0;
            int[] pivColIdx = new int[q];
            int[] delayedCols = new int[q];
            int nd = 0;
            double[] Lb = ws.mult;
            double[] P = ws.panel;               // column-major panel, rows [p0, m)
            int[] pc = new int[q];
            boolean[] piv = new boolean[q];
            int[] swapA = new int[NB], swapB = new int[NB];
            double[] lcol = ws.lcol, urow = ws.urow;
            for (int jb = 0; jb < q; jb += NB) {
                int je = Math.min(q, jb + NB);
                int pb = p, p0 = p;
                // panel columns: this block and all currently delayed columns
                int w = 0;
                for (int c = jb; c < je; c++) pc[w++] = c;
                for (int k = 0; k < nd; k++) pc[w++] = delayedCols[k];
                int h = m - p0;
                if (P.length < w * h) ws.panel = P = new double[Math.max(w * h, 2 * P.length)];
                gatherPanel(F, m, p0, h, w, pc, P);
                int ns = 0;
                for (int cc = 0; cc < je - jb; cc++) {
                    int co = cc * h;
                    double colMax = maxAbs(P, co + p - p0, co + h);
                    int ri = argMaxAbs(P, co + p - p0, co + q - p0);
                    int r = ri < 0 ? -1 : ri - co + p0;
                    double best = ri < 0 ? -1 : Math.abs(P[ri]);
                    if (!(colMax < Double.POSITIVE_INFINITY))
                        throw new IllegalArgumentException("SparseLU: non-finite values during factorisation");
                    if (r < 0 || best < PIVOT_THRESHOLD * colMax || best <= tiny) {
                        delayedCols[nd++] = jb + cc;
                        continue;
                    }
                    int lp = p - p0, lr = r - p0;
                    if (r != p) {
                        swapPanelRows(P, w, h, lr, lp);
                        swapA[ns] = p; swapB[ns] = r; ns++;
                    }
                    scale(P, co + lp + 1, co + h, 1.0 / P[co + lp]);
                    // separate copy of the multipliers so that the updates below vectorise (no aliasing)
                    if (lcol.length < h) ws.lcol = lcol = new double[Math.max(h, 2 * lcol.length)];
                    System.arraycopy(P, co + lp + 1, lcol, lp + 1, h - lp - 1);
                    // rank-1 update of the other unpivoted panel columns
                    for (int c = 0; c < w; c++) {
                        if (c == cc) continue;
                        int orig = pc[c];
                        if (c < je - jb ? (c < cc && piv[orig]) : false) continue;
                        int o = c * h;
                        double u = P[o + lp];
                        if (u == 0) continue;
                        subScaled(P, o, u, lcol, lp + 1, h);
                    }
                    piv[jb + cc] = true;
                    pivColIdx[p] = jb + cc;
                    p++;
                }
                // compact delayed list: earlier delayed columns that got pivoted? (never: delayed columns are
                // only re-tried in the parent), so keep the list as is.
                // apply row swaps to the full rows, then write the panel back
                for (int k = 0; k < ns; k++) {
                    swapRanges(F, swapA[k] * m, swapB[k] * m, m);
                    int ti = rowId[swapA[k]]; rowId[swapA[k]] = rowId[swapB[k]]; rowId[swapB[k]] = ti;
                }
                scatterPanel(F, m, p0, h, w, pc, P);
                int kb = p - pb;
                if (kb > 0 && je < m) {
                    int ncol = m - je;
                    if (urow.length < ncol) ws.urow = urow = new double[Math.max(ncol, 2 * urow.length)];
                    for (int k = pb; k < p - 1; k++) {
                        System.arraycopy(F, k * m + je, urow, 0, ncol);
                        for (int k2 = k + 1; k2 < p; k2++) {
                            double l = F[k2 * m + pivColIdx[k]];
                            if (l == 0) continue;
                            subScaled(F, k2 * m + je, l, urow, 0, ncol);
                        }
                    }
                    int rows = m - p;
                    if (rows > 0) {
                        if (Lb.length < rows * kb) ws.mult = Lb = new double[Math.max(rows * kb, 2 * Lb.length)];
                        for (int k = 0; k < kb; k++) strideCopy(P, (pivColIdx[pb + k] - jb) * h + (p - p0), Lb, k, kb, rows);
                        DenseKernels.gemmSub(F, p * m + je, m, rows, ncol, Lb, kb, F, pb * m + je, m, par);
                    }
                }
            }
            if (root && p < q)
                throw new Singular(q - p, tiny);
            return extract(F, m, q, p, nd, pivColIdx, delayedCols, rowId, colId, root, ws);
        }

        /** The packed factors of a partly factored front, its index lists and (below the root) its Schur complement. */
        private static FrontResult extract(double[] F, int m, int q, int p, int nd, int[] pivColIdx, int[] delayedCols, int[] rowId, int[] colId, boolean root, Workspace ws) {
            FrontResult res = new FrontResult();
            res.p = p;
            int r = m - p;
            int[] cOrder = new int[m];     // physical column order: pivots, delayed, boundary
            for (int k = 0; k < p; k++) cOrder[k] = pivColIdx[k];
            for (int k = 0; k < nd; k++) cOrder[p + k] = delayedCols[k];
            for (int k = q; k < m; k++) cOrder[k] = k;   // p + nd == q
            res.pivRows = Arrays.copyOf(rowId, p);
            res.restRows = Arrays.copyOfRange(rowId, p, m);
            res.pivCols = new int[p];
            for (int k = 0; k < p; k++) res.pivCols[k] = colId[cOrder[k]];
            res.restCols = new int[r];
            for (int k = 0; k < r; k++) res.restCols[k] = colId[cOrder[p + k]];
            // the solve layouts (SparseLU#lower, #upper): column k of L below the diagonal is F's physical column cOrder[k]
            // from row k + 1 to the last (L11 then L21); row k of U from the diagonal on is F's row k over the physical
            // columns cOrder[k ..] (U11 then U12), stored from the last pivot row to the first
            ws.lower.reserve(p * (p - 1) / 2 + p * r);
            double[] lo = ws.lower.array;
            int o = ws.lower.offset;
            res.lower = lo;
            res.lowerOff = o;
            for (int k = 0; k < p; k++) o = column(F, m, cOrder[k], k + 1, lo, o);
            ws.upper.reserve(p * (p + 1) / 2 + p * r);
            double[] up = ws.upper.array;
            o = ws.upper.offset;
            res.upper = up;
            res.upperOff = o;
            for (int k = p - 1; k >= 0; k--) { gather(F, k * m, cOrder, k, up, o, 1, m - k); o += m - k; }
            if (nd == 0) {
                if (!root) {
                    double[] sch = ws.block(r * r);
                    for (int i = 0; i < r; i++) System.arraycopy(F, (p + i) * m + p, sch, i * r, r);
                    res.schur = sch;
                }
                return res;
            }
            if (!root) {
                double[] sch = ws.block(r * r);
                for (int i = 0; i < r; i++) gather(F, (p + i) * m, cOrder, p, sch, i * r, 1, r);
                res.schur = sch;
            }
            return res;
        }

        /** out[o ..] = F[i m + c] for i = from .. m − 1 (a column of the front, below row from); returns the next o. */
        private static int column(double[] F, int m, int c, int from, double[] out, int o) {
            for (int i = from; i < m; i++) out[o++] = F[i * m + c];
            return o;
        }

        // The front kernels are small methods of their own: one 200-line factorFront was compiled by C2 six times over
        // (once per hot loop, on-stack replacement: ~1.1 s of a 2-core machine's compile time in a cold N = 512 steady
        // state); small methods are compiled once each, early, from their invocation counts.

        /** P[c h + i] = F[(p0 + i) m + pc[c]]: the panel columns, column-major, rows p0 .. p0 + h. */
        private static void gatherPanel(double[] F, int m, int p0, int h, int w, int[] pc, double[] P) {
            for (int i = 0; i < h; i++) {
                int io = (p0 + i) * m;
                for (int c = 0; c < w; c++) P[c * h + i] = F[io + pc[c]];
            }
        }

        /** The inverse of {@link #gatherPanel}. */
        private static void scatterPanel(double[] F, int m, int p0, int h, int w, int[] pc, double[] P) {
            for (int i = 0; i < h; i++) {
                int io = (p0 + i) * m;
                for (int c = 0; c < w; c++) F[io + pc[c]] = P[c * h + i];
            }
        }

        /** max |x[i]|, i in [from, to); 0 if empty. */
        private static double maxAbs(double[] x, int from, int to) {
            double mx = 0;
            for (int i = from; i < to; i++) { double av = Math.abs(x[i]); if (av > mx) mx = av; }
            return mx;
        }

        /** The first i in [from, to) of largest |x[i]|, or −1 if empty. */
        private static int argMaxAbs(double[] x, int from, int to) {
            double best = -1;
            int r = -1;
            for (int i = from; i < to; i++) { double av = Math.abs(x[i]); if (av > best) { best = av; r = i; } }
            return r;
        }

        /** Swaps rows a and b of the w panel columns (column-major, height h). */
        private static void swapPanelRows(double[] P, int w, int h, int a, int b) {
            for (int c = 0; c < w; c++) { int o = c * h; double t = P[o + a]; P[o + a] = P[o + b]; P[o + b] = t; }
        }

        /** Swaps x[a .. a + len) and x[b .. b + len). */
        private static void swapRanges(double[] x, int a, int b, int len) {
            for (int j = 0; j < len; j++) { double t = x[a + j]; x[a + j] = x[b + j]; x[b + j] = t; }
        }

        private static void scale(double[] x, int from, int to, double f) {
            for (int i = from; i < to; i++) x[i] *= f;
        }

        /** y[yo + i] −= u x[i], i in [from, to). */
        private static void subScaled(double[] y, int yo, double u, double[] x, int from, int to) {
            for (int i = from; i < to; i++) y[yo + i] -= u * x[i];
        }

        /** dst[d0 + k stride] = src[s0 + idx[i0 + k]], k < len. */
        private static void gather(double[] src, int s0, int[] idx, int i0, double[] dst, int d0, int stride, int len) {
            for (int k = 0; k < len; k++) dst[d0 + k * stride] = src[s0 + idx[i0 + k]];
        }

        /** dst[d0 + i stride] = src[s0 + i], i < len. */
        private static void strideCopy(double[] src, int s0, double[] dst, int d0, int stride, int len) {
            for (int i = 0; i < len; i++) dst[d0 + i * stride] = src[s0 + i];
        }
    }
}
