package cumulus.solvers.correlation;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.api.PowerSpectrumResult;
import cumulus.models.Btc;
import cumulus.solvers.ExactEngine;
import cumulus.solvers.Refs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Peak positions, heights and half widths of {@link Peaks}, and the half width = −Re λ of an isolated mode. */
class PeaksTest {

    /** Two well-separated Lorentzians on a coarse grid: ω₀, h, γ recovered (the sharp one to 1e-5). */
    @Test
    void lorentzianPeaksAreRecoveredOffTheGrid() {
        DoubleUnaryOperator f = w -> 2.0 * 0.05 * 0.05 / ((w - 0.3137) * (w - 0.3137) + 0.05 * 0.05)
                + 0.5 * 0.2 * 0.2 / ((w + 2.71) * (w + 2.71) + 0.2 * 0.2);
        double[] w = new double[81], v = new double[81];
        for (int i = 0; i < w.length; i++) { w[i] = -4 + 0.1 * i; v[i] = f.applyAsDouble(w[i]); }
        List<PowerSpectrumResult.Peak> p = Peaks.find(w, v, f, List.of(Complex.ZERO, new Complex(-0.05, 0.31), new Complex(-0.2, -2.7)));
        assertEquals(2, p.size());
        assertEquals(-2.71, p.get(0).omega(), 1e-3);       // the tail of the sharp peak shifts the broad one slightly
        assertEquals(0.3137, p.get(1).omega(), 1e-5);      // shifted by the broad peak's slope (1e-6)
        assertEquals(2.0 + 0.5 * 0.04 / (3.0237 * 3.0237 + 0.04), p.get(1).height(), 1e-6); // plus the broad peak's tail
        assertEquals(0.05, p.get(1).halfWidth(), 1e-3);
        assertEquals(new Complex(-0.05, 0.31), p.get(1).eigenvalue());
        assertEquals(new Complex(-0.2, -2.7), p.get(0).eigenvalue());
    }

    /**
     * btc N = 16, omega_x = 2 (time-crystal phase): S_{m1x,m1x} has an isolated peak at ω = 0 from the real
     * eigenvalue λ1; its half width equals −Re λ1 to 2e-3 relative (measured 9.6e-4 at N = 16, 3e-4 at N = 32,
     * 1.4e-4 at N = 64: the other modes' tails, which fall as the peak narrows).
     */
    @Test
    void btcZeroFrequencyPeakHalfWidthIsMinusReLambda1() {
        Model btc = new Btc().model();
        Map<String, Double> p = Refs.params(btc, "N", 16, "omega_x", 2.0, "kappa", 1.0);
        PowerSpectrumResult r = ExactCorrelations.spectrum(btc, p, "m1x", "m1x", new double[]{-0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2}, 6);
        assertEquals(1, r.peaks().size());
        PowerSpectrumResult.Peak pk = r.peaks().get(0);
        Complex l1 = new ExactEngine().spectrum(btc, p, 2).lambda1();
        assertNotNull(pk.eigenvalue());
        assertEquals(l1.re(), pk.eigenvalue().re(), 1e-10);
        assertEquals(0, pk.omega(), 1e-6);
        assertEquals(-l1.re(), pk.halfWidth(), 2e-3 * -l1.re());
    }
}
