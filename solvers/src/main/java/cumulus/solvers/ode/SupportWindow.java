package cumulus.solvers.ode;

import cumulus.solvers.sparse.DenseKernels;

import java.util.Arrays;
import java.util.Locale;

/**
 * The rows of L that a step of {@link LinearDormandPrince} must compute, when the state is small outside a moving
 * region of its coordinates: the numerical support of a collective-spin state. A spin coherent state is a Gaussian
 * of width ~√S in m, so ρ_{mm'} is above 1e-16 on a blob of O(S) of the (2S+1)² entries; btc from "up" stays near
 * one at N = 256–512 (measured: 15–30% of the coordinates above 1e-14 at every t ≤ 20, a fraction falling like 1/N).
 *
 * <p>The step is exact on the window. Every power w_k = (hL)^k y reaches at most k hops further in the graph of L
 * than y does, so with y supported on A, one step of degree 12 needs exactly the rows R = A dilated by 12 hops (the
 * rest are zero). After each accepted step the entries with the smallest w_i |y_i| are set to zero while their sum
 * stays within the truncation budget (accrued in proportion to time), and R is rebuilt from what is left. With
 * w_i = ‖E_i‖₁ of the basis ({@link cumulus.solvers.space.LiouvillianSpace#traceNormWeights}), each drop changes ρ
 * by at most its sum in the trace norm, the Lindblad evolution never enlarges that (trace-norm contraction of
 * CPTP maps on Hermitian operators), and so every expectation value at every later time is off by at most
 * ‖O‖ × {@link #spent()}: the bound is rigorous, not an estimate, and it is reported with the run.
 *
 * <p>Below {@link #ENTER} of the coordinates the window is used; above {@link #LEAVE} the full product runs, and the
 * window is re-examined every {@link #RECHECK} steps (each look drops what the budget allows).
 */
public final class SupportWindow {
    /** Use the window when it holds less than this fraction of the coordinates, leave it above {@link #LEAVE}. */
    static final double ENTER = 0.45, LEAVE = 0.6;
    /** Steps between two looks at whether a full-size run could use a window. */
    static final int RECHECK = 16;
    /** Hops the support grows in one step: the degree of the step polynomial. */
    static final int HOPS = LinearDormandPrince.DEGREE;
    /** Histogram of w|y| by binary exponent (factor-2 buckets; everything below 2^-1000 in the first). */
    private static final int LOW = -1000, BUCKETS = 1100;

    private final double[] weights;
    private final double bound, horizon;
    private double spent;
    private long windowedSteps, rowSum, keptSum;
    private int maxRows, lastKept;
    /** Rows of the current window (valid after a {@link #reshape} that returned them). */
    private int size;
    private int lowestKept = Integer.MIN_VALUE;

    // scratch, sized on first use
    private long[] bits;
    private int[] rows, spare;
    /** levelEnd[k]: how many of the window's rows are within k hops of the kept entries (the rows come by level). */
    private final int[] levelEnd = new int[HOPS + 1];
    private final double[] bucketSum = new double[BUCKETS], bucketSpare = new double[BUCKETS];
    /** The two threads' candidate rows of a split hop (count first). */
    private final int[][] candidates = {new int[1024], new int[1024]};
    /** Levels (and histograms) at least this wide run on two threads when the caller allows it. */
    int splitFrom = 8192;

    /**
     * {@code weights}: w_i = ‖E_i‖₁ of the coordinates; {@code bound}: the trace-norm budget of all drops over the
     * run, accrued evenly over [0, {@code horizon}].
     */
    public SupportWindow(double[] weights, double bound, double horizon) {
        if (!(bound >= 0) || !(horizon > 0)) throw new IllegalArgumentException("SupportWindow: bound " + bound + ", horizon " + horizon);
        this.weights = weights;
        this.bound = bound;
        this.horizon = horizon;
    }

    /** The trace-norm bound of everything dropped so far: every expectation value is off by at most ‖O‖ times this. */
    public double spent() { return spent; }

    /** Steps run on a window, and the mean and largest number of rows they computed. */
    public long windowedSteps() { return windowedSteps; }
    public double meanRows() { return windowedSteps == 0 ? 0 : (double) rowSum / windowedSteps; }
    public int maxRows() { return maxRows; }

