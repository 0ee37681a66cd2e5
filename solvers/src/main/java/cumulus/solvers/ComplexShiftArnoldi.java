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
 * Shift-invert Arnoldi with a COMPLEX shift σ = s + iω on a real sparse A, for eigenvalues far
 * from the real axis (e.g. the oscillating gap mode of collective dephasing, which a real shift
 * misses behind many slow real modes). (A − σI)x = v is solved through the real 2n×2n system
 * [[A − s, ωI], [−ωI, A − s]] [x_r; x_i] = [v_r; v_i]; Arnoldi runs in complex arithmetic; the
 * small complex Hessenberg matrix's eigenvalues come from its real 2m×2m form (spectrum ∪
 * conjugate), keeping the candidates that are genuine eigenvalues (inverse-iteration residual).
 * λ = σ + 1/θ for the Ritz values θ of largest modulus.
 */
public final class ComplexShiftArnoldi {
    private ComplexShiftArnoldi() { }

    public static List<Complex> nearest(DMatrixSparseCSC a, double s, double w, int nev) {
        if (w == 0) return cumulus.solvers.sparse.ShiftInvertEigen.nearest(a, s, nev);
        int n = a.numRows;
        cumulus.solvers.sparse.SparseLU lu = cumulus.solvers.sparse.SparseLU.factor(block(a, s, w));
        int m = Math.min(n - 1, Math.max(2 * nev + 30, 60));
        Random rnd = new Random(777);
        double[] v0r = new double[n], v0i = new double[n];
        for (int i = 0; i < n; i++) { v0r[i] = rnd.nextDouble() - 0.5; v0i[i] = rnd.nextDouble() - 0.5; }
        List<Complex> best = null;
        for (int restart = 0; restart < 6; restart++) {
            Object[] r = arnoldi(lu, n, v0r, v0i, m, nev, s, w);
            @SuppressWarnings("unchecked") List<Complex> lam = (List<Complex>) r[0];
            best = lam;
            if ((Boolean) r[1]) return best;
            v0r = (double[]) r[2];
            v0i = (double[]) r[3];
        }
        return best;
    }

    static DMatrixSparseCSC block(DMatrixSparseCSC a, double s, double w) {
        DMatrixSparseCSC sh = cumulus.solvers.sparse.ShiftInvertEigen.shifted(a, s);
        int n = a.numRows, nn = 2 * n;
        int nz = 2 * sh.nz_length + 2 * n;
        int[] colIdx = new int[nn + 1];
        int[] rows = new int[nz];
        double[] vals = new double[nz];
        int k = 0;
        for (int half = 0; half < 2; half++) {
            for (int c = 0; c < n; c++) {
                colIdx[half * n + c] = k;
                if (half == 1) { rows[k] = c; vals[k++] = w; }            // top-right block +ωI
                for (int q = sh.col_idx[c]; q < sh.col_idx[c + 1]; q++) { rows[k] = half * n + sh.nz_rows[q]; vals[k++] = sh.nz_values[q]; }
                if (half == 0) { rows[k] = n + c; vals[k++] = -w; }       // bottom-left block −ωI
            }
        }
        colIdx[nn] = k;
        DMatrixSparseCSC b = new DMatrixSparseCSC(nn, nn, 0);
        b.col_idx = colIdx; b.nz_rows = rows; b.nz_values = vals; b.nz_length = k; b.indicesSorted = true;
        return b;
    }

