package cumulus.solvers.space;

import cumulus.api.Complex;

import java.util.List;

/**
 * A Hilbert-space operator O acting on the real coordinates of a space's states, for the quantum
 * regression theorem: left multiplication X ↦ O X, right multiplication X ↦ X O and the functional
 * X ↦ Tr(O X). A space's states are block diagonal (one block for Dicke ⊗ Fock, one per total spin j
 * for ⊕_j), each block in the Hermitian coordinates of {@link HermitianBasis}, and a collective O acts
 * blockwise.
 *
 * <p>O X is not Hermitian, so it is returned as its two Hermitian parts O X = U + iV,
 * U = (O X + X O†)/2, V = (O X − X O†)/(2i): a complex operator corresponds to the complex coordinate
 * vector u + iv, and the (real) generator L acts on u and v separately — the complex-linear extension
 * of the coordinate map.
 */
public final class StateOperator {
    private final List<HermitianBasis> bases;
    private final int[] offsets;
    private final List<CMatrix> blocks;
    private final int size;

    /** @param blocks the operator's matrix in each block, in the same order as {@code bases} */
    public StateOperator(List<HermitianBasis> bases, int[] offsets, List<CMatrix> blocks, int size) {
        this.bases = List.copyOf(bases);
        this.offsets = offsets.clone();
        this.blocks = List.copyOf(blocks);
        this.size = size;
    }

    /** The adjoint O†. */
    public StateOperator adjoint() {
        return new StateOperator(bases, offsets, blocks.stream().map(CMatrix::adjoint).toList(), size);
    }

    /** {u, v}: the coordinates of the Hermitian parts of O X for the complex state X = x + iy (y may be null). */
    public double[][] leftTimes(double[] x, double[] y) {
        double[] u = new double[size], v = new double[size];
        for (int b = 0; b < bases.size(); b++) block(b, x, y, u, v);
        return new double[][]{u, v};
    }

    /** {u, v}: the coordinates of the Hermitian parts of X O for X = x + iy: X O = (O† X†)†. */
    public double[][] rightTimes(double[] x, double[] y) {
        double[] ny = y == null ? null : negate(y);
        double[][] w = adjoint().leftTimes(x, ny); // O† X† = U + iV, X O = U − iV
        return new double[][]{w[0], negate(w[1])};
    }

    private static double[] negate(double[] a) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) o[i] = -a[i];
        return o;
    }

    /** Y = O X in block b (dense, the blocks are at most a few thousand states), then its Hermitian parts. */
    private void block(int b, double[] x, double[] y, double[] u, double[] v) {
        HermitianBasis basis = bases.get(b);
        int d = basis.hilbertDimension(), off = offsets[b];
        CMatrix o = blocks.get(b);
        double[] part = new double[d * d];
        System.arraycopy(x, off, part, 0, part.length);
        double[][][] xm = basis.matrix(part);
        double[][][] ym = null;
        if (y != null) {
            System.arraycopy(y, off, part, 0, part.length);
            ym = basis.matrix(part);
        }
        // X = xm + i ym as dense complex: Xr = xm.re − ym.im, Xi = xm.im + ym.re
        double[][] xr = new double[d][], xi = new double[d][];
        for (int p = 0; p < d; p++) {
            xr[p] = xm[0][p].clone();
            xi[p] = xm[1][p].clone();
            if (ym != null) for (int q = 0; q < d; q++) { xr[p][q] -= ym[1][p][q]; xi[p][q] += ym[0][p][q]; }
        }
        double[][] yr = new double[d][d], yi = new double[d][d];
        for (int p = 0; p < d; p++) for (int k = o.ptr[p]; k < o.ptr[p + 1]; k++) {
            int r = o.idx[k];
            double ar = o.re[k], ai = o.im[k];
            double[] rr = xr[r], ri = xi[r], outR = yr[p], outI = yi[p];
            for (int q = 0; q < d; q++) {
                outR[q] += ar * rr[q] - ai * ri[q];
                outI[q] += ar * ri[q] + ai * rr[q];
            }
        }
        // U = (Y + Y†)/2, V = (Y − Y†)/(2i)
        for (int p = 0; p < d; p++) {
            u[off + basis.diag(p)] = yr[p][p];
            v[off + basis.diag(p)] = yi[p][p];
            for (int q = p + 1; q < d; q++) {
                double ur = (yr[p][q] + yr[q][p]) / 2, ui = (yi[p][q] - yi[q][p]) / 2;
                double vr = (yi[p][q] + yi[q][p]) / 2, vi = -(yr[p][q] - yr[q][p]) / 2;
                u[off + basis.sym(p, q)] = HermitianBasis.R2 * ur;
                u[off + basis.anti(p, q)] = HermitianBasis.R2 * ui;
                v[off + basis.sym(p, q)] = HermitianBasis.R2 * vr;
                v[off + basis.anti(p, q)] = HermitianBasis.R2 * vi;
            }
        }
    }

    /**
     * {α, β} with Tr(O X) = α·x + i β·x for a Hermitian X of coordinates x (so Tr(O (x + iy)) =
     * α·x − β·y + i(β·x + α·y)). With x_pq^sym = √2 Re X_pq, x_pq^anti = √2 Im X_pq (p &lt; q):
     * O_pq X_qp + O_qp X_pq = (O_pq + O_qp) Re X_pq + i (O_qp − O_pq) Im X_pq.
     */
    public double[][] traceFunctional() {
        double[] a = new double[size], bt = new double[size];
        for (int b = 0; b < bases.size(); b++) {
            HermitianBasis basis = bases.get(b);
            int off = offsets[b];
            CMatrix o = blocks.get(b);
            for (int p = 0; p < o.rows; p++) for (int k = o.ptr[p]; k < o.ptr[p + 1]; k++) {
                int q = o.idx[k];
                double r = o.re[k], i = o.im[k];
                if (p == q) { a[off + basis.diag(p)] += r; bt[off + basis.diag(p)] += i; continue; }
                int lo = Math.min(p, q), hi = Math.max(p, q);
                int s = off + basis.sym(lo, hi), an = off + basis.anti(lo, hi);
                // entry O_pq multiplies X_qp: Re X_qp = x_sym/√2, Im X_qp = ±x_anti/√2 (+ for q < p)
                double sign = q < p ? 1 : -1;
                a[s] += r / HermitianBasis.R2;
                bt[s] += i / HermitianBasis.R2;
                // O_pq · (i·sign·Im) → real part −i_part·sign·Im, imaginary r·sign·Im
                a[an] += -i * sign / HermitianBasis.R2;
                bt[an] += r * sign / HermitianBasis.R2;
            }
        }
        return new double[][]{a, bt};
    }

    /** Tr(O X) for X = x + iy (y may be null), from {@link #traceFunctional()}. */
    public static Complex trace(double[][] f, double[] x, double[] y) {
        double ax = 0, bx = 0, ay = 0, by = 0;
        for (int k = 0; k < x.length; k++) {
            ax += f[0][k] * x[k];
            bx += f[1][k] * x[k];
            if (y != null) { ay += f[0][k] * y[k]; by += f[1][k] * y[k]; }
        }
        return new Complex(ax - by, bx + ay);
    }
}
