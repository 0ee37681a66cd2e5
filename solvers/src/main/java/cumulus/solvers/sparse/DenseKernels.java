package cumulus.solvers.sparse;

/**
 * Small dense kernels for the frontal matrices (row-major storage), written for C2 auto-vectorisation, and the
 * engines' one way of running two jobs on the two cores ({@link #parallel}).
 */
public final class DenseKernels {
    private DenseKernels() {}

    static final int THREADS = Math.max(1, Math.min(2,
            Integer.getInteger("cumulus.sparse.threads", Runtime.getRuntime().availableProcessors())));
    /** Threads that {@link #parallel} uses (1 or 2). */
    public static int threads() { return THREADS; }

    /**
     * On a thread running one of two {@link #sideBySide} jobs: how many of the pair still run. Its work is not split
     * while both do (each has a core); once the other is done it may be (the longer job's rest gets both cores).
     */
    private static final ThreadLocal<java.util.concurrent.atomic.AtomicInteger> SIDE = new ThreadLocal<>();

    /** Whether work on the current thread may be split over two threads. */
    static boolean canSplit() {
        if (THREADS < 2) return false;
        java.util.concurrent.atomic.AtomicInteger pair = SIDE.get();
        return pair == null || pair.get() <= 1;
    }

    /**
     * Whether work started here may be split for good, independent of how far a sibling job has come: the
     * factorization's subtree split and the dissection's threads (their results stay the same whatever the timing).
     */
    static boolean splitsForGood() { return THREADS >= 2 && SIDE.get() == null; }

    /**
     * Runs two independent jobs side by side, each with its kernels kept on one thread while the other runs: for two
     * factorizations this is ~1.8x faster than running them one after the other with split kernels,
     * whose fronts parallelise poorly (measured 1.2x on 2 cores).
     */
    static void sideBySide(Runnable a, Runnable b) {
        if (!canSplit()) { a.run(); b.run(); return; }
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger(2);
        parallel(side(a, running), side(b, running));
    }

    /** Runs job(0), ..., job(p − 1) two at a time {@link #sideBySide} (independent blocks of one problem). */
    static void eachPair(int p, java.util.function.IntConsumer job) {
        for (int i = 0; i < p; i += 2) {
            final int i0 = i, i1 = i + 1;
            if (i1 >= p) { job.accept(i0); break; }
            sideBySide(() -> job.accept(i0), () -> job.accept(i1));
        }
    }

    private static Runnable side(Runnable r, java.util.concurrent.atomic.AtomicInteger running) {
        return () -> {
            java.util.concurrent.atomic.AtomicInteger before = SIDE.get();
            SIDE.set(running);
            try { r.run(); } finally { running.decrementAndGet(); SIDE.set(before); }
        };
    }

    /** A job over the chunks [from, to) of a vector. */
    @FunctionalInterface
    interface Chunks { void run(int from, int to); }

    /**
     * job(0, count), or job(0, h) and job(h, count) side by side when the other core is free (e.g. the sibling of a
     * {@link #sideBySide} pair has finished). The callers keep each chunk's result independent of the split (partial
     * sums per chunk, reduced in chunk order afterwards), so the answer does not depend on the timing.
     */
    static void overChunks(int count, Chunks job) {
        if (count >= 16 && canSplit()) {
            int h = count / 2;
            parallel(() -> job.run(0, h), () -> job.run(h, count));
        } else job.run(0, count);
    }

    /**
     * Runs a and b, in parallel when two threads are allowed (-Dcumulus.sparse.threads, the cores, not nested): b on
     * the {@link Partner} thread, whose hand-over costs about a microsecond instead of a pool's 50.
     */
    public static void parallel(Runnable a, Runnable b) {
        if (!canSplit()) { a.run(); b.run(); return; }
        Partner.run(a, b);
    }

    /**
     * C[cOff + i*ldc + j] -= sum_k A[i*kb + k] * B[bOff + k*ldb + j], for i &lt; rows, j &lt; cols.
     * Splits the rows over two threads for large products when {@code par}.
     */
    static void gemmSub(double[] c, int cOff, int ldc, int rows, int cols,
                        double[] a, int kb, double[] b, int bOff, int ldb, boolean par) {
        if (rows <= 0 || cols <= 0 || kb <= 0) return;
        if (par && canSplit() && (double) rows * cols * kb > 4e6 && rows >= 16) {
            int h = (rows / 2) & ~3;
            parallel(() -> gemmSeq(c, cOff, ldc, h, cols, a, 0, kb, b, bOff, ldb),
                     () -> gemmSeq(c, cOff + h * ldc, ldc, rows - h, cols, a, h * kb, kb, b, bOff, ldb));
        } else {
            gemmSeq(c, cOff, ldc, rows, cols, a, 0, kb, b, bOff, ldb);
        }
    }

