package cumulus.solvers;

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
}
