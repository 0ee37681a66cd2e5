package cumulus.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.ops.DConvertMatrixStruct;
import org.junit.jupiter.api.Test;

class SparseLUTest {

    private static void checkSolves(DMatrixSparseCSC a, double tol) {
        SparseLU lu = SparseLU.factor(a);
        assertEquals(a.numCols, lu.size());
        Random r = new Random(3);
        for (int rep = 0; rep < 3; rep++) {
            double[] b = new double[a.numRows];
            for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
            double[] x = new double[b.length];
            lu.solve(b, x);
            double res = TestMatrices.relResidual(a, x, b);
            assertTrue(res < tol, "relative residual " + res);
        }
    }

    @Test
    void randomSparseMatchesDense() {
        DMatrixSparseCSC a = TestMatrices.random(400, 4, 3.0, 11);
        SparseLU lu = SparseLU.factor(a);
        double[] b = new double[400];
        Random r = new Random(5);
        for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
        double[] x = new double[400];
        lu.solve(b, x);
        DMatrixRMaj ad = TestMatrices.dense(a), bd = new DMatrixRMaj(400, 1, true, b), xd = new DMatrixRMaj(400, 1);
        assertTrue(CommonOps_DDRM.solve(ad, bd, xd));
        for (int i = 0; i < 400; i++) assertEquals(xd.get(i), x[i], 1e-9 * (1 + Math.abs(xd.get(i))));
        assertTrue(TestMatrices.relResidual(a, x, b) < 1e-13);
    }

    /**
     * Several right-hand sides at once (interleaved, one pass over the factor) give the single solves' solutions to
     * rounding: residuals below 1e-12 and within 10 times the single solve's (btc N = 60, 3721 unknowns, and a random
     * matrix that needs pivoting).
     */
    @Test
    void blockOfRightHandSidesEqualsSingleSolves() {
        for (DMatrixSparseCSC a : List.of(ShiftInvertEigen.shifted(BtcFixture.liouvillian(60, 2.0, 1.0), 0.01), TestMatrices.random(600, 4, 0.0, 12))) {
            SparseLU lu = SparseLU.factor(a);
            int n = a.numCols;
            java.util.Random r = new java.util.Random(5);
            for (int k : new int[]{2, 3, 4, 8}) {
                double[][] b = new double[k][n], x = new double[k][n];
                for (double[] v : b) for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
                lu.solve(b, x);
                for (int j = 0; j < k; j++) {
                    double[] y = new double[n];
                    lu.solve(b[j], y);
                    double d = 0, m = 0;
                    for (int i = 0; i < n; i++) { d = Math.max(d, Math.abs(x[j][i] - y[i])); m = Math.max(m, Math.abs(y[i])); }
                    double res = TestMatrices.relResidual(a, x[j], b[j]), res1 = TestMatrices.relResidual(a, y, b[j]);
                    assertTrue(res < 1e-12 && res < 10 * res1 + 1e-15, "k=" + k + " vector " + j + ": relative residual " + res + " (single solve " + res1 + ")");
                    assertTrue(d <= 1e-9 * m, "k=" + k + " vector " + j + ": max difference " + d + " of " + m);
                }
            }
            assertThrows(IllegalArgumentException.class, () -> lu.solve(new double[2][n], new double[3][n]));
        }
    }

