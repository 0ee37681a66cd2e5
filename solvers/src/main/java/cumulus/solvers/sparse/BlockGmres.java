package cumulus.solvers.sparse;

import org.ejml.data.DMatrixSparseCSC;

/**
 * Restarted GMRES (Saad &amp; Schultz 1986) with a right block-Jacobi preconditioner for the
 * permutation-invariant Liouvillian: the diagonal blocks are the total-spin sectors j (contiguous
 * coordinate ranges), each a 2-D problem in (m, m') whose sparse LU is cheap, while the whole
 * matrix is 3-D-like in (j, m, m') and its direct LU costs O(n²) (minutes and ~1 GB at N = 100).
 * The off-diagonal blocks are the local transfers j → j ± 1, so the preconditioned operator is
 * I minus a Markov-like transfer between the O(N) sectors and GMRES converges in O(N) steps.
 */
public final class BlockGmres {
    private final DMatrixSparseCSC a;
    private final int n;
    private final int[] start;
    private final SparseLU[] lu;
    /**
     * The work vectors of one application, reused: an instance serves one thread (one search's preconditioner, one
     * steady-state solve). Allocated per slab solve they were 2.6 GB of a 5.5 GB local-btc N = 100 spectrum run.
     */
    private final double[] rb, xb;
    /** The Gauss–Seidel sweep's running right-hand side, made on its first use (GMRES's block-Jacobi does not need it). */
    private double[] rs;
    private final SparseLU.Scratch scratch = new SparseLU.Scratch();

    /** @param ranges block b is [ranges[b], ranges[b+1]) */
    public BlockGmres(DMatrixSparseCSC a, int[] ranges) {
        this.a = a;
        this.n = a.numRows;
        this.start = ranges;
        int nb = ranges.length - 1;
        lu = new SparseLU[nb];
        for (int b = 0; b < nb; b++) {
            int s = ranges[b], e = ranges[b + 1];
            if (e == s) continue;
            int[] idx = new int[e - s];
            for (int i = 0; i < idx.length; i++) idx[i] = s + i;
            lu[b] = SparseLU.factorForTwoCores(cumulus.solvers.space.SymmetryBlocks.restrict(a, idx));
        }
        int widest = 0;
        for (int b = 0; b < nb; b++) widest = Math.max(widest, ranges[b + 1] - ranges[b]);
        rb = new double[widest]; xb = new double[widest];
    }

    /** Stored entries of the slab factors. */
    public long factorNonZeros() {
        long s = 0;
        for (SparseLU f : lu) if (f != null) s += f.factorNonZeros();
        return s;
    }

    /** out = M^{-1} v: the block-Jacobi preconditioner alone (each slab's LU). */
    public void precondition(double[] v, double[] out) {
        for (int b = 0; b < lu.length; b++) if (start[b + 1] > start[b]) solveSlab(b, v, out);
    }

    /** out_b = A_bb^{-1} v_b on slab b; returns x_b (in its first e − s entries, valid until the next slab's solve). */
    private double[] solveSlab(int b, double[] v, double[] out) {
        int s = start[b], e = start[b + 1];
        System.arraycopy(v, s, rb, 0, e - s);
        lu[b].solve(rb, xb, scratch);
        System.arraycopy(xb, 0, out, s, e - s);
        return xb;
    }