    /** For the method text. */
    public String describe(int n) {
        if (windowedSteps == 0) return "no step on a window (the support was never below " + Math.round(100 * ENTER) + "% of the coordinates)"
                + (spent == 0 ? "" : String.format(Locale.ROOT, ", bound on every expectation value's change by dropped entries %.2g x ||O||", spent));
        String head = String.format(Locale.ROOT, "%d steps on the state's support: on average %.0f of %d rows computed (at most %d) around %.0f nonzero entries",
                windowedSteps, meanRows(), n, maxRows, (double) keptSum / windowedSteps);
        if (spent == 0) return head + ", nothing dropped";
        return head + String.format(Locale.ROOT, ", entries of trace norm below 2^%d dropped, bound on every expectation value's change %.2g x ||O||",
                lowestKept, spent);
    }

    int weightsLength() { return weights.length; }

    /** After a {@link #reshape} that returned rows: how many. */
    int size() { return size; }

    /** After a {@link #reshape} that returned rows: the first levelEnd(k) of them are those within k hops. */
    int levelEnd(int k) { return levelEnd[k]; }

    /** Counts one accepted step computed on {@code rows} rows of a window. */
    void counted(int rows) {
        windowedSteps++;
        rowSum += rows;
        keptSum += lastKept;
        maxRows = Math.max(maxRows, rows);
    }

    /**
     * After an accepted step at time t (or at a generator's change, {@code drop} false): drops what the budget allows
     * from y and returns the rows the next step computes (the first {@link #size} of the array), or null for all
     * of them. The rows come by level: the kept entries (ascending), then those 1, 2, ... 12 hops away, so that
     * power k of the step computes only the first {@link #levelEnd}(k). {@code colPtr}/{@code rowIdx}: the CSC
     * pattern of L (column j feeds rows rowIdx[..]); {@code windowed}: whether the last step used a window;
     * {@code split}: whether the histogram and the wide levels may run on two threads; {@code others}: arrays to
     * zero outside the new window.
     */
    int[] reshape(double t, double[] y, boolean drop, boolean windowed, boolean split, int[] colPtr, int[] rowIdx, double[]... others) {
        int n = y.length;
        if (bits == null) {
            bits = new long[(n + 63) >>> 6];
            rows = new int[n];
            spare = new int[n];
        }
        int oldCount = windowed ? size : 0;
        int scan = windowed ? oldCount : n;
        int[] old = windowed ? rows : null;
        // 1. the histogram of w|y| over the current support, and the largest bucket below which the sum fits the budget
        if (split && scan >= splitFrom) {
            int half = scan / 2;
            DenseKernels.parallel(() -> histogram(y, old, 0, half, bucketSum), () -> histogram(y, old, half, scan, bucketSpare));
            for (int b = 0; b < BUCKETS; b++) bucketSum[b] += bucketSpare[b];
        } else histogram(y, old, 0, scan, bucketSum);
        double available = drop ? bound * Math.min(1, t / horizon) - spent : 0;
        int cut = 0;
        double dropped = 0;
        while (cut < BUCKETS && dropped + bucketSum[cut] <= available) { dropped += bucketSum[cut]; cut++; }
        double keep = cut == 0 ? 0 : Math.scalb(1.0, cut + LOW);   // w|y| ≥ keep ⟺ its bucket is ≥ cut
        // 2. drop (the budget allows it whether or not a window follows), mark the kept entries, dilate them by the hops
        Arrays.fill(bits, 0);
        for (int r = 0; r < scan; r++) {
            int i = windowed ? rows[r] : r;
            double v = Math.abs(y[i]);
            if (v == 0) continue;
            if (weights[i] * v >= keep) bits[i >>> 6] |= 1L << i;
            else y[i] = 0;
        }
        if (dropped > 0) {
            spent += dropped;
            lowestKept = Math.max(lowestKept, cut + LOW);
        }
        int f = 0;
        // the kept entries ascending (from the bits: the old rows come by level), so that the products stream through L
        for (int w = 0; w < bits.length; w++) {
            long b = bits[w];
            while (b != 0) { spare[f++] = (w << 6) + Long.numberOfTrailingZeros(b); b &= b - 1; }
        }
        lastKept = f;
        levelEnd[0] = f;
        int size = f, from = 0;   // the window's rows so far
        for (int hop = 1; hop <= HOPS && size <= LEAVE * n; hop++) {
            int to = size;
            size = split && to - from >= splitFrom ? dilateSplit(from, to, size, colPtr, rowIdx) : dilate(from, to, size, colPtr, rowIdx);
            levelEnd[hop] = size;
            from = to;
        }
        if (size >= (windowed ? LEAVE : ENTER) * n) return null;
        // 3. zero every array on rows that left the window
        if (windowed) {
            for (int r = 0; r < oldCount; r++) {
                int i = rows[r];
                if ((bits[i >>> 6] & (1L << i)) == 0) { y[i] = 0; for (double[] a : others) a[i] = 0; }
            }
        } else {
            // from the full product: everything outside the window goes (y there is zero or was just dropped)
            for (int i = 0; i < n; i++) if ((bits[i >>> 6] & (1L << i)) == 0) { y[i] = 0; for (double[] a : others) a[i] = 0; }
        }
        int[] tmp = rows; rows = spare; spare = tmp;
        this.size = size;
        return rows;
    }

