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

    /** Eigenvector of the m×m upper Hessenberg H for eigenvalue θ (inverse iteration). */
    private static double[][] inverseIteration(double[][] h, int m, Complex t) {
        return cumulus.solvers.space.SmallEigenvector.of(h, null, m, t, hNorm(h, m), false);
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
