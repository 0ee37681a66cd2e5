package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.models.BtcPair;
import cumulus.models.Dephasing;
import cumulus.solvers.dicke.Liouvillian;
import cumulus.solvers.dicke.NumericModel;
import cumulus.solvers.space.LiouvillianSpace;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the sparse search looks ({@link Shifts}): on a 4-D grid above {@link Shifts#COMPLEX_SHIFT_LIMIT} unknowns only
 * the nearest-eigenvalue search drops its complex shifts; the rightmost search keeps its real-LU search at σ = ω, so
 * an oscillating gap mode is still found there.
 */
class ShiftsTest {

    @Test
    void largeFourDimensionalGridSkipsOnlyTheComplexShifts() {
        Model pair = new BtcPair().model();
        LiouvillianSpace space = Spaces.of(pair, Refs.params(pair, "N", 16));   // 17^4 = 83,521 unknowns
        DMatrixSparseCSC l = space.generator(space.values());
        assertTrue(space.gridDims() > 2 && l.numRows > Shifts.COMPLEX_SHIFT_LIMIT, "a 4-D grid above the limit: " + l.numRows);
        Shifts s = Shifts.of(space, l, true);
        assertFalse(s.frequencies().isEmpty(), "btc-pair precesses at omega_x");
        assertTrue(s.complexFrequencies().isEmpty());
        assertTrue(s.note().contains("complex shifts skipped"));

        Model deph = new Dephasing().model();
        LiouvillianSpace small = Spaces.of(deph, Refs.params(deph, "N", 48));
        Shifts t = Shifts.of(small, small.generator(small.values()), true);
        assertEquals(t.frequencies(), t.complexFrequencies());
        assertEquals("", t.note());
    }

    /**
     * Collective dephasing, N = 48: λ1 = −γ/2N + i sqrt(ω² − (γ/2N)²), an oscillating mode behind slow real ones. With the
     * complex shifts skipped the rightmost route must still find it (its second search is on a real LU at σ = ω), and
     * its method must not carry the nearest route's warning.
     */
    @Test
    void rightmostRouteFindsTheOscillatingGapModeWhenComplexShiftsAreSkipped() {
        Model deph = new Dephasing().model();
        double omega = 1.3, gamma = 1, g = gamma / (2.0 * 48);
        DMatrixSparseCSC l = Liouvillian.assemble(new NumericModel(deph, Refs.params(deph, "N", 48, "omega_x", omega, "gamma", gamma))).matrix();
        Shifts skipped = new Shifts(Shifts.real(l), List.of(omega), true);
        LiouvillianSpectrum.Eigen e = LiouvillianSpectrum.compute(l, 2, 0, skipped, LiouvillianSpectrum.Search.RIGHTMOST);
        Complex want = new Complex(-g, Math.sqrt(omega * omega - g * g)), l1 = e.values().get(1);
        assertEquals(0, l1.minus(want).abs(), 1e-9, "lambda1 " + l1 + " vs closed form " + want + " (" + e.method() + ")");
        assertTrue(e.method().contains("oscillating modes"), e.method());
        assertFalse(e.method().contains("could be missed"), e.method());
    }
}
