package cumulus.solvers;

import cumulus.solvers.space.Resources;
import cumulus.solvers.dicke.NumericModel;
import cumulus.solvers.dicke.Liouvillian;

import cumulus.models.Btc;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory estimates decide what a run may try: the btc gap at N = 2048 (4.2M real unknowns) fits the 18 GiB heap
 * that the launcher gives on this 24 GiB machine by the one-real-LU route, and did not with a complex-shift block.
 */
class ResourcesTest {
    @Test
    void btcGapAtN2048FitsTheLauncherHeapWithOneRealFactorization() {
        var btc = new Btc().model();
        DMatrixSparseCSC l = Liouvillian.assemble(new NumericModel(btc, Refs.params(btc, "N", 64))).matrix();
        double perColumn = (double) l.nz_length / l.numCols;
        long n = 2049L * 2049L, nnz = (long) (perColumn * n);
        double heap = 0.75 * 24 * (1L << 30);
        Resources.Estimate real = Resources.spectrum("btc gap", n, nnz, 2, 68, 1);
        Resources.Estimate complex = Resources.direct("btc gap", n, nnz, 2, true, 68);
        assertTrue(real.bytes() < 0.9 * heap, real.text());
        assertTrue(complex.bytes() > 0.9 * heap, complex.text());
    }
}
