package cumulus.solvers.dicke;

import cumulus.solvers.space.CMatrix;
import cumulus.solvers.space.HermitianBasis;
import cumulus.solvers.space.SparseOps;

import org.ejml.data.DMatrixSparseCSC;

import java.util.Arrays;

/**
 * The Liouvillian L[ρ] = Kρ + ρK† + Σ_t A_t ρ B_t (Eq. 1 in {@link NumericModel}'s form) as a REAL
 * sparse matrix on the coordinates of {@link HermitianBasis}: column β holds the coordinates of
 * L[E_β], computed from sparse rows/columns of K, A_t, B_t (E_β has at most two matrix units),
 * accumulated on the upper triangle only (L[E_β] is Hermitian). Never forms dense D²×D² objects.
 */
public final class Liouvillian {
    private final HermitianBasis basis;
    private final DMatrixSparseCSC matrix;

    private Liouvillian(HermitianBasis basis, DMatrixSparseCSC matrix) { this.basis = basis; this.matrix = matrix; }

    public HermitianBasis basis() { return basis; }
    public DMatrixSparseCSC matrix() { return matrix; }
    public int size() { return basis.size(); }

    /** y = L x. */
    public void apply(double[] x, double[] y) { cumulus.solvers.space.SparseOps.multiply(matrix, x, y); }

    public static Liouvillian assemble(NumericModel m) {
        int d = m.dimension();
        HermitianBasis basis = new HermitianBasis(d);
        Assembler as = new Assembler(m, basis);
        DMatrixSparseCSC l = as.run();
        SparseOps.requireFinite(l, m.model().name());
        return new Liouvillian(basis, l);
    }

    /** Column-by-column assembly with a dense D×D scratch for L[E_β]. */
    private static final class Assembler {
        final int d;
        final HermitianBasis basis;
        final CMatrix kT, kDag; // kT: transpose of K (rows = columns of K); kDag rows
        final CMatrix[] aT, b;
        final double[] sr, si;
        final int[] touched;
        final boolean[] mark;
        int nt;

        Assembler(NumericModel m, HermitianBasis basis) {
            d = m.dimension();
            this.basis = basis;
            CMatrix k = m.k();
            kT = transpose(k);
            kDag = k.adjoint();
            var s = m.sandwiches();
            aT = new CMatrix[s.size()];
            b = new CMatrix[s.size()];
            for (int t = 0; t < s.size(); t++) { aT[t] = transpose(s.get(t).left()); b[t] = s.get(t).right(); }
            sr = new double[d * d];
            si = new double[d * d];
            touched = new int[d * d];
            mark = new boolean[d * d];
        }

        static CMatrix transpose(CMatrix m) {
            CMatrix.Builder bb = new CMatrix.Builder(m.cols, m.rows);
            for (int i = 0; i < m.rows; i++) for (int k = m.ptr[i]; k < m.ptr[i + 1]; k++) bb.add(m.idx[k], i, m.re[k], m.im[k]);
            return bb.build();
        }

        private void acc(int r, int s, double vr, double vi) {
            if (r > s) return; // lower triangle is the conjugate of the upper one
            int key = r * d + s;
            if (!mark[key]) { mark[key] = true; touched[nt++] = key; }
            sr[key] += vr;
            si[key] += vi;
        }

        /** Adds L[c |j><k|] to the scratch. */
        private void unit(int j, int k, double cr, double ci) {
            // K |j><k| : column j of K = row j of K^T
            for (int l = kT.ptr[j]; l < kT.ptr[j + 1]; l++) {
                int r = kT.idx[l];
                acc(r, k, cr * kT.re[l] - ci * kT.im[l], cr * kT.im[l] + ci * kT.re[l]);
            }
            // |j><k| K† : row k of K†
            for (int l = kDag.ptr[k]; l < kDag.ptr[k + 1]; l++) {
                int s = kDag.idx[l];
                acc(j, s, cr * kDag.re[l] - ci * kDag.im[l], cr * kDag.im[l] + ci * kDag.re[l]);
            }
            for (int t = 0; t < aT.length; t++) {
                CMatrix at = aT[t], bt = b[t];
                for (int l = at.ptr[j]; l < at.ptr[j + 1]; l++) {
                    int r = at.idx[l];
                    double ar = cr * at.re[l] - ci * at.im[l], ai = cr * at.im[l] + ci * at.re[l];
                    for (int q = bt.ptr[k]; q < bt.ptr[k + 1]; q++) {
                        int s = bt.idx[q];
                        if (r > s) continue;
                        acc(r, s, ar * bt.re[q] - ai * bt.im[q], ar * bt.im[q] + ai * bt.re[q]);
                    }
                }
            }
        }

        DMatrixSparseCSC run() {
            int n = basis.size();
            int cap = Math.max(16, 8 * n);
            int[] rows = new int[cap];
            double[] vals = new double[cap];
            int[] colIdx = new int[n + 1];
            int nz = 0;
            double h = 1 / HermitianBasis.R2;
            long[] buf = new long[0];
            for (int p = 0; p < d; p++) {
                for (int q = p; q < d; q++) {
                    for (int kind = 0; kind < (p == q ? 1 : 2); kind++) {
                        int col;
                        nt = 0;
                        if (p == q) { col = basis.diag(p); unit(p, p, 1, 0); }
                        else if (kind == 0) { col = basis.sym(p, q); unit(p, q, h, 0); unit(q, p, h, 0); }
                        else { col = basis.anti(p, q); unit(p, q, 0, h); unit(q, p, 0, -h); }
                        // project the upper triangle onto coordinates
                        if (buf.length < 2 * nt) buf = new long[Math.max(2 * nt, 2 * buf.length)];
                        int nb = 0;
                        for (int u = 0; u < nt; u++) {
                            int key = touched[u];
                            int r = key / d, s = key % d;
                            double vr = sr[key], vi = si[key];
                            sr[key] = 0; si[key] = 0; mark[key] = false;
                            if (r == s) {
                                if (vr != 0) buf[nb++] = pack(basis.diag(r), vr);
                            } else {
                                if (vr != 0) buf[nb++] = pack(basis.sym(r, s), HermitianBasis.R2 * vr);
                                if (vi != 0) buf[nb++] = pack(basis.anti(r, s), HermitianBasis.R2 * vi);
                            }
                        }
                        // sort by row index; values kept in a side array keyed by position
                        Arrays.sort(buf, 0, nb);
                        if (nz + nb > rows.length) {
                            int nc = Math.max(nz + nb, rows.length + rows.length / 2);
                            rows = Arrays.copyOf(rows, nc);
                            vals = Arrays.copyOf(vals, nc);
                        }
                        colIdx[col] = nz;
                        for (int u = 0; u < nb; u++) {
                            int id = (int) (buf[u] >>> 32);
                            rows[nz] = id;
                            vals[nz] = pending[(int) (buf[u] & 0xffffffffL)];
                            nz++;
                        }
                        npending = 0;
                        colIdx[col + 1] = nz;
                    }
                }
            }
            DMatrixSparseCSC a = new DMatrixSparseCSC(n, n, 0);
            a.col_idx = colIdx;
            a.nz_rows = rows;
            a.nz_values = vals;
            a.nz_length = nz;
            a.indicesSorted = true;
            return a;
        }

        // values parked while sorting the (row, slot) keys
        private double[] pending = new double[64];
        private int npending;

        private long pack(int row, double v) {
            if (npending == pending.length) pending = Arrays.copyOf(pending, 2 * npending);
            pending[npending] = v;
            return ((long) row << 32) | (npending++);
        }
    }
}
