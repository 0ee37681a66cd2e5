package cumulus.solvers.space;

import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.List;

/**
 * Invariant coordinate blocks shared by several sparse generators: the connected components of
 * the union of their sparsity graphs. A conserved superoperator parity (kerr-floquet's boson
 * parity makes ρ_mn with m+n even and m+n odd evolve separately; btc's ρ → Uρ*U† with
 * U = (−1)^(S−m)) shows up as separate components, found without being declared; each block is
 * then solved on its own (dense spectra, steady state, Floquet maps), halving the work.
 */
public final class SymmetryBlocks {
    private SymmetryBlocks() { }

    /**
     * Index sets of the components, each sorted ascending; largest first. Entries below 1e-14 of
     * the largest magnitude (round-off of cancelled terms) do not join components.
     */
    public static List<int[]> of(List<DMatrixSparseCSC> generators) {
        int n = generators.get(0).numRows;
        double max = 0;
        for (DMatrixSparseCSC a : generators)
            for (int k = 0; k < a.nz_length; k++) max = Math.max(max, Math.abs(a.nz_values[k]));
        double tol = 1e-14 * max;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (DMatrixSparseCSC a : generators)
            for (int c = 0; c < n; c++)
                for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++)
                    if (Math.abs(a.nz_values[k]) > tol) union(parent, a.nz_rows[k], c);
        int[] count = new int[n];
        for (int i = 0; i < n; i++) count[find(parent, i)]++;
        int[][] members = new int[n][];
        int[] fill = new int[n];
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (members[r] == null) { members[r] = new int[count[r]]; out.add(members[r]); }
            members[r][fill[r]++] = i;
        }
        out.sort((x, y) -> Integer.compare(y.length, x.length));
        return out;
    }

    /** The principal submatrix A[idx, idx]. */
    public static DMatrixSparseCSC restrict(DMatrixSparseCSC a, int[] idx) {
        int[] local = new int[a.numRows];
        java.util.Arrays.fill(local, -1);
        for (int i = 0; i < idx.length; i++) local[idx[i]] = i;
        int nnz = 0;
        for (int c : idx) nnz += a.col_idx[c + 1] - a.col_idx[c];
        DMatrixSparseCSC out = new DMatrixSparseCSC(idx.length, idx.length, nnz);
        int p = 0;
        for (int j = 0; j < idx.length; j++) {
            int c = idx[j];
            out.col_idx[j] = p;
            for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) {
                int r = local[a.nz_rows[k]];
                if (r < 0) continue;
                out.nz_rows[p] = r;
                out.nz_values[p++] = a.nz_values[k];
            }
        }
        out.col_idx[idx.length] = p;
        out.nz_length = p;
        out.indicesSorted = false;
        out.sortIndices(null);
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) { parent[i] = parent[parent[i]]; i = parent[i]; }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
