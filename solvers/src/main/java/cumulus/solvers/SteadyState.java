package cumulus.solvers;

import cumulus.solvers.dicke.Liouvillian;

import cumulus.api.NumericalException;
import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.SparseOps;
import cumulus.solvers.space.SymmetryBlocks;
import cumulus.solvers.sparse.BlockGmres;
import cumulus.solvers.sparse.SparseLU;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The NESS: L x = 0 with Tr ρ = 1, solved as one sparse system in which the equation of one
 * population (the space's trace anchor) is replaced by the trace functional — allowed because L
 * preserves the trace, so its population rows sum to zero. Only the invariant block holding the
 * populations (joined by the trace row) carries the state; the other blocks (e.g. btc's parity
 * partner) have zero right-hand side and are not solved. Up to {@link #ITERATIVE_THRESHOLD}
 * unknowns, and always for spaces without sectors, by the multifrontal sparse LU; above it, for
 * spaces with sectors (⊕_j), by GMRES preconditioned with the LU of slabs of consecutive sectors
 * ({@link BlockGmres}), falling back to the LU if GMRES does not reach 1e-12.
 */
public final class SteadyState {
    private SteadyState() { }

    /** Real unknowns of the solved block above which a space with sectors is solved iteratively. */
    public static final int ITERATIVE_THRESHOLD = 20000;
    /** About this many preconditioner slabs. */
    static final int GROUPS = Integer.getInteger("cumulus.piqs.groups", 12);

    /** The steady state's coordinates (trace 1), the max-norm residual of L x, and how it was solved. */
    public record Solution(double[] x, double residual, String solver) { }

    public static Solution solve(LiouvillianSpace space, DMatrixSparseCSC l) { return solve(space, l, ITERATIVE_THRESHOLD); }

    public static Solution solve(LiouvillianSpace space, DMatrixSparseCSC l, int iterativeThreshold) {
        int n = l.numRows, r0 = space.traceAnchor();
        double[] tr = space.traceFunctional();
        double scale = SteadyStateChecks.traceRowScale(l);
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, l.nz_length + space.dimension());
        for (int c = 0; c < n; c++) for (int k = l.col_idx[c]; k < l.col_idx[c + 1]; k++)
            if (l.nz_rows[k] != r0) t.addItem(l.nz_rows[k], c, l.nz_values[k]);
        for (int c = 0; c < n; c++) if (tr[c] != 0) t.addItem(r0, c, scale * tr[c]);
        DMatrixSparseCSC m = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        int[] block = null;
        for (int[] idx : SymmetryBlocks.of(List.of(m))) if (Arrays.binarySearch(idx, r0) >= 0) block = idx;
        DMatrixSparseCSC mb = block.length == n ? m : SymmetryBlocks.restrict(m, block);
        double[] rhs = new double[block.length];
        rhs[Arrays.binarySearch(block, r0)] = scale;
        double[] xb = null;
        String how = null;
        int[] sectors = space.sectorOffsets();
        if (sectors != null && block.length > iterativeThreshold) {
            int[] ranges = slabs(block, sectors, n, GROUPS);
            BlockGmres.Result g = new BlockGmres(mb, ranges).solve(rhs, 1e-13, 120, 3000);
            if (g.relativeResidual() < 1e-12) {
                xb = g.x();
                how = String.format("GMRES(120) with a block-Jacobi preconditioner (%d slabs of consecutive sectors, sparse LU each), %d iterations, relative residual %.1e",
                        ranges.length - 1, g.iterations(), g.relativeResidual());
            }
        }
        if (xb == null) {
            SparseLU lu;
            try {
                lu = SparseLU.factor(mb);
            } catch (SparseLU.Singular e) {
                throw SteadyStateChecks.notUnique(l, e);
            }
            xb = new double[block.length];
            lu.solve(rhs, xb);
            how = "multifrontal sparse LU, nested-dissection ordering";
        }
        double[] x = new double[n];
        for (int i = 0; i < block.length; i++) x[block[i]] = xb[i];
        for (double v : x) if (!Double.isFinite(v))
            throw new NumericalException("the steady-state solve gave non-finite values (" + how + " of the bordered Liouvillian)");
        double[] y = new double[n];
        SparseOps.multiply(l, x, y);
        double res = 0;
        for (double v : y) res = Math.max(res, Math.abs(v));
        return new Solution(x, res, how + (block.length == n ? "" : ", the invariant block of the populations (" + block.length + " of " + n + " unknowns)"));
    }

    /** Cut points (in the block's own ordering) grouping consecutive sectors into slabs of at least block/GROUPS unknowns. */
    static int[] slabs(int[] block, int[] sectorOffsets, int n, int groups) {
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        int last = 0;
        for (int s = 1; s <= sectorOffsets.length; s++) {
            int end = s < sectorOffsets.length ? sectorOffsets[s] : n;
            int c = -Arrays.binarySearch(block, end) - 1;
            if (c < 0) c = Arrays.binarySearch(block, end);
            if (s == sectorOffsets.length) { if (c > last) cuts.add(c); }
            else if (c - last >= block.length / groups) { cuts.add(c); last = c; }
        }
        if (cuts.get(cuts.size() - 1) != block.length) cuts.add(block.length);
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }
}