    /** Σ w|y| by bucket over rows[lo, hi) of the old window ({@code old} null: coordinates lo .. hi − 1) into {@code sums}. */
    private void histogram(double[] y, int[] old, int lo, int hi, double[] sums) {
        Arrays.fill(sums, 0);
        double[] wt = weights;
        for (int r = lo; r < hi; r++) {
            int i = old == null ? r : old[r];
            double v = Math.abs(y[i]);
            if (v == 0) continue;
            double a = wt[i] * v;
            sums[bucket(a)] += a;
        }
    }

    /** One hop: appends to spare[size..] the rows that the columns spare[from, to) feed and that are not yet marked. */
    private int dilate(int from, int to, int size, int[] colPtr, int[] rowIdx) {
        for (int k = from; k < to; k++) {
            int j = spare[k];
            for (int q = colPtr[j]; q < colPtr[j + 1]; q++) size = add(rowIdx[q], size);
        }
        return size;
    }

    /** Marks row i and appends it to spare[size] if it is not marked yet; returns the new size. */
    private int add(int i, int size) {
        long m = 1L << i;
        if ((bits[i >>> 6] & m) == 0) { bits[i >>> 6] |= m; spare[size++] = i; }
        return size;
    }

    /**
     * The same hop on two threads: each half of the columns collects the unmarked rows it feeds while the marks are
     * only read (no word of them is written by two threads), then one thread marks and appends them, dropping the
     * rows found twice. Most columns of a wide level lie inside the support and find nothing, so the serial merge
     * is short (the candidates are the rows on the support's rim, each found from a few columns).
     */
    private int dilateSplit(int from, int to, int size, int[] colPtr, int[] rowIdx) {
        int mid = (from + to) >>> 1;
        DenseKernels.parallel(() -> candidates[0] = collect(from, mid, colPtr, rowIdx, candidates[0]),
                () -> candidates[1] = collect(mid, to, colPtr, rowIdx, candidates[1]));
        for (int[] c : candidates) for (int k = 1; k <= c[0]; k++) size = add(c[k], size);
        return size;
    }

    /** The rows fed by columns spare[from, to) that are not marked, with repeats, in out[1 .. out[0]] (grown as needed). */
    private int[] collect(int from, int to, int[] colPtr, int[] rowIdx, int[] out) {
        long[] marks = bits;
        int[] list = spare;
        int c = 0;
        for (int k = from; k < to; k++) {
            int j = list[k];
            for (int q = colPtr[j]; q < colPtr[j + 1]; q++) {
                int i = rowIdx[q];
                if ((marks[i >>> 6] & (1L << i)) == 0) {
                    if (++c == out.length) out = Arrays.copyOf(out, 2 * out.length);
                    out[c] = i;
                }
            }
        }
        out[0] = c;
        return out;
    }

    private static int bucket(double v) {
        int e = Math.getExponent(v) - LOW;
        return e < 0 ? 0 : Math.min(BUCKETS - 1, e);
    }
}
