package cumulus.solvers.space;

import cumulus.api.Complex;

import java.util.Arrays;

/**
 * A small immutable complex sparse matrix in compressed-row (CSR) form, with separate real and
 * imaginary parts. Enough algebra for the exact engine: sums, products, adjoints and Kronecker
 * products of the collective spin and Fock operators (Hilbert-space level, never superoperators).
 */
public final class CMatrix {
    /** CSR storage, read-only: row i holds entries ptr[i]..ptr[i+1]-1 at columns idx with values re + i·im. */
    public final int rows, cols;
    public final int[] ptr, idx;
    public final double[] re, im;

    CMatrix(int rows, int cols, int[] ptr, int[] idx, double[] re, double[] im) {
        this.rows = rows; this.cols = cols; this.ptr = ptr; this.idx = idx; this.re = re; this.im = im;
    }

    public int rows() { return rows; }
    public int cols() { return cols; }
    public int nonZeros() { return ptr[rows]; }

    /** Triplet accumulator; duplicates are summed on {@link #build()}. */
    public static final class Builder {
        private final int rows, cols;
        private int n;
        private int[] r = new int[16], c = new int[16];
        private double[] vr = new double[16], vi = new double[16];

        public Builder(int rows, int cols) { this.rows = rows; this.cols = cols; }

        public Builder add(int i, int j, double re, double im) {
            if (re == 0 && im == 0) return this;
            if (i < 0 || i >= rows || j < 0 || j >= cols) throw new IndexOutOfBoundsException(i + "," + j);
            if (n == r.length) {
                int m = 2 * n;
                r = Arrays.copyOf(r, m); c = Arrays.copyOf(c, m); vr = Arrays.copyOf(vr, m); vi = Arrays.copyOf(vi, m);
            }
            r[n] = i; c[n] = j; vr[n] = re; vi[n] = im; n++;
            return this;
        }

        public CMatrix build() {
            int[] count = new int[rows + 1];
            for (int k = 0; k < n; k++) count[r[k] + 1]++;
            for (int i = 0; i < rows; i++) count[i + 1] += count[i];
            int[] pos = count.clone();
            int[] ci = new int[n];
            double[] cr = new double[n], cim = new double[n];
            for (int k = 0; k < n; k++) {
                int p = pos[r[k]]++;
                ci[p] = c[k]; cr[p] = vr[k]; cim[p] = vi[k];
            }
            // sort each row by column and merge duplicates
            int[] ptr = new int[rows + 1];
            int[] oi = new int[n];
            double[] or = new double[n], oim = new double[n];
            int out = 0;
            Integer[] order = new Integer[0];
            for (int i = 0; i < rows; i++) {
                int s = count[i], e = count[i + 1];
                ptr[i] = out;
                int len = e - s;
                if (order.length < len) order = new Integer[Math.max(len, 2 * order.length)];
                for (int k = 0; k < len; k++) order[k] = s + k;
                Arrays.sort(order, 0, len, (a, b) -> Integer.compare(ci[a], ci[b]));
                for (int k = 0; k < len; k++) {
                    int q = order[k];
                    if (out > ptr[i] && oi[out - 1] == ci[q]) {
                        or[out - 1] += cr[q]; oim[out - 1] += cim[q];
                    } else {
                        oi[out] = ci[q]; or[out] = cr[q]; oim[out] = cim[q]; out++;
                    }
                }
            }
            ptr[rows] = out;
            return new CMatrix(rows, cols, ptr, Arrays.copyOf(oi, out), Arrays.copyOf(or, out), Arrays.copyOf(oim, out));
        }
    }

    public static CMatrix zero(int rows, int cols) { return new Builder(rows, cols).build(); }

    /**
     * Σ_t c_t Π_f O_f of an operator sum: coefficients at {@code values}, each elementary operator's d × d matrix from
     * {@code elementary} (memoized in {@code cache}), an empty product the identity.
     */
    public static CMatrix ofSum(cumulus.api.OpSum sum, java.util.Map<String, Double> values, int d,
                                java.util.Map<cumulus.api.Op, CMatrix> cache, java.util.function.Function<cumulus.api.Op, CMatrix> elementary) {
        CMatrix out = zero(d, d);
        for (cumulus.api.OpSum.Term t : sum.terms()) {
            cumulus.api.Complex c = t.coefficient().evaluate(values);
            if (c.abs() == 0) continue;
            CMatrix m = null;
            for (cumulus.api.Op op : t.factors()) {
                CMatrix f = cache.computeIfAbsent(op, elementary);
                m = m == null ? f : m.times(f);
            }
            if (m == null) m = identity(d);
            out = out.plus(m.scale(c));
        }
        return out;
    }

