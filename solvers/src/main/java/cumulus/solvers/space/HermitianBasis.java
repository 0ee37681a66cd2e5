package cumulus.solvers.space;

/**
 * The orthonormal (Hilbert–Schmidt) basis of Hermitian D×D operators: |p><p|;
 * for p &lt; q, (|p><q| + |q><p|)/√2 ("sym") and i(|p><q| − |q><p|)/√2 ("anti").
 * A Hermitian ρ has real coordinates x = Tr(E ρ): x_diag = ρ_pp, x_sym = √2 Re ρ_pq,
 * x_anti = √2 Im ρ_pq. Ordering: row-major over the upper triangle, for each p first the
 * diagonal, then the (sym, anti) pairs q = p+1..D−1 adjacent (keeps the Liouvillian banded).
 */
public final class HermitianBasis {
    public static final double R2 = Math.sqrt(2);
    private final int d;

    public HermitianBasis(int d) { this.d = d; }

    public int hilbertDimension() { return d; }
    public int size() { return d * d; }

    private int start(int p) { return p * (2 * d - p); }
    public int diag(int p) { return start(p); }
    /** Requires p &lt; q. */
    public int sym(int p, int q) { return start(p) + 2 * (q - p) - 1; }
    /** Requires p &lt; q. */
    public int anti(int p, int q) { return start(p) + 2 * (q - p); }

    /** ‖E_i‖₁ of every basis element: 1 for |p><p|, √2 for the sym and anti elements (eigenvalues ±1/√2). */
    public double[] traceNorms() {
        double[] w = new double[size()];
        java.util.Arrays.fill(w, R2);
        for (int p = 0; p < d; p++) w[diag(p)] = 1;
        return w;
    }

    /** Coordinates of a Hermitian matrix given as dense {re, im}. */
    public double[] coordinates(double[][] re, double[][] im) {
        double[] x = new double[size()];
        for (int p = 0; p < d; p++) {
            x[diag(p)] = re[p][p];
            for (int q = p + 1; q < d; q++) {
                x[sym(p, q)] = R2 * re[p][q];
                x[anti(p, q)] = R2 * im[p][q];
            }
        }
        return x;
    }

    /** ρ from coordinates: dense {re, im}. */
    public double[][][] matrix(double[] x) {
        double[][][] m = new double[2][d][d];
        for (int p = 0; p < d; p++) {
            m[0][p][p] = x[diag(p)];
            for (int q = p + 1; q < d; q++) {
                double r = x[sym(p, q)] / R2, i = x[anti(p, q)] / R2;
                m[0][p][q] = r; m[1][p][q] = i;
                m[0][q][p] = r; m[1][q][p] = -i;
            }
        }
        return m;
    }

    /** Re ρ_pq from coordinates. */
    public double re(double[] x, int p, int q) {
        if (p == q) return x[diag(p)];
        return p < q ? x[sym(p, q)] / R2 : x[sym(q, p)] / R2;
    }

    /** Im ρ_pq from coordinates. */
    public double im(double[] x, int p, int q) {
        if (p == q) return 0;
        return p < q ? x[anti(p, q)] / R2 : -x[anti(q, p)] / R2;
    }

    /** The trace functional: Tr ρ = t · x. */
    public double[] traceFunctional() {
        double[] t = new double[size()];
        for (int p = 0; p < d; p++) t[diag(p)] = 1;
        return t;
    }

    public double trace(double[] x) {
        double s = 0;
        for (int p = 0; p < d; p++) s += x[diag(p)];
        return s;
    }

    /** Tr(O ρ) = Σ_pq O_pq ρ_qp for a sparse O. */
    public cumulus.api.Complex expectation(CMatrix o, double[] x) {
        double sr = 0, si = 0;
        for (int p = 0; p < o.rows; p++) for (int k = o.ptr[p]; k < o.ptr[p + 1]; k++) {
            int q = o.idx[k];
            double rr = re(x, q, p), ri = im(x, q, p);
            sr += o.re[k] * rr - o.im[k] * ri;
            si += o.re[k] * ri + o.im[k] * rr;
        }
        return new cumulus.api.Complex(sr, si);
    }
}
