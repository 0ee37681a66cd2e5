package cumulus.solvers.floquet;

import cumulus.api.Complex;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Eigenvalues of largest modulus of a matrix-free real operator by Arnoldi (Saad, "Numerical
 * Methods for Large Eigenvalue Problems", 2nd ed., Alg. 6.1) with two-pass classical Gram–Schmidt
 * (DGKS reorthogonalisation). The Krylov space is extended, without restart, until the wanted
 * Ritz pairs have residual ‖A x − θ x‖ = h_{m+1,m} |e_mᵀ y| ≤ tol·‖y‖. This suits one-period maps
 * of damped systems, whose spectrum clusters at 0 so that few vectors suffice; each Ritz pair is
 * checked, never assumed.
 */
public final class LargestModulusEigen {

    /** A converged eigenvalue with its residual; {@code vector} is set for real eigenvalues only. */
    public record Pair(Complex value, double residual, double[] vector) { }

    private LargestModulusEigen() { }

    public static List<Pair> compute(LinearMap a, int n, int nev, double tol, int maxDimension, double[] start) {
        int mMax = Math.min(n, maxDimension);
        List<double[]> v = new ArrayList<>();
        double[][] h = new double[mMax + 1][mMax];
        double[] q = start != null ? start.clone() : new Random(12345).doubles(n, -1, 1).toArray();
        double nq = norm(q);
        if (nq == 0) throw new IllegalArgumentException("Arnoldi start vector is zero");
        scale(q, 1 / nq);
        v.add(q);
        double[] w = new double[n];
        int nextCheck = Math.min(mMax, Math.max(nev + 6, 16));
        for (int j = 0; j < mMax; j++) {
            a.apply(v.get(j), w);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double d = dot(v.get(i), w);
                    h[i][j] += d;
                    axpy(-d, v.get(i), w);
                }
            }
            double beta = norm(w);
            h[j + 1][j] = beta;
            int m = j + 1;
            boolean invariant = beta <= 1e-14 * Math.max(1, hNorm(h, m));
            if (m == nextCheck || m == mMax || invariant) {
                List<Pair> pairs = ritz(h, v, m, nev, invariant ? 0 : beta, n);
                boolean done = invariant || m == mMax || pairs.stream().limit(nev).allMatch(p -> p.residual() <= tol * Math.max(1, Math.abs(p.value().abs())));
                if (done) {
                    if (m == mMax && !invariant && m < n)
                        for (Pair p : pairs.subList(0, Math.min(nev, pairs.size())))
                            if (p.residual() > tol * Math.max(1, p.value().abs()))
                                throw new IllegalStateException("Arnoldi did not converge in " + m + " vectors: residual " + p.residual() + " for " + p.value());
                    return pairs.subList(0, Math.min(nev, pairs.size()));
                }
                nextCheck = Math.min(mMax, m + Math.max(4, m / 8));
            }
            if (invariant) break;
            double[] next = w.clone();
            scale(next, 1 / beta);
            v.add(next);
        }
        throw new IllegalStateException("unreachable");
    }

    /** Ritz pairs of H_m sorted by descending modulus, with residual estimates and real Ritz vectors. */
    private static List<Pair> ritz(double[][] h, List<double[]> v, int m, int nev, double beta, int n) {
        DMatrixRMaj hm = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) hm.set(i, j, h[i][j]);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
        if (!eig.decompose(hm)) throw new IllegalStateException("dense eigen-decomposition of the Hessenberg matrix failed");
        List<Complex> theta = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Complex_F64 z = eig.getEigenvalue(i);
            theta.add(new Complex(z.real, z.imaginary));
        }
        theta.sort(Comparator.comparingDouble((Complex z) -> -z.abs()).thenComparingDouble(z -> -z.im()));
        List<Pair> out = new ArrayList<>();
        int want = Math.min(m, nev + 2);
        for (int k = 0; k < want; k++) {
            Complex t = theta.get(k);
            double[][] y = inverseIteration(h, m, t);
            double ny = 0;
            for (int i = 0; i < m; i++) ny += y[0][i] * y[0][i] + y[1][i] * y[1][i];
            ny = Math.sqrt(ny);
            double res = beta * Math.hypot(y[0][m - 1], y[1][m - 1]) / ny;
            double[] vec = null;
            if (Math.abs(t.im()) <= 1e-14 * Math.max(1, t.abs())) {
                vec = new double[n];
                for (int i = 0; i < m; i++) axpy(y[0][i] / ny, v.get(i), vec);
            }
            out.add(new Pair(t, res, vec));
        }
        return out;
    }

    /** Eigenvector of the m×m upper Hessenberg H for eigenvalue θ: two steps of complex inverse iteration. */
    private static double[][] inverseIteration(double[][] h, int m, Complex t) {
        double[][] ar = new double[m][m], ai = new double[m][m];
        double shiftRe = t.re(), shiftIm = t.im();
        double scale = 1e-13 * Math.max(1, hNorm(h, m));
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) ar[i][j] = h[i][j];
        for (int i = 0; i < m; i++) { ar[i][i] -= shiftRe + scale; ai[i][i] -= shiftIm; }
        int[] piv = luComplex(ar, ai, m);
        double[] xr = new double[m], xi = new double[m];
        java.util.Arrays.fill(xr, 1);
        for (int it = 0; it < 3; it++) {
            solveComplex(ar, ai, piv, m, xr, xi);
            double nrm = 0;
            for (int i = 0; i < m; i++) nrm = Math.max(nrm, Math.hypot(xr[i], xi[i]));
            for (int i = 0; i < m; i++) { xr[i] /= nrm; xi[i] /= nrm; }
        }
        return new double[][]{xr, xi};
    }

    private static int[] luComplex(double[][] ar, double[][] ai, int m) {
        int[] piv = new int[m];
        for (int k = 0; k < m; k++) {
            int p = k;
            double best = -1;
            for (int i = k; i < m; i++) {
                double mag = Math.hypot(ar[i][k], ai[i][k]);
                if (mag > best) { best = mag; p = i; }
            }
            piv[k] = p;
            if (p != k) {
                double[] tr = ar[p]; ar[p] = ar[k]; ar[k] = tr;
                double[] ti = ai[p]; ai[p] = ai[k]; ai[k] = ti;
            }
            double dr = ar[k][k], di = ai[k][k];
            double dd = dr * dr + di * di;
            if (dd == 0) { ar[k][k] = dr = 1e-300; dd = dr * dr; }
            for (int i = k + 1; i < m; i++) {
                double lr = (ar[i][k] * dr + ai[i][k] * di) / dd, li = (ai[i][k] * dr - ar[i][k] * di) / dd;
                ar[i][k] = lr;
                ai[i][k] = li;
                if (lr == 0 && li == 0) continue;
                for (int j = k + 1; j < m; j++) {
                    ar[i][j] -= lr * ar[k][j] - li * ai[k][j];
                    ai[i][j] -= lr * ai[k][j] + li * ar[k][j];
                }
            }
        }
        return piv;
    }

    private static void solveComplex(double[][] ar, double[][] ai, int[] piv, int m, double[] xr, double[] xi) {
        for (int k = 0; k < m; k++) {
            int p = piv[k];
            if (p != k) {
                double t = xr[p]; xr[p] = xr[k]; xr[k] = t;
                t = xi[p]; xi[p] = xi[k]; xi[k] = t;
            }
            for (int i = k + 1; i < m; i++) {
                xr[i] -= ar[i][k] * xr[k] - ai[i][k] * xi[k];
                xi[i] -= ar[i][k] * xi[k] + ai[i][k] * xr[k];
            }
        }
        for (int i = m - 1; i >= 0; i--) {
            double sr = xr[i], si = xi[i];
            for (int j = i + 1; j < m; j++) {
                sr -= ar[i][j] * xr[j] - ai[i][j] * xi[j];
                si -= ar[i][j] * xi[j] + ai[i][j] * xr[j];
            }
            double dr = ar[i][i], di = ai[i][i], dd = dr * dr + di * di;
            xr[i] = (sr * dr + si * di) / dd;
            xi[i] = (si * dr - sr * di) / dd;
        }
    }

    private static double hNorm(double[][] h, int m) {
        double s = 0;
        for (int i = 0; i <= m && i < h.length; i++) for (int j = 0; j < m; j++) s = Math.max(s, Math.abs(h[i][j]));
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += alpha * x[i];
    }

    static void scale(double[] x, double s) {
        for (int i = 0; i < x.length; i++) x[i] *= s;
    }
}
