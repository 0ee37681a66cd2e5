package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.solvers.sparse.ShiftInvertEigen;
import cumulus.solvers.sparse.SparseLU;
import org.ejml.data.DMatrixSparseCSC;

import java.util.List;

/**
 * The engine's entry to the sparse direct solver and shift-invert eigensolver of package
 * {@code cumulus.solvers.sparse} (multifrontal LU on a nested-dissection ordering; Krylov–Schur
 * shift-invert Arnoldi), behind a small interface so callers do not depend on that package's types.
 */
public final class SparseBridge {
    private SparseBridge() { }

    /** A factored matrix: solve A x = b. */
    public interface Factorization {
        void solve(double[] b, double[] x);
        String name();
    }

    public static Factorization factor(DMatrixSparseCSC a) {
        SparseLU lu = SparseLU.factor(a);
        return new Factorization() {
            public void solve(double[] b, double[] x) { lu.solve(b, x); }
            public String name() { return "multifrontal sparse LU, nested-dissection ordering"; }
        };
    }

    /** For each matrix, its nev eigenvalues nearest sigma; independent matrices are solved side by side on two cores. */
    public static List<List<Complex>> nearestEach(List<DMatrixSparseCSC> parts, double sigma, int nev) {
        return ShiftInvertEigen.nearestEach(parts, sigma, nev);
    }

    /** The eigenvalues of a nearest the real shift sigma (residual-checked). */
    public static List<Complex> nearestFromPackage(DMatrixSparseCSC a, double sigma, int nev) {
        return ShiftInvertEigen.nearest(a, sigma, nev);
    }
}
