package cumulus.solvers;

import org.ejml.data.DMatrixSparseCSC;

/**
 * Detects a Z2 symmetry of the real Liouvillian that is diagonal in the Hermitian basis, for
 * U = (−1)^{n(p)} with n(p) the sum of the local indices of basis state p (spin flips from "up"
 * plus boson number): (A) ρ → Uρ*U† (btc, dephasing: H → −H* under U) or (B) ρ → UρU† (Dicke
 * parity). Each maps a coordinate to ±itself; when L never couples + to −, the dense spectrum is
 * the union of the two blocks' spectra.
 */
public final class ParitySymmetry {
    private ParitySymmetry() { }

    /** ±1 per coordinate when one of the symmetries holds, else null. */
    public static int[] blocks(Liouvillian l, HilbertSpace space) {
        int d = space.dimension();
        int[] par = new int[d];
        int nf = space.factorDimensions().length;
        for (int p = 0; p < d; p++) {
            int s = 0;
            for (int f = 0; f < nf; f++) s += space.localIndex(p, f);
            par[p] = (s & 1) == 0 ? 1 : -1;
        }
        HermitianBasis b = l.basis();
        for (int variant = 0; variant < 2; variant++) {
            int[] sign = new int[b.size()];
            for (int p = 0; p < d; p++) {
                sign[b.diag(p)] = 1;
                for (int q = p + 1; q < d; q++) {
                    int s = par[p] * par[q];
                    sign[b.sym(p, q)] = s;
                    sign[b.anti(p, q)] = variant == 0 ? -s : s;
                }
            }
            if (respects(l.matrix(), sign)) return sign;
        }
        return null;
    }

    private static boolean respects(DMatrixSparseCSC a, int[] sign) {
        double max = 0;
        for (int k = 0; k < a.nz_length; k++) max = Math.max(max, Math.abs(a.nz_values[k]));
        double tol = 1e-13 * max;
        int plus = 0;
        for (int s : sign) if (s > 0) plus++;
        if (plus == 0 || plus == sign.length) return false;
        for (int c = 0; c < a.numCols; c++) for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++)
            if (sign[a.nz_rows[k]] != sign[c] && Math.abs(a.nz_values[k]) > tol) return false;
        return true;
    }
}
