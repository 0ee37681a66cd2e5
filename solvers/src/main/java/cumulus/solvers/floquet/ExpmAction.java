package cumulus.solvers.floquet;

import org.ejml.data.DMatrixSparseCSC;

/**
 * The action v ↦ exp(tA) v of a sparse real matrix, never forming exp(tA): truncated Taylor
 * series with scaling, after shifting by μ = tr(A)/n — Al-Mohy &amp; Higham, "Computing the action
 * of the matrix exponential", SIAM J. Sci. Comput. 33 (2011) 488, Algorithm 3.2 with the
 * norm-based choice of degree m and steps s (their θ_m for double precision, Table 3.1).
 * Written here because no Java library offers it. Immutable; safe to share between threads.
 */
public final class ExpmAction {
    /** θ_m, m = 1..55, for a backward error of 2^-53 (Al-Mohy &amp; Higham 2011, Table 3.1). */
    private static final double[] THETA = {
            2.22045e-16, 2.58096e-8, 1.38635e-5, 3.39717e-4, 2.40088e-3, 9.06566e-3, 2.38446e-2, 4.99123e-2,
            8.95776e-2, 1.44183e-1, 2.14236e-1, 2.99616e-1, 3.99778e-1, 5.13915e-1, 6.41084e-1, 7.80287e-1,
            9.30533e-1, 1.09086, 1.26038, 1.43825, 1.62372, 1.81608, 2.01471, 2.21905, 2.42858, 2.64285,
            2.86145, 3.08400, 3.31017, 3.53967, 3.77221, 4.00756, 4.24550, 4.48582, 4.72835, 4.97292,
            5.21938, 5.46759, 5.71744, 5.96880, 6.22158, 6.47568, 6.73102, 6.98750, 7.24507, 7.50365,
            7.76317, 8.02359, 8.28485, 8.54690, 8.80969, 9.07319, 9.33734, 9.60212, 9.86750};

    private final DMatrixSparseCSC a;
    /** A − μI by rows (CSR), for sequential writes in the product. */
    private final int[] rowPtr, colIdx;
    private final double[] vals;
    private final double t, mu, eta;
    private final int degree, steps;

    public ExpmAction(DMatrixSparseCSC a, double t) {
        if (a.numRows != a.numCols) throw new IllegalArgumentException("exp(tA) needs a square matrix");
        this.a = a;
        this.t = t;
        int n = a.numRows;
        double trace = 0;
        double[] colSum = new double[n];
        for (int c = 0; c < n; c++) {
            for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) {
                int r = a.nz_rows[k];
                if (r == c) trace += a.nz_values[k];
            }
        }
        this.mu = n == 0 ? 0 : trace / n;
        double norm = 0;
        for (int c = 0; c < n; c++) {
            double s = 0;
            boolean diag = false;
            for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) {
                double v = a.nz_values[k];
                if (a.nz_rows[k] == c) { v -= mu; diag = true; }
                s += Math.abs(v);
            }
            if (!diag) s += Math.abs(mu);
            colSum[c] = s;
            norm = Math.max(norm, s);
        }
        double x = Math.abs(t) * norm;
        int bestM = 0, bestS = 0;
        if (x == 0) { bestM = 0; bestS = 1; }
        else {
            long best = Long.MAX_VALUE;
            for (int m = 1; m <= THETA.length; m++) {
                long s = (long) Math.ceil(x / THETA[m - 1]);
                if ((long) m * s < best) { best = (long) m * s; bestM = m; bestS = (int) Math.max(1, s); }
            }
        }
        this.degree = bestM;
        this.steps = bestS;
        this.eta = Math.exp(t * mu / steps);
        // CSR of A − μI
        int[] count = new int[n + 1];
        for (int c = 0; c < n; c++) for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) count[a.nz_rows[k] + 1]++;
        for (int r = 0; r < n; r++) count[r + 1] += count[r] + 1; // +1: room for the diagonal shift
        rowPtr = count;
        colIdx = new int[rowPtr[n]];
        vals = new double[rowPtr[n]];
        int[] fill = new int[n];
        for (int r = 0; r < n; r++) {
            colIdx[rowPtr[r]] = r;
            vals[rowPtr[r]] = -mu;
            fill[r] = rowPtr[r] + 1;
        }
        for (int c = 0; c < n; c++)
            for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) {
                int r = a.nz_rows[k];
                if (r == c) vals[rowPtr[r]] += a.nz_values[k];
                else { colIdx[fill[r]] = c; vals[fill[r]++] = a.nz_values[k]; }
            }
    }

    /** Matrix–vector products per application (upper bound; early termination often saves some). */
    public long cost() { return (long) degree * steps; }

    /** out = exp(tA) v; {@code out} may be {@code v}. */
    public void apply(double[] v, double[] out) {
        int n = v.length;
        double[] f = out == v ? v : out;
        if (f != v) System.arraycopy(v, 0, f, 0, n);
        double[] b = f.clone(), w = new double[n];
        double h = t / steps;
        for (int s = 0; s < steps; s++) {
            double c1 = normInf(b);
            for (int k = 1; k <= degree; k++) {
                double c2 = multiplyShiftedAccumulate(b, w, h / k, f);
                double[] tmp = b; b = w; w = tmp;
                if (c1 + c2 <= 0x1p-53 * normInf(f)) break;
                c1 = c2;
            }
            for (int i = 0; i < n; i++) { f[i] *= eta; b[i] = f[i]; }
        }
    }

    /** y = scale · (A − μI) x, f += y; returns ‖y‖∞. */
    private double multiplyShiftedAccumulate(double[] x, double[] y, double scale, double[] f) {
        int n = x.length;
        double m = 0;
        for (int r = 0; r < n; r++) {
            double s = 0;
            for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) s += vals[k] * x[colIdx[k]];
            s *= scale;
            y[r] = s;
            f[r] += s;
            double abs = Math.abs(s);
            if (abs > m) m = abs;
        }
        return m;
    }

    private static double normInf(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        return m;
    }
}