    /**
     * A factorization into the arrays of an earlier one of the same pattern (the spectrum's LU at σ = ω into the one at
     * the small shift) solves exactly as a fresh one does, also where the two pivot differently (delayed pivots), and
     * the earlier one refuses to solve; solves that reuse their work vectors (SparseLU.Scratch) give the fresh
     * vectors' solutions to the last bit.
     */
    @Test
    void aFactorizationIntoARecycledOneSolvesAsAFreshOne() {
        DMatrixSparseCSC btc = BtcFixture.liouvillian(60, 2.0, 1.0);
        DMatrixSparseCSC weak = TestMatrices.random(600, 4, 0.0, 12), weak2 = weak.copy();
        Random v = new Random(9);
        for (int q = 0; q < weak2.nz_length; q++) weak2.nz_values[q] *= 0.5 + v.nextDouble();
        for (DMatrixSparseCSC[] pair : List.of(new DMatrixSparseCSC[]{ShiftInvertEigen.shifted(btc, 0.01), ShiftInvertEigen.shifted(btc, 2.0)},
                new DMatrixSparseCSC[]{weak, weak2})) {
            SparseLU.Ordering ordering = SparseLU.order(pair[0]);
            SparseLU old = SparseLU.factor(pair[0], ordering);
            SparseLU fresh = SparseLU.factor(pair[1], ordering), reused = SparseLU.factor(pair[1], ordering, old);
            int n = pair[1].numCols;
            Random r = new Random(4);
            SparseLU.Scratch scratch = new SparseLU.Scratch();
            for (int rep = 0; rep < 3; rep++) {
                double[] b = new double[n], x = new double[n], y = new double[n];
                for (int i = 0; i < n; i++) b[i] = r.nextGaussian();
                fresh.solve(b, x);
                reused.solve(b, y, scratch);
                assertArrayEquals(x, y, 0.0);
                double[][] bb = {b, x.clone(), y.clone(), b.clone()}, xx = new double[4][n], yy = new double[4][n];
                fresh.solve(bb, xx);
                reused.solve(bb, yy, scratch);
                for (int j = 0; j < 4; j++) assertArrayEquals(xx[j], yy[j], 0.0);
                assertTrue(TestMatrices.relResidual(pair[1], y, b) < 1e-12);
            }
            assertThrows(IllegalStateException.class, () -> old.solve(new double[n], new double[n]));
        }
    }

    @Test
    void randomWeakDiagonalNeedsPivoting() {
        checkSolves(TestMatrices.random(600, 4, 0.0, 12), 1e-11);
    }

    @Test
    void zeroDiagonalRowPermutedGrid() {
        // rows permuted: diagonal mostly zero, forces off-diagonal and delayed pivots
        checkSolves(TestMatrices.permuteRows(TestMatrices.grid(30, 0.3), 4), 1e-12);
    }

    @Test
    void gridHasLowFill() {
        int k = 100;
        DMatrixSparseCSC a = TestMatrices.grid(k, 0.5);
        SparseLU lu = SparseLU.factor(a);
        checkSolves(a, 1e-13);
        long n = a.numCols;
        // nested dissection on a 2-D grid: O(n log n) fill, well below the banded-LU fill 2 n k
        assertTrue(lu.factorNonZeros() < 0.75 * 2 * n * k, "fill " + lu.factorNonZeros());
    }

    @Test
    void btcLiouvillianShifted() {
        DMatrixSparseCSC l = BtcFixture.liouvillian(40, 2.0, 1.0);
        checkSolves(ShiftInvertEigen.shifted(l, 0.01), 1e-12);
        checkSolves(ShiftInvertEigen.shifted(BtcFixture.liouvillian(31, 0.5, 1.0), -0.3), 1e-12);
    }

