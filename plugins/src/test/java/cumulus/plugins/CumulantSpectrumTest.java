package cumulus.plugins;

import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.PowerSpectrumResult;
import cumulus.models.Btc;
import cumulus.models.Dicke;
import cumulus.solvers.Refs;
import cumulus.solvers.correlation.ExactCorrelations;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cumulant2 power spectrum (linearised second-order cumulant equations) against the exact one. */
class CumulantSpectrumTest {
    private final Model btc = new Btc().model();

    private static double maxRelativeError(PowerSpectrumResult c, PowerSpectrumResult e) {
        double err = 0;
        for (int i = 0; i < e.re().length; i++) err = Math.max(err, Math.hypot(c.re()[i] - e.re()[i], c.im()[i] - e.im()[i]) / Math.hypot(e.re()[i], e.im()[i]));
        return err;
    }

    /**
     * btc in the finite-gap phase (omega_x = 0.5): the relative error of S_{m1x,m1x} at ω = 0, 0.5, 1 falls like 1/N
     * (measured 3.0%, 1.5%, 0.78%, 0.39% for N = 16, 32, 64, 128): each doubling at least 1.6× smaller, below 0.5% at
     * N = 128; the cross spectrum S_{m1y,m1z} converges too, more slowly (17% at N = 32, 4.9% at N = 128).
     */
    @Test
    void cumulant2SpectrumApproachesTheExactOneAsNGrowsInTheFiniteGapPhase() {
        double[] w = {0, 0.5, 1};
        double last = Double.NaN;
        for (int n : new int[]{16, 32, 64, 128}) {
            Map<String, Double> p = Refs.params(btc, "N", n, "omega_x", 0.5, "kappa", 1.0);
            double err = maxRelativeError(CumulantSpectrum.spectrum(btc, p, "m1x", "m1x", w), ExactCorrelations.spectrum(btc, p, "m1x", "m1x", w));
            if (!Double.isNaN(last)) assertTrue(err < last / 1.6, "N=" + n + ": error " + err + " after " + last);
            last = err;
        }
        assertTrue(last < 5e-3, "N=128 error " + last);
        double[] one = {0.5};
        double e32 = maxRelativeError(CumulantSpectrum.spectrum(btc, Refs.params(btc, "N", 32, "omega_x", 0.5, "kappa", 1.0), "m1y", "m1z", one),
                ExactCorrelations.spectrum(btc, Refs.params(btc, "N", 32, "omega_x", 0.5, "kappa", 1.0), "m1y", "m1z", one));
        double e128 = maxRelativeError(CumulantSpectrum.spectrum(btc, Refs.params(btc, "N", 128, "omega_x", 0.5, "kappa", 1.0), "m1y", "m1z", one),
                ExactCorrelations.spectrum(btc, Refs.params(btc, "N", 128, "omega_x", 0.5, "kappa", 1.0), "m1y", "m1z", one));
        assertTrue(e128 < e32 / 2.5 && e128 < 0.06, e32 + " -> " + e128);
    }

    /** N = 10^6 without a Liouvillian: S(0) N tends to the exact large-N value 2 (N S(0) = 2.0000 at N = 16..256 exactly, to 1e-4). */
    @Test
    void cumulant2ReachesAMillionSpins() {
        PowerSpectrumResult s = CumulantSpectrum.spectrum(btc, Refs.params(btc, "N", 1_000_000, "omega_x", 0.5, "kappa", 1.0), "m1x", "m1x", new double[]{0});
        assertEquals(2.0, s.re()[0] * 1e6, 1e-5);
    }

    /** Where the regression matrix has a mode that does not decay (open Dicke: conserved spin length), it refuses in one line. */
    @Test
    void marginalModeIsRefusedClearly() {
        Model dicke = new Dicke().model();
        ModelException e = assertThrows(ModelException.class,
                () -> CumulantSpectrum.spectrum(dicke, Refs.params(dicke, "N", 8), "x", "x", new double[]{0, 1}));
        assertTrue(e.getMessage().contains("--method exact"), e.getMessage());
        assertThrows(ModelException.class, () -> CumulantSpectrum.spectrum(btc, Refs.params(btc, "N", 8), "m1+*m1-", "m1x", new double[]{0}));
    }
}
