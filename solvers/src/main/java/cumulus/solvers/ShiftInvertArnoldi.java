package cumulus.solvers;

import cumulus.api.Complex;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Fallback eigensolver: Arnoldi iteration (full double Gram–Schmidt reorthogonalisation) on
 * OP = (A − σI)^{-1}, whose largest-modulus Ritz values θ give the eigenvalues λ = σ + 1/θ of A
 * nearest σ. Convergence by the Arnoldi residual |h_{m+1,m} y_m| ≤ tol |θ| (y the Ritz vector of
 * the small Hessenberg matrix, obtained by complex inverse iteration); explicit restarts with the
 * wanted Ritz vectors when needed.
 */
public final class ShiftInvertArnoldi {
    private ShiftInvertArnoldi() { }

    /** A − σI (the sparse package's construction). */
    public static DMatrixSparseCSC shifted(DMatrixSparseCSC a, double sigma) {
        return cumulus.solvers.sparse.ShiftInvertEigen.shifted(a, sigma);
    }

    /** The {@code nev} eigenvalues of {@code a} nearest {@code sigma}. */
    public static List<Complex> nearest(DMatrixSparseCSC a, double sigma, int nev) {
        int n = a.numRows;
        SparseBridge.Factorization lu = SparseBridge.factor(shifted(a, sigma));
        int m = Math.min(n - 1, Math.max(2 * nev + 30, 60));
        if (m < nev + 2) throw new IllegalArgumentException("matrix too small for Arnoldi: use the dense route");
        double[] v0 = new double[n];
        Random rnd = new Random(12345);
        for (int i = 0; i < n; i++) v0[i] = rnd.nextDouble() - 0.5;
        List<Complex> best = null;
        for (int restart = 0; restart < 8; restart++) {
            Result r = arnoldi(lu, v0, m, nev);
            best = r.lambdas(sigma);
            if (r.converged) return best;
            v0 = r.restartVector;
        }
        return best;
    }

    private record Result(List<Complex> thetas, boolean converged, double[] restartVector) {
        List<Complex> lambdas(double sigma) {
            List<Complex> out = new ArrayList<>();
            for (Complex th : thetas) out.add(Complex.real(sigma).plus(Complex.ONE.divide(th)));
            return out;
        }
    }