    public static CMatrix identity(int n) {
        Builder b = new Builder(n, n);
        for (int i = 0; i < n; i++) b.add(i, i, 1, 0);
        return b.build();
    }

    public Complex get(int i, int j) {
        for (int k = ptr[i]; k < ptr[i + 1]; k++) if (idx[k] == j) return new Complex(re[k], im[k]);
        return Complex.ZERO;
    }

    public CMatrix scale(Complex c) {
        double[] r2 = new double[re.length], i2 = new double[im.length];
        for (int k = 0; k < re.length; k++) {
            r2[k] = c.re() * re[k] - c.im() * im[k];
            i2[k] = c.re() * im[k] + c.im() * re[k];
        }
        return new CMatrix(rows, cols, ptr, idx, r2, i2);
    }

    public CMatrix scale(double s) { return scale(Complex.real(s)); }

    public CMatrix plus(CMatrix o) {
        check(o.rows == rows && o.cols == cols, "plus");
        Builder b = new Builder(rows, cols);
        addTo(b, 1); o.addTo(b, 1);
        return b.build();
    }

    public CMatrix minus(CMatrix o) {
        check(o.rows == rows && o.cols == cols, "minus");
        Builder b = new Builder(rows, cols);
        addTo(b, 1); o.addTo(b, -1);
        return b.build();
    }

    private void addTo(Builder b, double s) {
        for (int i = 0; i < rows; i++) for (int k = ptr[i]; k < ptr[i + 1]; k++) b.add(i, idx[k], s * re[k], s * im[k]);
    }

    /** Matrix product this · o (row-wise sparse accumulation). */
    public CMatrix times(CMatrix o) {
        check(cols == o.rows, "times");
        double[] accR = new double[o.cols], accI = new double[o.cols];
        boolean[] used = new boolean[o.cols];
        int[] list = new int[o.cols];
        Builder b = new Builder(rows, o.cols);
        for (int i = 0; i < rows; i++) {
            int nl = 0;
            for (int k = ptr[i]; k < ptr[i + 1]; k++) {
                int j = idx[k];
                double ar = re[k], ai = im[k];
                for (int l = o.ptr[j]; l < o.ptr[j + 1]; l++) {
                    int c = o.idx[l];
                    if (!used[c]) { used[c] = true; list[nl++] = c; }
                    accR[c] += ar * o.re[l] - ai * o.im[l];
                    accI[c] += ar * o.im[l] + ai * o.re[l];
                }
            }
            for (int q = 0; q < nl; q++) {
                int c = list[q];
                b.add(i, c, accR[c], accI[c]);
                accR[c] = 0; accI[c] = 0; used[c] = false;
            }
        }
        return b.build();
    }

    /** Conjugate transpose. */
    public CMatrix adjoint() {
        Builder b = new Builder(cols, rows);
        for (int i = 0; i < rows; i++) for (int k = ptr[i]; k < ptr[i + 1]; k++) b.add(idx[k], i, re[k], -im[k]);
        return b.build();
    }

    /** Kronecker product this ⊗ o (this is the slow index). */
    public CMatrix kron(CMatrix o) {
        Builder b = new Builder(rows * o.rows, cols * o.cols);
        for (int i = 0; i < rows; i++) for (int k = ptr[i]; k < ptr[i + 1]; k++)
            for (int i2 = 0; i2 < o.rows; i2++) for (int l = o.ptr[i2]; l < o.ptr[i2 + 1]; l++) {
                double ar = re[k], ai = im[k], br = o.re[l], bi = o.im[l];
                b.add(i * o.rows + i2, idx[k] * o.cols + o.idx[l], ar * br - ai * bi, ar * bi + ai * br);
            }
        return b.build();
    }

    /** Largest entry modulus. */
    public double maxAbs() {
        double m = 0;
        for (int k = 0; k < re.length; k++) m = Math.max(m, Math.hypot(re[k], im[k]));
        return m;
    }

    /** max |A − A†| entrywise. */
    public double hermiticityError() { return minus(adjoint()).maxAbs(); }

    /** Dense copy as {re, im} arrays [row][col] (tests and small problems). */
    public double[][][] toDense() {
        double[][][] d = new double[2][rows][cols];
        for (int i = 0; i < rows; i++) for (int k = ptr[i]; k < ptr[i + 1]; k++) {
            d[0][i][idx[k]] += re[k];
            d[1][i][idx[k]] += im[k];
        }
        return d;
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException("dimension mismatch in " + what);
    }
}
