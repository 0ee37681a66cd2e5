package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.models.LocalBtc;
import cumulus.solvers.piqs.PermutationInvariantSpace;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The permutation-invariant spectrum without the LU of the whole Liouvillian (SectorSpectrum) against the LU route and PIQS. */
class SectorSpectrumTest {
    static final Model LOCAL_BTC = new LocalBtc().model();

    static PermutationInvariantSpace space(int n, Object... kv) {
        java.util.Map<String, String> p = new java.util.HashMap<>(Map.of("N", Integer.toString(n)));
        for (int i = 0; i < kv.length; i += 2) p.put((String) kv[i], kv[i + 1].toString());
        return new PermutationInvariantSpace(LOCAL_BTC, LOCAL_BTC.resolve(p));
    }

    /** λ0 and λ1 by preconditioned Davidson equal those of shift-invert Krylov–Schur on the sparse LU, to 1e-10. */
    @Test
    void localBtcGapWithoutTheWholeLuEqualsTheLuGap() {
        for (Object[] c : new Object[][]{{30, 1.0}, {24, 3.0}}) {
            PermutationInvariantSpace s = space((Integer) c[0], "omega_x", c[1]);
            DMatrixSparseCSC l = s.generator(s.values());
            List<Complex> it = SectorSpectrum.compute(l, s.sectorOffsets(), 2, 0, List.of()).values();
            List<Complex> lu = LiouvillianSpectrum.compute(l, 2, 0, new Shifts(Shifts.real(l), List.of(), false), LiouvillianSpectrum.Search.RIGHTMOST).values();
            String at = " at N = " + c[0] + ", omega_x = " + c[1];
            assertEquals(0, it.get(0).abs(), 1e-10, "lambda0" + at);
            assertEquals(lu.get(1).re(), it.get(1).re(), 1e-10, "Re lambda1" + at);
            assertEquals(lu.get(1).im(), it.get(1).im(), 1e-10, "Im lambda1" + at);
        }
    }

    /** With --count 6, λ0..λ5 of the sector route are the six rightmost of the dense spectrum (N = 12, 455 unknowns), to 1e-8. */
    @Test
    void sixRightmostEqualTheDenseSpectrum() {
        PermutationInvariantSpace s = space(12, "omega_x", 2.0);
        DMatrixSparseCSC l = s.generator(s.values());
        List<Complex> it = SectorSpectrum.compute(l, s.sectorOffsets(), 6, 0, List.of()).values();
        List<Complex> dense = LiouvillianSpectrum.compute(l, 6, 10000, new Shifts(Shifts.real(l), List.of(), false)).values();
        assertTrue(it.size() >= 6, "only " + it.size() + " eigenvalues");
        for (int i = 0; i < 6; i++) assertEquals(0, dense.get(i).minus(it.get(i)).abs(), 1e-8, "lambda" + i + ": " + it.get(i) + " vs dense " + dense.get(i));
    }

    /** λ1 of local-btc by the sector route equals the float64 PIQS reference (refs/local_btc.csv) to 1e-8. */
    @Test
    void localBtcGapMatchesThePiqsReference() {
        int rows = 0;
        for (Map<String, Double> row : Refs.read("local_btc.csv")) {
            PermutationInvariantSpace s = space(row.get("N").intValue(), "omega_x", row.get("omega_x"), "kappa", row.get("kappa"), "gamma_local", row.get("gamma_local"));
            DMatrixSparseCSC l = s.generator(s.values());
            List<Complex> v = SectorSpectrum.compute(l, s.sectorOffsets(), 2, 0, List.of()).values();
            assertEquals(row.get("re1"), v.get(1).re(), 1e-8, "Re lambda1 at N = " + row.get("N"));
            assertEquals(row.get("im1"), v.get(1).im(), 1e-8, "Im lambda1 at N = " + row.get("N"));
            rows++;
        }
        assertTrue(rows >= 2);
    }
}