    private static Result arnoldi(SparseBridge.Factorization op, double[] v0, int m, int nev) {
        int n = v0.length;
        double[][] v = new double[m + 1][];
        double[][] h = new double[m + 1][m];
        v[0] = v0.clone();
        scale(v[0], 1 / norm(v[0]));
        double[] w = new double[n];
        int steps = m;
        for (int j = 0; j < m; j++) {
            op.solve(v[j], w);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double c = dot(v[i], w);
                    h[i][j] += c;
                    axpy(-c, v[i], w);
                }
            }
            double beta = norm(w);
            h[j + 1][j] = beta;
            if (beta < 1e-300) { steps = j + 1; break; }
            v[j + 1] = w.clone();
            scale(v[j + 1], 1 / beta);
        }
        int k = steps;
        DMatrixRMaj hm = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) hm.set(i, j, h[i][j]);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, false);
        if (!eig.decompose(hm)) throw new IllegalStateException("Hessenberg eigendecomposition failed");
        List<Complex> th = new ArrayList<>();
        for (int i = 0; i < k; i++) th.add(new Complex(eig.getEigenvalue(i).real, eig.getEigenvalue(i).imaginary));
        th.sort(Comparator.comparingDouble(Complex::abs).reversed());
        // take nev, completing a conjugate pair cut at the boundary
        int take = Math.min(nev, th.size());
        if (take < th.size() && Math.abs(th.get(take - 1).im()) > 0 && Math.abs(th.get(take).abs() - th.get(take - 1).abs()) < 1e-12 * th.get(0).abs()) take++;
        List<Complex> wanted = new ArrayList<>(th.subList(0, take));
        double hk = steps < m ? 0 : h[k][k - 1];
        boolean converged = true;
        double[] restart = new double[n];
        for (Complex t : wanted) {
            double[][] y = smallEigenvector(h, k, t);
            double res = Math.abs(hk) * Math.hypot(y[0][k - 1], y[1][k - 1]);
            if (res > 1e-11 * t.abs()) converged = false;
            for (int i = 0; i < k; i++) axpy(y[0][i] + y[1][i], v[i], restart);
        }
        return new Result(wanted, converged, restart);
    }

    /** Unit eigenvector of the k×k Hessenberg h for eigenvalue t, by complex inverse iteration. */
    static double[][] smallEigenvector(double[][] h, int k, Complex t) {
        double[][] ar = new double[k][k], ai = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) ar[i][j] = h[i][j];
        return inverseIteration(ar, ai, k, t);
    }

    /** Unit eigenvector of the complex k×k matrix (ar + i ai) for eigenvalue t; overwrites ar, ai. */
    static double[][] inverseIteration(double[][] ar, double[][] ai, int k, Complex t) {
        double pert = 1e-13 * Math.max(1, t.abs());
        for (int i = 0; i < k; i++) { ar[i][i] -= t.re() + pert; ai[i][i] -= t.im(); }
        int[] piv = luInPlace(ar, ai);
        double[] yr = new double[k], yi = new double[k];
        java.util.Arrays.fill(yr, 1);
        for (int it = 0; it < 3; it++) {
            luSolve(ar, ai, piv, yr, yi);
            double s = 0;
            for (int i = 0; i < k; i++) s += yr[i] * yr[i] + yi[i] * yi[i];
            s = 1 / Math.sqrt(s);
            for (int i = 0; i < k; i++) { yr[i] *= s; yi[i] *= s; }
        }
        return new double[][]{yr, yi};
    }

    private static int[] luInPlace(double[][] ar, double[][] ai) {
        int k = ar.length;
        int[] piv = new int[k];
        for (int c = 0; c < k; c++) {
            int p = c;
            double best = -1;
            for (int r = c; r < k; r++) {
                double m = Math.hypot(ar[r][c], ai[r][c]);
                if (m > best) { best = m; p = r; }
            }
            piv[c] = p;
            if (p != c) {
                double[] t = ar[p]; ar[p] = ar[c]; ar[c] = t;
                t = ai[p]; ai[p] = ai[c]; ai[c] = t;
            }
            double dr = ar[c][c], di = ai[c][c];
            if (dr == 0 && di == 0) { dr = 1e-300; ar[c][c] = dr; }
            double den = dr * dr + di * di;
            for (int r = c + 1; r < k; r++) {
                double lr = (ar[r][c] * dr + ai[r][c] * di) / den, li = (ai[r][c] * dr - ar[r][c] * di) / den;
                ar[r][c] = lr; ai[r][c] = li;
                for (int j = c + 1; j < k; j++) {
                    ar[r][j] -= lr * ar[c][j] - li * ai[c][j];
                    ai[r][j] -= lr * ai[c][j] + li * ar[c][j];
                }
            }
        }
        return piv;
    }

    private static void luSolve(double[][] ar, double[][] ai, int[] piv, double[] br, double[] bi) {
        int k = ar.length;
        for (int c = 0; c < k; c++) {
            int p = piv[c];
            double t = br[p]; br[p] = br[c]; br[c] = t;
            t = bi[p]; bi[p] = bi[c]; bi[c] = t;
            for (int r = c + 1; r < k; r++) {
                br[r] -= ar[r][c] * br[c] - ai[r][c] * bi[c];
                bi[r] -= ar[r][c] * bi[c] + ai[r][c] * br[c];
            }
        }
        for (int r = k - 1; r >= 0; r--) {
            double sr = br[r], si = bi[r];
            for (int j = r + 1; j < k; j++) {
                sr -= ar[r][j] * br[j] - ai[r][j] * bi[j];
                si -= ar[r][j] * bi[j] + ai[r][j] * br[j];
            }
            double dr = ar[r][r], di = ai[r][r], den = dr * dr + di * di;
            br[r] = (sr * dr + si * di) / den;
            bi[r] = (si * dr - sr * di) / den;
        }
    }

    static double dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }
    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }
    static void scale(double[] a, double s) { for (int i = 0; i < a.length; i++) a[i] *= s; }
    static void axpy(double c, double[] x, double[] y) { for (int i = 0; i < x.length; i++) y[i] += c * x[i]; }
}
