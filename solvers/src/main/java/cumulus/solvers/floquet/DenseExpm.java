package cumulus.solvers.floquet;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Dense matrix exponential by scaling and squaring with a degree-18 Taylor polynomial
 * (Moler &amp; Van Loan, "Nineteen dubious ways…", SIAM Rev. 45 (2003), method 3 with squaring):
 * A is scaled by 2^-s so that ‖A‖₁ 2^-s ≤ 1/2, where the truncation error is below
 * 0.5^19/19! ≈ 1.6e-23. EJML has no expm; used only for the small dense Floquet route.
 */
public final class DenseExpm {
    private DenseExpm() { }

    public static DMatrixRMaj expm(DMatrixRMaj a, double t) {
        int n = a.numRows;
        DMatrixRMaj x = a.copy();
        CommonOps_DDRM.scale(t, x);
        double norm = NormOps_DDRM.normP1(x);
        int s = norm <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
        CommonOps_DDRM.scale(Math.pow(2, -s), x);
        // Horner: I + X(I + X/2(I + X/3(... (I + X/18))))
        DMatrixRMaj r = CommonOps_DDRM.identity(n), tmp = new DMatrixRMaj(n, n);
        for (int k = 18; k >= 1; k--) {
            CommonOps_DDRM.mult(1.0 / k, x, r, tmp);
            for (int i = 0; i < n; i++) tmp.add(i, i, 1);
            DMatrixRMaj sw = r; r = tmp; tmp = sw;
        }
        for (int i = 0; i < s; i++) {
            CommonOps_DDRM.mult(r, r, tmp);
            DMatrixRMaj sw = r; r = tmp; tmp = sw;
        }
        return r;
    }
}
