package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.solvers.space.SymmetryBlocks;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Eigenvalues of a real Liouvillian (SPEC.md "Spectrum"), for every space. The coordinates first
 * split into the invariant blocks of {@link SymmetryBlocks} (a conserved parity shows up there
 * without being declared); a block of real size up to {@code denseLimit} gets all its eigenvalues
 * from EJML's dense real nonsymmetric QR algorithm, a larger one the eigenvalues nearest each of
 * the {@link Shifts} by shift-invert Krylov–Schur ({@code cumulus.solvers.sparse}, real shift) or
 * {@link ComplexShiftArnoldi} (σ + iω). The union is merged and sorted.
 */
public final class LiouvillianSpectrum {

    /** Sorted eigenvalues (λ_0 first) and how they were computed. */
    public record Eigen(List<Complex> values, String method) { }

    private LiouvillianSpectrum() { }

    /** How large blocks are searched: near the {@link Shifts} (real and complex), or for the rightmost eigenvalues on one real LU. */
    public enum Search { SHIFTS, RIGHTMOST }

    public static Eigen compute(DMatrixSparseCSC l, int count, int denseLimit, Shifts shifts) {
        return compute(l, count, denseLimit, shifts, Search.SHIFTS);
    }

    /**
     * {@link Search#RIGHTMOST}: {@link cumulus.solvers.sparse.RightmostEigen} on one real factorization per block,
     * Krylov–Schur restarts keeping the Ritz values of largest real part, verified by further restarts; with a
     * precession frequency, a second real LU at σ = ω searches the oscillating modes that complex shifts reach. No
     * complex factorization: the memory of one real LU (btc N = 2048 fits 18 GB), at the price of many solves.
     */
    public static Eigen compute(DMatrixSparseCSC l, int count, int denseLimit, Shifts shifts, Search search) {
        List<int[]> blocks = SymmetryBlocks.of(List.of(l));
        List<Complex> all = new ArrayList<>();
        int dense = 0, sparse = 0;
        List<DMatrixSparseCSC> big = new ArrayList<>();
        for (int[] idx : blocks) {
            DMatrixSparseCSC b = blocks.size() == 1 ? l : SymmetryBlocks.restrict(l, idx);
            if (idx.length <= denseLimit) { all.addAll(denseEig(b)); dense++; }
            else { big.add(b); sparse++; }
        }
        // each block may hold all of the union's leading eigenvalues: every block gets the full count, plus margin
        int nev = Math.max(2 * count + 4, 12);
        StringBuilder how = new StringBuilder(search == Search.RIGHTMOST ? "" : shifts.note());
        if (blocks.size() > 1) how.append(blocks.size()).append(" invariant blocks (sizes ")
                .append(blocks.stream().limit(8).map(b -> Integer.toString(b.length)).collect(Collectors.joining(", ")))
                .append(blocks.size() > 8 ? ", ..." : "").append("); ");
        if (dense > 0) how.append(dense).append(sparse > 0 ? " small block(s) by " : " by ").append("dense EJML eig");
        if (!big.isEmpty() && search == Search.RIGHTMOST) {
            if (dense > 0) how.append("; ");
            double w = 0;
            for (double f : shifts.frequencies()) w = Math.max(w, f);
            var options = cumulus.solvers.sparse.RightmostEigen.Options.defaults().withOscillation(w);
            for (cumulus.solvers.sparse.RightmostEigen.Result r : cumulus.solvers.sparse.RightmostEigen.computeEach(big, count, options)) {
                merge(all, r.values());
                how.append(r.method()).append("; certificate: ").append(r.certificate().text()).append("; ");
            }
        } else if (!big.isEmpty()) {
            if (dense > 0) how.append("; ");
            List<List<Complex>> real = cumulus.solvers.sparse.ShiftInvertEigen.nearestEach(big, shifts.real(), nev);
            for (List<Complex> v : real) merge(all, v);
            for (DMatrixSparseCSC b : big)
                for (double w : shifts.complexFrequencies()) merge(all, ComplexShiftArnoldi.nearest(b, shifts.real(), w, Math.min(b.numRows - 2, nev)));
            how.append(String.format("shift-invert Arnoldi (Krylov-Schur), nev=%d per block nearest sigma=%.3g", nev, shifts.real()));
            for (double w : shifts.complexFrequencies()) how.append(String.format(" and %.3g%+.3gi", shifts.real(), w));
            how.append(", merged and sorted by real part");
        }
        return new Eigen(sort(all), how.toString());
    }

    /** Adds the values (and, of a real matrix, their conjugates) not already present to 1e-9 relative. */
    static void merge(List<Complex> all, List<Complex> vals) {
        double scale = 1e-12;
        for (Complex z : vals) scale = Math.max(scale, z.abs());
        for (Complex z0 : vals) for (Complex z : z0.im() == 0 ? List.of(z0) : List.of(z0, z0.conj())) {
            boolean dup = false;
            for (Complex y : all) if (y.minus(z).abs() < 1e-9 * scale) { dup = true; break; }
            if (!dup) all.add(z);
        }
    }

    static List<Complex> denseEig(DMatrixSparseCSC a) {
        int m = a.numRows;
        List<Complex> out = new ArrayList<>();
        if (m == 0) return out;
        DMatrixRMaj d = new DMatrixRMaj(m, m);
        for (int c = 0; c < m; c++)
            for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) d.unsafe_set(a.nz_rows[k], c, a.nz_values[k]);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
        if (!eig.decompose(d)) throw new cumulus.api.NumericalException("the dense eigendecomposition (EJML QR algorithm) failed on a block of size " + m);
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
