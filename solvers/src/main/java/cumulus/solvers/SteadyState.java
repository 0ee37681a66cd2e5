package cumulus.solvers;

import java.util.List;

import cumulus.solvers.sparse.SparseLU;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;

/**
 * The NESS: L x = 0 with Tr ρ = 1, solved as one sparse direct system in which the equation of the
 * first diagonal coordinate is replaced by the trace functional (allowed because the rows of L for
 * the diagonal coordinates sum to zero: L is trace preserving). ρ is Hermitian by construction.
 */
public final class SteadyState {
    private SteadyState() { }

    public record Solution(double[] x, double residual, String solver) { }

    public static Solution solve(Liouvillian l) {
        HermitianBasis b = l.basis();
        DMatrixSparseCSC a = l.matrix();
        int n = a.numRows;
        int r0 = b.diag(0);
        double scale = SteadyStateChecks.traceRowScale(a);
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, a.nz_length + b.hilbertDimension());
        for (int c = 0; c < n; c++) for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++)
            if (a.nz_rows[k] != r0) t.addItem(a.nz_rows[k], c, a.nz_values[k]);
        for (int p = 0; p < b.hilbertDimension(); p++) t.addItem(r0, b.diag(p), scale);
        DMatrixSparseCSC m = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        // Only the invariant block holding the populations (joined by the trace row) carries the
        // state; the other blocks (e.g. btc's parity partner) have zero right-hand side: solve the
        // one block, half the work for a Z2-symmetric Liouvillian.
        int[] block = null;
        for (int[] idx : SymmetryBlocks.of(List.of(m))) if (java.util.Arrays.binarySearch(idx, r0) >= 0) block = idx;
        DMatrixSparseCSC mb = block.length == n ? m : SymmetryBlocks.restrict(m, block);
        SparseBridge.Factorization lu;
        try {
            lu = SparseBridge.factor(mb);
        } catch (SparseLU.Singular e) {
            throw SteadyStateChecks.notUnique(a, e);
        }
        double[] rhs = new double[block.length];
        rhs[java.util.Arrays.binarySearch(block, r0)] = scale;
        double[] xb = new double[block.length];
        lu.solve(rhs, xb);
        double[] x = new double[n];
        for (int i = 0; i < block.length; i++) x[block[i]] = xb[i];
        for (double v : x) if (!Double.isFinite(v))
            throw new cumulus.api.NumericalException("the steady-state solve gave non-finite values (sparse LU of the bordered Liouvillian)");
        double[] y = new double[n];
        l.apply(x, y);
        double res = 0;
        for (double v : y) res = Math.max(res, Math.abs(v));
        return new Solution(x, res, lu.name());
    }
}
