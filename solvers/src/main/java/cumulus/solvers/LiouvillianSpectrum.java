package cumulus.solvers;

import cumulus.api.Complex;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Eigenvalues of the real Liouvillian matrix (SPEC.md "Spectrum"). Small problems: all eigenvalues
 * by EJML's dense real nonsymmetric QR algorithm, first splitting the matrix into the two blocks of
 * a parity symmetry when one holds exactly (ρ → UρU† or ρ → Uρ*U† with U = (−1)^{number of excitations},
 * each diagonal in the Hermitian basis). Large problems: the eigenvalues nearest a small positive
 * shift σ by shift-invert Arnoldi (package cumulus.solvers.sparse when present, else
 * {@link ShiftInvertArnoldi}).
 */
public final class LiouvillianSpectrum {

    /** Sorted eigenvalues (λ_0 first) and how they were computed. */
    public record Eigen(List<Complex> values, String method) { }

    private LiouvillianSpectrum() { }

    /**
     * All eigenvalues densely when the real size is at most {@code denseLimit}; otherwise the
     * eigenvalues nearest a small positive real shift, merged with those nearest the complex shifts
     * {@code oscillationShifts} ({re, im} pairs, may be empty), sorted.
     */
    public static Eigen compute(Liouvillian l, HilbertSpace space, int count, int denseLimit, double[][] oscillationShifts) {
        int n = l.size();
        if (n <= denseLimit) return dense(l, space);
        if (oscillationShifts.length > 0) return nearShifts(l, count, oscillationShifts);
        int nev = Math.min(n - 2, count + 4);
        double sigma = shift(l.matrix());
        List<Complex> vals = SparseBridge.nearestFromPackage(l.matrix(), sigma, nev);
        return new Eigen(sort(vals), String.format("shift-invert Arnoldi (Krylov-Schur), sigma=%.3g, nev=%d: the eigenvalues nearest sigma, sorted by real part", sigma, nev));
    }

    /**
     * Eigenvalues nearest each of several shifts (the first real, near 0, so that λ_0 is found;
     * complex ones, e.g. σ = s + iω, reach oscillating modes behind many slow real ones), merged,
     * de-duplicated and sorted. {@code shifts} holds {re, im} pairs.
     */
    public static Eigen nearShifts(Liouvillian l, int count, double[][] shifts) {
        int n = l.size();
        int nev = Math.min(n - 2, Math.max(2 * count + 4, 12));
        List<Complex> all = new ArrayList<>();
        StringBuilder how = new StringBuilder("shift-invert Arnoldi, nev=" + nev + " nearest each shift sigma in {");
        double sigma0 = shift(l.matrix());
        List<double[]> list = new ArrayList<>();
        list.add(new double[]{sigma0, 0});
        for (double[] sh : shifts) list.add(new double[]{sh[0] == 0 ? sigma0 : sh[0], sh[1]});
        for (double[] sh : list) {
            List<Complex> vals = sh[1] == 0 ? SparseBridge.nearestFromPackage(l.matrix(), sh[0], nev)
                    : ComplexShiftArnoldi.nearest(l.matrix(), sh[0], sh[1], nev);
            double scale = 0;
            for (Complex z : vals) scale = Math.max(scale, z.abs());
            for (Complex z : vals) {
                boolean dup = false;
                for (Complex y : all) if (y.minus(z).abs() < 1e-9 * Math.max(scale, 1e-12)) { dup = true; break; }
                if (!dup) all.add(z);
                // a real matrix: the conjugate is an eigenvalue too
                Complex c = z.conj();
                if (Math.abs(z.im()) > 1e-9 * Math.max(scale, 1e-12)) {
                    boolean dupc = false;
                    for (Complex y : all) if (y.minus(c).abs() < 1e-9 * Math.max(scale, 1e-12)) { dupc = true; break; }
                    if (!dupc) all.add(c);
                }
            }
            how.append(String.format(" %.3g%+.3gi", sh[0], sh[1]));
        }
        how.append(" }, merged and sorted by real part");
        return new Eigen(sort(all), how.toString());
    }

    /** σ = 0.01 · max|L_ii| / D: small and positive, so the steady state (λ = 0) is not hit exactly. */
    static double shift(DMatrixSparseCSC a) {
        double m = 0;
        for (int c = 0; c < a.numCols; c++) for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++)
            if (a.nz_rows[k] == c) m = Math.max(m, Math.abs(a.nz_values[k]));
        double d = Math.sqrt(a.numRows);
        double s = 0.01 * m / d;
        return s > 0 ? s : 1e-3;
    }

    static Eigen dense(Liouvillian l, HilbertSpace space) {
        DMatrixSparseCSC a = l.matrix();
        List<int[]> blocks = SymmetryBlocks.of(List.of(a));
        List<Complex> all = new ArrayList<>();
        for (int[] idx : blocks) all.addAll(denseEig(SymmetryBlocks.restrict(a, idx)));
        String how = blocks.size() == 1 ? "dense EJML eig of the " + a.numRows + "x" + a.numRows + " Liouvillian"
                : "dense EJML eig per invariant block (" + blocks.size() + " blocks of sizes "
                  + blocks.stream().map(b -> Integer.toString(b.length)).collect(java.util.stream.Collectors.joining(", ")) + ")";
        return new Eigen(sort(all), how);
    }

    static List<Complex> denseEig(DMatrixSparseCSC a) {
        int m = a.numRows;
        List<Complex> out = new ArrayList<>();
        if (m == 0) return out;
        DMatrixRMaj d = new DMatrixRMaj(m, m);
        for (int c = 0; c < m; c++)
            for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) d.unsafe_set(a.nz_rows[k], c, a.nz_values[k]);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
        if (!eig.decompose(d)) throw new IllegalStateException("dense eigendecomposition failed (size " + m + ")");
        for (int i = 0; i < m; i++) out.add(new Complex(eig.getEigenvalue(i).real, eig.getEigenvalue(i).imaginary));
        return out;
    }

    /**
     * SPEC ordering: λ_0 (the eigenvalue of smallest modulus, the steady state) first, then by
     * descending real part; of a complex-conjugate pair the member with Im ≥ 0 comes first.
     */
    public static List<Complex> sort(List<Complex> vals) {
        List<Complex> v = new ArrayList<>(vals);
        if (v.isEmpty()) return v;
        double scale = 0;
        for (Complex z : v) scale = Math.max(scale, z.abs());
        double tol = 1e-9 * Math.max(scale, 1e-300);
        int i0 = 0;
        for (int i = 1; i < v.size(); i++) if (v.get(i).abs() < v.get(i0).abs()) i0 = i;
        Complex zero = v.remove(i0);
        v.sort(Comparator.comparingDouble(Complex::re).reversed());
        for (int i = 0; i + 1 < v.size(); i++) {
            Complex x = v.get(i), y = v.get(i + 1);
            if (x.minus(y.conj()).abs() < tol && x.im() < 0 && y.im() > 0) { v.set(i, y); v.set(i + 1, x); i++; }
        }
        // real eigenvalues carry imaginary rounding noise (~1e-16 |λ|): report them as real
        List<Complex> out = new ArrayList<>();
        out.add(zero);
        out.addAll(v);
        for (int i = 0; i < out.size(); i++) {
            Complex z = out.get(i);
            if (z.im() != 0 && Math.abs(z.im()) <= 1e-12 * scale) out.set(i, new Complex(z.re(), 0));
        }
        return out;
    }
}