    /**
     * out ≈ A^{-1} v by one forward block Gauss–Seidel sweep over the slabs: x_b = A_bb^{-1} (v_b − Σ_{c&lt;b} A_bc x_c),
     * the slabs' LUs and one pass over the columns of A for the couplings. Same cost as {@link #precondition} plus a
     * product with A, and a closer approximation of A^{-1} (the transfers from the slabs already solved are kept).
     */
    public void gaussSeidel(double[] v, double[] out) {
        if (rs == null) rs = new double[n];
        double[] r = rs;
        System.arraycopy(v, 0, r, 0, n);
        for (int b = 0; b < lu.length; b++) {
            int s = start[b], e = start[b + 1];
            if (e == s) continue;
            double[] xb = solveSlab(b, r, out);
            for (int c = s; c < e; c++) {
                double xc = xb[c - s];
                if (xc == 0) continue;
                for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) {
                    int i = a.nz_rows[k];
                    if (i >= e) r[i] -= a.nz_values[k] * xc;
                }
            }
        }
    }

    private void mul(double[] x, double[] y) {
        java.util.Arrays.fill(y, 0);
        for (int c = 0; c < n; c++) {
            double xc = x[c];
            if (xc == 0) continue;
            for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) y[a.nz_rows[k]] += a.nz_values[k] * xc;
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    /** Result: the solution, the relative residual ‖b − A x‖/‖b‖ and the number of iterations. */
    public record Result(double[] x, double relativeResidual, int iterations) { }

    public Result solve(double[] rhs, double tol, int restart, int maxIterations) {
        double[] x = new double[n];
        double bn = norm(rhs);
        double[] r = new double[n], w = new double[n], z = new double[n];
        int total = 0;
        double rel = 1;
        while (total < maxIterations) {
            mul(x, w);
            for (int i = 0; i < n; i++) r[i] = rhs[i] - w[i];
            double beta = norm(r);
            rel = beta / bn;
            if (rel < tol) break;
            int m = restart;
            double[][] v = new double[m + 1][];
            double[][] h = new double[m + 1][m];
            double[] cs = new double[m], sn = new double[m], g = new double[m + 1];
            v[0] = new double[n];
            for (int i = 0; i < n; i++) v[0][i] = r[i] / beta;
            g[0] = beta;
            int k = 0;
            for (; k < m && total < maxIterations; k++, total++) {
                precondition(v[k], z);
                mul(z, w);
                for (int j = 0; j <= k; j++) {      // modified Gram–Schmidt
                    double d = 0;
                    for (int i = 0; i < n; i++) d += w[i] * v[j][i];
                    h[j][k] = d;
                    for (int i = 0; i < n; i++) w[i] -= d * v[j][i];
                }
                for (int j = 0; j <= k; j++) {      // reorthogonalize once (tight tolerances)
                    double d = 0;
                    for (int i = 0; i < n; i++) d += w[i] * v[j][i];
                    h[j][k] += d;
                    for (int i = 0; i < n; i++) w[i] -= d * v[j][i];
                }
                h[k + 1][k] = norm(w);
                v[k + 1] = new double[n];
                if (h[k + 1][k] != 0) for (int i = 0; i < n; i++) v[k + 1][i] = w[i] / h[k + 1][k];
                for (int j = 0; j < k; j++) {       // apply previous rotations
                    double t = cs[j] * h[j][k] + sn[j] * h[j + 1][k];
                    h[j + 1][k] = -sn[j] * h[j][k] + cs[j] * h[j + 1][k];
                    h[j][k] = t;
                }
                double den = Math.hypot(h[k][k], h[k + 1][k]);
                cs[k] = den == 0 ? 1 : h[k][k] / den;
                sn[k] = den == 0 ? 0 : h[k + 1][k] / den;
                h[k][k] = den;
                h[k + 1][k] = 0;
                g[k + 1] = -sn[k] * g[k];
                g[k] = cs[k] * g[k];
                if (Math.abs(g[k + 1]) / bn < tol * 0.1) { k++; total++; break; }
            }
            // y = H^{-1} g, x += M^{-1} V y
            double[] y = new double[k];
            for (int i = k - 1; i >= 0; i--) {
                double s = g[i];
                for (int j = i + 1; j < k; j++) s -= h[i][j] * y[j];
                y[i] = s / h[i][i];
            }
            double[] u = new double[n];
            for (int j = 0; j < k; j++) for (int i = 0; i < n; i++) u[i] += y[j] * v[j][i];
            precondition(u, z);
            for (int i = 0; i < n; i++) x[i] += z[i];
        }
        mul(x, w);
        for (int i = 0; i < n; i++) r[i] = rhs[i] - w[i];
        return new Result(x, norm(r) / bn, total);
    }
}
