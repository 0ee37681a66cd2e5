package cumulus.solvers.space;


import org.ejml.data.DMatrixSparseCSC;

import java.util.Arrays;

/** Kernels on EJML's compressed-column matrices shared by the engines. */
public final class SparseOps {
    private SparseOps() { }

    /** y = A x (column-oriented scatter; skips zero entries of x). */
    public static void multiply(DMatrixSparseCSC a, double[] x, double[] y) {
        Arrays.fill(y, 0);
        for (int c = 0; c < a.numCols; c++) {
            double xc = x[c];
            if (xc == 0) continue;
            for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) y[a.nz_rows[k]] += a.nz_values[k] * xc;
        }
    }

    /** diag(A, A, ..., A) with {@code copies} blocks. */
    public static DMatrixSparseCSC blockDiagonal(DMatrixSparseCSC a, int copies) {
        int n = a.numCols, nz = a.nz_length;
        DMatrixSparseCSC d = new DMatrixSparseCSC(copies * a.numRows, copies * n, copies * nz);
        for (int b = 0; b < copies; b++) {
            for (int c = 0; c <= n; c++) d.col_idx[b * n + c] = b * nz + a.col_idx[c];
            for (int k = 0; k < nz; k++) {
                d.nz_rows[b * nz + k] = b * a.numRows + a.nz_rows[k];
                d.nz_values[b * nz + k] = a.nz_values[k];
            }
        }
        d.nz_length = copies * nz;
        d.indicesSorted = a.indicesSorted;
        return d;
    }

    /** ||A||_1 = max over columns of Σ|a_ij|: the scale of A's eigenvalues (|λ| ≤ ||A||_1) and of their rounding errors. */
    public static double norm1(DMatrixSparseCSC a) {
        double m = 0;
        for (int c = 0; c < a.numCols; c++) {
            double s = 0;
            for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) s += Math.abs(a.nz_values[k]);
            m = Math.max(m, s);
        }
        return m;
    }

    /**
     * Refuses a generator with an entry that overflowed (parameters so large that products such as
     * rate·S² exceed 1.8e308): every result computed from it would be meaningless.
     */
    public static void requireFinite(DMatrixSparseCSC a, String model) {
        for (int k = 0; k < a.nz_length; k++)
            if (!Double.isFinite(a.nz_values[k]))
                throw new cumulus.api.ModelException("the Liouvillian of model " + model + " is not finite at these parameters (an entry is "
                        + a.nz_values[k] + "): rates and frequencies times N^2 must stay below 1e308; use parameters of smaller magnitude");
    }
}
