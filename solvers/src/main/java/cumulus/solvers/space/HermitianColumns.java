package cumulus.solvers.space;

import org.ejml.data.DMatrixSparseCSC;

import java.util.Arrays;

/**
 * A real generator in Hermitian-basis coordinates, written column by column (columns in increasing order) from the
 * complex upper-triangle entries X_pq (p ≤ q) of L applied to one basis element: the diagonal entry gives the
 * coordinate diag(p) with Re X_pp, an off-diagonal one sym(p, q) with √2 Re X_pq and anti(p, q) with √2 Im X_pq
 * ({@link HermitianBasis}). The assemblies of the permutation-invariant spaces (one ensemble, and the product of
 * ensembles and modes) share it.
 */
public final class HermitianColumns {
    private final int n;
    private final int[] colIdx;
    private int[] rowsOut;
    private double[] valsOut;
    private int nz, lastCol = -1;
    private int[] rows = new int[64];
    private double[] vals = new double[64];
    private int cnt;

    /** A matrix of n columns, expecting about {@code perColumn} entries a column. */
    public HermitianColumns(int n, int perColumn) {
        this.n = n;
        colIdx = new int[n + 1];
        int cap = Math.max(16, perColumn * n);
        rowsOut = new int[cap];
        valsOut = new double[cap];
    }

    /** Adds the coordinates of the entry X_pq = vr + i vi (p ≤ q) of the block whose coordinates start at {@code offset}. */
    public void entry(int offset, HermitianBasis hb, int p, int q, double vr, double vi) {
        if (cnt + 2 > rows.length) { rows = Arrays.copyOf(rows, 2 * rows.length); vals = Arrays.copyOf(vals, 2 * vals.length); }
        if (p == q) {
            if (vr != 0) { rows[cnt] = offset + hb.diag(p); vals[cnt++] = vr; }
        } else {
            if (vr != 0) { rows[cnt] = offset + hb.sym(p, q); vals[cnt++] = HermitianBasis.R2 * vr; }
            if (vi != 0) { rows[cnt] = offset + hb.anti(p, q); vals[cnt++] = HermitianBasis.R2 * vi; }
        }
    }

    /** Ends column {@code col} (after every earlier one) with the entries added since the last column, sorted by row. */
    public void endColumn(int col) {
        if (col <= lastCol || col >= n) throw new IllegalArgumentException("HermitianColumns: column " + col + " after " + lastCol + " of " + n);
        while (lastCol < col) colIdx[++lastCol] = nz;
        sortByRow(rows, vals, cnt);
        if (nz + cnt > rowsOut.length) {
            int c2 = Math.max(2 * rowsOut.length, nz + cnt);
            rowsOut = Arrays.copyOf(rowsOut, c2);
            valsOut = Arrays.copyOf(valsOut, c2);
        }
        System.arraycopy(rows, 0, rowsOut, nz, cnt);
        System.arraycopy(vals, 0, valsOut, nz, cnt);
        nz += cnt;
        cnt = 0;
    }

    /** The n × n matrix (columns never ended are empty). */
    public DMatrixSparseCSC matrix() {
        while (lastCol < n) colIdx[++lastCol] = nz;
        DMatrixSparseCSC out = new DMatrixSparseCSC(n, n, 0);
        out.col_idx = colIdx;
        out.nz_rows = Arrays.copyOf(rowsOut, Math.max(nz, 1));
        out.nz_values = Arrays.copyOf(valsOut, Math.max(nz, 1));
        out.nz_length = nz;
        out.indicesSorted = true;
        return out;
    }

    /** Sorts a column's (row, value) pairs by row (a column holds a few dozen entries: insertion sort, or a merge sort beyond). */
    static void sortByRow(int[] rows, double[] vals, int cnt) {
        if (cnt > 64) {
            long[] key = new long[cnt];
            double[] copy = Arrays.copyOf(vals, cnt);
            for (int i = 0; i < cnt; i++) key[i] = ((long) rows[i] << 32) | i;
            Arrays.sort(key);
            for (int i = 0; i < cnt; i++) { rows[i] = (int) (key[i] >>> 32); vals[i] = copy[(int) (key[i] & 0xffffffffL)]; }
            return;
        }
        for (int i = 1; i < cnt; i++) {
            int r = rows[i]; double v = vals[i];
            int k = i - 1;
            while (k >= 0 && rows[k] > r) { rows[k + 1] = rows[k]; vals[k + 1] = vals[k]; k--; }
            rows[k + 1] = r; vals[k + 1] = v;
        }
    }
}