    private static Object[] arnoldi(cumulus.solvers.sparse.SparseLU lu, int n, double[] v0r, double[] v0i, int m, int nev, double s, double w) {
        double[][] vr = new double[m + 1][], vi = new double[m + 1][];
        double[][] hr = new double[m + 1][m], hi = new double[m + 1][m];
        double nv = Math.sqrt(dot(v0r, v0r) + dot(v0i, v0i));
        vr[0] = v0r.clone(); vi[0] = v0i.clone();
        scale(vr[0], 1 / nv); scale(vi[0], 1 / nv);
        double[] rhs = new double[2 * n], sol = new double[2 * n];
        int steps = m;
        for (int j = 0; j < m; j++) {
            System.arraycopy(vr[j], 0, rhs, 0, n);
            System.arraycopy(vi[j], 0, rhs, n, n);
            lu.solve(rhs, sol);
            double[] wr = java.util.Arrays.copyOfRange(sol, 0, n), wi = java.util.Arrays.copyOfRange(sol, n, 2 * n);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    // c = <v_i, w> = Σ conj(v_i) w
                    double cr = dot(vr[i], wr) + dot(vi[i], wi);
                    double ci = dot(vr[i], wi) - dot(vi[i], wr);
                    hr[i][j] += cr; hi[i][j] += ci;
                    for (int q = 0; q < n; q++) {
                        wr[q] -= cr * vr[i][q] - ci * vi[i][q];
                        wi[q] -= cr * vi[i][q] + ci * vr[i][q];
                    }
                }
            }
            double beta = Math.sqrt(dot(wr, wr) + dot(wi, wi));
            hr[j + 1][j] = beta;
            if (beta < 1e-300) { steps = j + 1; break; }
            scale(wr, 1 / beta); scale(wi, 1 / beta);
            vr[j + 1] = wr; vi[j + 1] = wi;
        }
        int k = steps;
        // eigenvalues of the complex k×k H via its real 2k×2k form [[Hr, −Hi], [Hi, Hr]]
        DMatrixRMaj big = new DMatrixRMaj(2 * k, 2 * k);
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) {
            big.set(i, j, hr[i][j]); big.set(i, j + k, -hi[i][j]);
            big.set(i + k, j, hi[i][j]); big.set(i + k, j + k, hr[i][j]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * k, false);
        if (!eig.decompose(big)) throw new IllegalStateException("Hessenberg eigendecomposition failed");
        double hnorm = 0;
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) hnorm = Math.max(hnorm, Math.hypot(hr[i][j], hi[i][j]));
        List<double[]> cands = new ArrayList<>(); // {re, im, |θ|}
        for (int i = 0; i < 2 * k; i++) {
            Complex t = new Complex(eig.getEigenvalue(i).real, eig.getEigenvalue(i).imaginary);
            double res = residual(hr, hi, k, t);
            if (res > 1e-8 * hnorm) continue;
            boolean dup = false;
            for (double[] c : cands) if (Math.hypot(c[0] - t.re(), c[1] - t.im()) < 1e-10 * hnorm) { dup = true; break; }
            if (!dup) cands.add(new double[]{t.re(), t.im(), t.abs()});
        }
        cands.sort(Comparator.comparingDouble((double[] c) -> c[2]).reversed());
        List<Complex> lam = new ArrayList<>();
        boolean converged = true;
        double[] rr = new double[n], ri = new double[n];
        double hk = steps < m ? 0 : hr[k][k - 1];
        for (int q = 0; q < Math.min(nev, cands.size()); q++) {
            Complex t = new Complex(cands.get(q)[0], cands.get(q)[1]);
            double[][] y = eigenvector(hr, hi, k, t);
            double res = Math.abs(hk) * Math.hypot(y[0][k - 1], y[1][k - 1]);
            if (res > 1e-11 * t.abs()) converged = false;
            for (int i = 0; i < k; i++) {
                axpy(y[0][i], vr[i], rr); axpy(-y[1][i], vi[i], rr);
                axpy(y[0][i], vi[i], ri); axpy(y[1][i], vr[i], ri);
            }
            lam.add(new Complex(s, w).plus(Complex.ONE.divide(t)));
        }
        return new Object[]{lam, converged, rr, ri};
    }

    private static double residual(double[][] hr, double[][] hi, int k, Complex t) {
        double[][] y = eigenvector(hr, hi, k, t);
        double m = 0;
        for (int i = 0; i < k; i++) {
            double sr = -t.re() * y[0][i] + t.im() * y[1][i], si = -t.re() * y[1][i] - t.im() * y[0][i];
            for (int j = 0; j < k; j++) {
                sr += hr[i][j] * y[0][j] - hi[i][j] * y[1][j];
                si += hr[i][j] * y[1][j] + hi[i][j] * y[0][j];
            }
            m = Math.max(m, Math.hypot(sr, si));
        }
        return m;
    }

    /** Unit eigenvector of the complex k×k H for θ (inverse iteration). */
    private static double[][] eigenvector(double[][] hr, double[][] hi, int k, Complex t) {
        return cumulus.solvers.space.SmallEigenvector.of(hr, hi, k, t, t.abs(), true);
    }

    private static double dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }
    private static void scale(double[] a, double s) { for (int i = 0; i < a.length; i++) a[i] *= s; }
    private static void axpy(double c, double[] x, double[] y) { for (int i = 0; i < x.length; i++) y[i] += c * x[i]; }
}
