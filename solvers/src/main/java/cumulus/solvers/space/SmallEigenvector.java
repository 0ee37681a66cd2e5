package cumulus.solvers.space;

import cumulus.api.Complex;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_ZDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The eigenvector of a small complex matrix (a Krylov method's projected Hessenberg matrix) for a
 * known eigenvalue θ, by three steps of inverse iteration on A − (θ + δ)I with δ = 1e-13·max(1, scale)
 * (so that the shifted matrix is not exactly singular), with EJML's complex dense LU. Shared by the
 * shift-invert and the Floquet Arnoldi methods.
 */
public final class SmallEigenvector {
    private SmallEigenvector() { }

    /** {re, im} of the eigenvector of (ar + i·ai)[0..k)² for θ (ai may be null), unit max-modulus or, with {@code unit2}, unit 2-norm. */
    public static double[][] of(double[][] ar, double[][] ai, int k, Complex theta, double scale, boolean unit2) {
        double pert = 1e-13 * Math.max(1, scale);
        ZMatrixRMaj a = new ZMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++)
            a.set(i, j, ar[i][j] - (i == j ? theta.re() + pert : 0), (ai == null ? 0 : ai[i][j]) - (i == j ? theta.im() : 0));
        LinearSolverDense<ZMatrixRMaj> lu = LinearSolverFactory_ZDRM.lu(k);
        ZMatrixRMaj y = new ZMatrixRMaj(k, 1), x = new ZMatrixRMaj(k, 1);
        for (int i = 0; i < k; i++) y.set(i, 0, 1, 0);
        double[] yr = new double[k], yi = new double[k];
        if (!lu.setA(a)) return new double[][]{yr, yi};
        for (int it = 0; it < 3; it++) {
            lu.solve(y, x);
            double m = 0;
            for (int i = 0; i < k; i++) m = Math.max(m, Math.hypot(x.getReal(i, 0), x.getImag(i, 0)));
            if (!(m > 0) || !Double.isFinite(m)) break;
            for (int i = 0; i < k; i++) y.set(i, 0, x.getReal(i, 0) / m, x.getImag(i, 0) / m);
        }
        double n2 = 0;
        for (int i = 0; i < k; i++) { yr[i] = y.getReal(i, 0); yi[i] = y.getImag(i, 0); n2 += yr[i] * yr[i] + yi[i] * yi[i]; }
        if (unit2 && n2 > 0) for (int i = 0; i < k; i++) { yr[i] /= Math.sqrt(n2); yi[i] /= Math.sqrt(n2); }
        return new double[][]{yr, yi};
    }
}
