package cumulus.solvers.sparse;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;

/** Test matrices for the sparse package. */
final class TestMatrices {
    private TestMatrices() {}

    /** Random nonsymmetric sparse matrix with ~perRow couplings per row and the given diagonal offset. */
    static DMatrixSparseCSC random(int n, int perRow, double diag, long seed) {
        Random r = new Random(seed);
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, n * (perRow + 1));
        for (int i = 0; i < n; i++) {
            t.addItem(i, i, diag + r.nextGaussian());
            java.util.Set<Integer> cols = new java.util.HashSet<>();
            cols.add(i);
            for (int k = 0; k < perRow; k++) {
                int j = r.nextInt(n);
                if (cols.add(j)) t.addItem(i, j, r.nextGaussian());
            }
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    /** Nonsymmetric convection–diffusion operator on a k x k grid (5-point), nonsingular. */
    static DMatrixSparseCSC grid(int k, double conv) {
        int n = k * k;
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, 5 * n);
        for (int x = 0; x < k; x++)
            for (int y = 0; y < k; y++) {
                int i = x * k + y;
                t.addItem(i, i, 4.0);
                if (x > 0) t.addItem(i, i - k, -1 - conv);
                if (x + 1 < k) t.addItem(i, i + k, -1 + conv);
                if (y > 0) t.addItem(i, i - 1, -1 - 0.5 * conv);
                if (y + 1 < k) t.addItem(i, i + 1, -1 + 0.5 * conv);
            }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    /** Rows of m permuted randomly (zero diagonal in general, forces off-diagonal pivots). */
    static DMatrixSparseCSC permuteRows(DMatrixSparseCSC m, long seed) {
        int n = m.numRows;
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) { int j = r.nextInt(i + 1); int x = p[i]; p[i] = p[j]; p[j] = x; }
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, m.numCols, m.nz_length);
        for (int j = 0; j < m.numCols; j++)
            for (int q = m.col_idx[j]; q < m.col_idx[j + 1]; q++) t.addItem(p[m.nz_rows[q]], j, m.nz_values[q]);
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    static DMatrixRMaj dense(DMatrixSparseCSC a) {
        return DConvertMatrixStruct.convert(a, (DMatrixRMaj) null);
    }

    static double[] mult(DMatrixSparseCSC a, double[] x) {
        double[] y = new double[a.numRows];
        for (int j = 0; j < a.numCols; j++)
            for (int q = a.col_idx[j]; q < a.col_idx[j + 1]; q++) y[a.nz_rows[q]] += a.nz_values[q] * x[j];
        return y;
    }

    /** ‖A x − b‖∞ / (‖A‖∞ ‖x‖∞ + ‖b‖∞). */
    static double relResidual(DMatrixSparseCSC a, double[] x, double[] b) {
        double[] ax = mult(a, x);
        double r = 0, xn = 0, bn = 0;
        for (int i = 0; i < b.length; i++) { r = Math.max(r, Math.abs(ax[i] - b[i])); bn = Math.max(bn, Math.abs(b[i])); }
        for (double v : x) xn = Math.max(xn, Math.abs(v));
        double[] rowSum = new double[a.numRows];
        for (int j = 0; j < a.numCols; j++)
            for (int q = a.col_idx[j]; q < a.col_idx[j + 1]; q++) rowSum[a.nz_rows[q]] += Math.abs(a.nz_values[q]);
        double an = 0;
        for (double v : rowSum) an = Math.max(an, v);
        return r / (an * xn + bn);
    }
}