    private static final int JB = 256;
    /**
     * gemmSeq's four row tiles of C, one set per thread: allocated per call they were 0.56 GB of a 3.7 GB btc N = 512
     * spectrum run's allocations (the JIT does not scalar-replace arrays this long).
     */
    private static final ThreadLocal<double[][]> TILES = ThreadLocal.withInitial(() -> new double[][]{new double[JB], new double[JB], new double[JB], new double[JB]});

    static void gemmSeq(double[] c, int cOff, int ldc, int rows, int cols,
                        double[] a, int aOff, int kb, double[] b, int bOff, int ldb) {
        double[][] tiles = TILES.get();
        double[] t0 = tiles[0], t1 = tiles[1], t2 = tiles[2], t3 = tiles[3];
        for (int j0 = 0; j0 < cols; j0 += JB) {
            int jn = Math.min(JB, cols - j0);
            int i = 0;
            for (; i + 4 <= rows; i += 4) {
                int c0 = cOff + i * ldc + j0;
                System.arraycopy(c, c0, t0, 0, jn);
                System.arraycopy(c, c0 + ldc, t1, 0, jn);
                System.arraycopy(c, c0 + 2 * ldc, t2, 0, jn);
                System.arraycopy(c, c0 + 3 * ldc, t3, 0, jn);
                int ai = aOff + i * kb, r1 = ai + kb, r2 = r1 + kb, r3 = r2 + kb;
                int k = 0;
                // 4 rows of C by 4 rows of B per pass: each load and store of the C tile serves 4 products instead
                // of 1 (measured 6.4 -> 9 GFLOP/s on 1000 x 1000 x 500, one core)
                for (; k + 4 <= kb; k += 4) {
                    double a00 = a[ai + k], a01 = a[ai + k + 1], a02 = a[ai + k + 2], a03 = a[ai + k + 3];
                    double a10 = a[r1 + k], a11 = a[r1 + k + 1], a12 = a[r1 + k + 2], a13 = a[r1 + k + 3];
                    double a20 = a[r2 + k], a21 = a[r2 + k + 1], a22 = a[r2 + k + 2], a23 = a[r2 + k + 3];
                    double a30 = a[r3 + k], a31 = a[r3 + k + 1], a32 = a[r3 + k + 2], a33 = a[r3 + k + 3];
                    int bk0 = bOff + k * ldb + j0, bk1 = bk0 + ldb, bk2 = bk1 + ldb, bk3 = bk2 + ldb;
                    for (int j = 0; j < jn; j++) {
                        double b0 = b[bk0 + j], b1 = b[bk1 + j], b2 = b[bk2 + j], b3 = b[bk3 + j];
                        t0[j] -= a00 * b0 + a01 * b1 + a02 * b2 + a03 * b3;
                        t1[j] -= a10 * b0 + a11 * b1 + a12 * b2 + a13 * b3;
                        t2[j] -= a20 * b0 + a21 * b1 + a22 * b2 + a23 * b3;
                        t3[j] -= a30 * b0 + a31 * b1 + a32 * b2 + a33 * b3;
                    }
                }
                for (; k < kb; k++) {
                    double a0 = a[ai + k], a1 = a[r1 + k], a2 = a[r2 + k], a3 = a[r3 + k];
                    if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) continue;
                    int bk = bOff + k * ldb + j0;
                    for (int j = 0; j < jn; j++) {
                        double bv = b[bk + j];
                        t0[j] -= a0 * bv; t1[j] -= a1 * bv; t2[j] -= a2 * bv; t3[j] -= a3 * bv;
                    }
                }
                System.arraycopy(t0, 0, c, c0, jn);
                System.arraycopy(t1, 0, c, c0 + ldc, jn);
                System.arraycopy(t2, 0, c, c0 + 2 * ldc, jn);
                System.arraycopy(t3, 0, c, c0 + 3 * ldc, jn);
            }
            for (; i < rows; i++) {
                int ci = cOff + i * ldc + j0;
                int ai = aOff + i * kb;
                for (int k = 0; k < kb; k++) {
                    double av = a[ai + k];
                    if (av == 0) continue;
                    int bk = bOff + k * ldb + j0;
                    for (int j = 0; j < jn; j++) c[ci + j] -= av * b[bk + j];
                }
            }
        }
    }
}