    @Test
    void blockDiagonalAndTinySizes() {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(1, 1, 1);
        t.addItem(0, 0, 2.0);
        SparseLU one = SparseLU.factor(DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null));
        double[] x = new double[1];
        one.solve(new double[]{4.0}, x);
        assertEquals(2.0, x[0], 0);
        // three decoupled blocks (disconnected graph)
        int n = 300;
        DMatrixSparseTriplet b = new DMatrixSparseTriplet(n, n, 4 * n);
        Random r = new Random(9);
        for (int i = 0; i < n; i++) {
            b.addItem(i, i, 1 + r.nextDouble());
            int blk = i / 100;
            b.addItem(i, blk * 100 + r.nextInt(100), r.nextGaussian());
        }
        checkSolves(DConvertMatrixStruct.convert(b, (DMatrixSparseCSC) null), 1e-13);
    }

    @Test
    void singularMatricesAreRejected() {
        // zero column
        DMatrixSparseCSC a = TestMatrices.random(200, 3, 3.0, 13);
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(200, 200, a.nz_length);
        for (int j = 0; j < 200; j++)
            for (int q = a.col_idx[j]; q < a.col_idx[j + 1]; q++) if (j != 17) t.addItem(a.nz_rows[q], j, a.nz_values[q]);
        DMatrixSparseCSC z = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparseLU.factor(z));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
        // two equal columns
        DMatrixSparseTriplet t2 = new DMatrixSparseTriplet(200, 200, a.nz_length);
        for (int j = 0; j < 200; j++) {
            int src = j == 50 ? 40 : j;
            for (int q = a.col_idx[src]; q < a.col_idx[src + 1]; q++) t2.addItem(a.nz_rows[q], j, a.nz_values[q]);
        }
        DMatrixSparseCSC d = DConvertMatrixStruct.convert(t2, (DMatrixSparseCSC) null);
        assertThrows(IllegalArgumentException.class, () -> SparseLU.factor(d));
        // not square
        assertThrows(IllegalArgumentException.class, () -> SparseLU.factor(new DMatrixSparseCSC(3, 4, 0)));
    }

    @Test
    void unshiftedLiouvillianIsSingular() {
        assertThrows(IllegalArgumentException.class, () -> SparseLU.factor(BtcFixture.liouvillian(12, 2.0, 1.0)));
    }

    @Test
    void orderingIsAPermutationWithValidTree() {
        DMatrixSparseCSC a = ShiftInvertEigen.shifted(BtcFixture.liouvillian(30, 2.0, 1.0), 0.01);
        NestedDissection nd = NestedDissection.order(a.numCols, a.col_idx, a.nz_rows, 24);
        boolean[] seen = new boolean[a.numCols];
        for (int v : nd.perm) { assertTrue(!seen[v]); seen[v] = true; }
        int covered = 0;
        for (int t = 0; t < nd.nodes; t++) {
            covered += nd.end[t] - nd.start[t];
            assertTrue(nd.parent[t] == -1 || nd.parent[t] > t, "postorder");
        }
        assertEquals(a.numCols, covered);
    }

    @Test
    void compressedOrderingAndSmallLeaves() {
        // every grid point carries two coupled unknowns with identical adjacency: compression merges them
        DMatrixSparseCSC g = TestMatrices.grid(25, 0.4);
        int n = 2 * g.numCols;
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, 4 * g.nz_length);
        Random r = new Random(17);
        for (int j = 0; j < g.numCols; j++)
            for (int q = g.col_idx[j]; q < g.col_idx[j + 1]; q++)
                for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++)
                    t.addItem(2 * g.nz_rows[q] + a, 2 * j + b, g.nz_values[q] * (a == b ? 1 : 0.3) + 0.01 * r.nextGaussian());
        DMatrixSparseCSC a = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        NestedDissection nd = NestedDissection.order(n, a.col_idx, a.nz_rows, 16, true);
        boolean[] seen = new boolean[n];
        for (int v : nd.perm) { assertTrue(!seen[v]); seen[v] = true; }
        for (boolean s : new boolean[]{true, false}) {
            SparseLU lu = SparseLU.factor(a, 8, s);
            double[] b = new double[n], x = new double[n];
            for (int i = 0; i < n; i++) b[i] = r.nextGaussian();
            lu.solve(b, x);
            assertTrue(TestMatrices.relResidual(a, x, b) < 1e-12);
        }
    }

    @Test
    void denseTraceRowIsOrderedLast() {
        // grid operator whose first row is replaced by a dense "trace" row (as in steady-state solves)
        int k = 60, n = k * k;
        DMatrixSparseCSC a = gridWithTraceRow(k, 1);
        SparseLU lu = SparseLU.factor(a);
        checkSolves(a, 1e-12);
        assertTrue(lu.factorNonZeros() < 0.75 * 2 * (long) n * k, "fill " + lu.factorNonZeros());
    }

    @Test
    void partialTraceRowIsAHubToo() {
        // a steady-state trace row touches only the populations: 150 of 3600 unknowns here, far above the
        // average degree but below n; it must still be ordered last, or every level structure collapses
        int k = 60;
        DMatrixSparseCSC a = gridWithTraceRow(k, 24);
        checkSolves(a, 1e-12);
        double[] stats = SparseLU.analyse(a);
        double[] plain = SparseLU.analyse(TestMatrices.grid(k, 0.3));
        assertTrue(stats[1] < 1.5 * plain[1], "flops " + stats[1] + " vs " + plain[1] + " without the row");
    }

    /** The k×k grid operator with its first row replaced by ones on every stride-th column (a trace row). */
    private static DMatrixSparseCSC gridWithTraceRow(int k, int stride) {
        int n = k * k;
        DMatrixSparseCSC g = TestMatrices.grid(k, 0.3);
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, g.nz_length + n);
        for (int j = 0; j < n; j++)
            for (int q = g.col_idx[j]; q < g.col_idx[j + 1]; q++) if (g.nz_rows[q] != 0) t.addItem(g.nz_rows[q], j, g.nz_values[q]);
        for (int j = 0; j < n; j += stride) t.addItem(0, j, 1.0);
        DMatrixSparseCSC m = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        for (int[] block : cumulus.solvers.space.SymmetryBlocks.of(List.of(m)))
            if (block[0] == 0) return cumulus.solvers.space.SymmetryBlocks.restrict(m, block);
        return m;
    }

    @Test
    void concurrentSolvesShareOneFactorisation() throws Exception {
        DMatrixSparseCSC a = ShiftInvertEigen.shifted(BtcFixture.liouvillian(90, 2.0, 1.0), 0.01);
        SparseLU lu = SparseLU.factor(a);
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<Double>> fs = new java.util.ArrayList<>();
            for (int t = 0; t < 6; t++) {
                final long seed = t;
                fs.add(ex.submit(() -> {
                    Random r = new Random(seed);
                    double[] b = new double[a.numRows], x = new double[a.numRows];
                    for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
                    lu.solve(b, x);
                    return TestMatrices.relResidual(a, x, b);
                }));
            }
            for (java.util.concurrent.Future<Double> f : fs) assertTrue(f.get() < 1e-12, "residual " + f.get());
        } finally {
            ex.shutdownNow();
        }
    }

    /**
     * The two factorization threads get comparable work: on btc's steady-state block the root chain's two children
     * alone split it 75 : 25 (4.35e7 : 1.40e7 at N = 160); descending into the larger subtree must bring the smaller
     * group above 40% of the two, with at most a fifth of the work left above them; the solves stay accurate.
     */
    /**
     * The steady-state system of the fixture as the steady state solves it: L with its first row (the population of
     * |0><0|) replaced by the trace, restricted to the invariant block of the populations.
     */
    private static DMatrixSparseCSC steadyBlock(DMatrixSparseCSC l, int N) {
        boolean[] diag = new boolean[l.numCols];
        int idx = 0;
        for (int j = 0; j <= N; j++) for (int k = j; k <= N; k++) { if (j == k) diag[idx] = true; idx += j == k ? 1 : 2; }
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(l.numRows, l.numCols, l.nz_length + N + 1);
        for (int c = 0; c < l.numCols; c++) {
            for (int k = l.col_idx[c]; k < l.col_idx[c + 1]; k++) if (l.nz_rows[k] != 0) t.addItem(l.nz_rows[k], c, l.nz_values[k]);
            if (diag[c]) t.addItem(0, c, 1.0);
        }
        DMatrixSparseCSC m = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        for (int[] block : cumulus.solvers.space.SymmetryBlocks.of(List.of(m)))
            if (block[0] == 0) return cumulus.solvers.space.SymmetryBlocks.restrict(m, block);
        return m;
    }

    @Test
    void theTwoThreadSplitBalancesTheWork() {
        org.junit.jupiter.api.Assumptions.assumeTrue(DenseKernels.canSplit(), "needs two threads");
        DMatrixSparseCSC a = steadyBlock(BtcFixture.liouvillian(160, 2.0, 1.0), 160);
        SparseLU lu = SparseLU.factor(a);
        double[] w = lu.splitWork;
        assertTrue(w != null, "a 13,000-unknown factorization is split over two threads");
        double smaller = Math.min(w[0], w[1]), both = w[0] + w[1];
        assertTrue(smaller >= 0.4 * both, "groups " + w[0] + " and " + w[1]);
        assertTrue(both >= 0.8 * w[2], "left above the groups: " + (w[2] - both) + " of " + w[2]);
        checkSolves(a, 1e-12);
    }
}
