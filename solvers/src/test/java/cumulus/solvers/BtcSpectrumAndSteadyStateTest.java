package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.models.Btc;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boundary time crystal against QuTiP (refs/btc_spectrum.csv, refs/btc_ness.csv):
 * λ_1..λ_4 to 1e-8 relative (compared as a set, since the reference lists complex pairs both ways;
 * λ_1 itself must be SPEC's choice), NESS ⟨m^a⟩, K_aa and C_diag to 1e-8 absolute.
 * N ≤ 16 use the dense route (parity blocks); N = 32 the shift-invert route.
 */
class BtcSpectrumAndSteadyStateTest {
    private final Model btc = new Btc().model();

    @Test
    void slowestFourEigenvaluesMatchQutip() {
        for (Map<String, Double> ref : Refs.read("btc_spectrum.csv")) {
            int n = ref.get("N").intValue();
            Map<String, Double> p = Refs.params(btc, "N", n, "omega_x", ref.get("omega_x"), "kappa", ref.get("kappa"));
            ExactEngine engine = n <= 16 ? new ExactEngine() : new ExactEngine(0);
            SpectrumResult r = engine.spectrum(btc, p, 8);
            String where = "N=" + n + " omega_x=" + ref.get("omega_x") + " (" + r.method() + ")";
            List<Complex> ev = r.eigenvalues();
            assertTrue(ev.get(0).abs() < 1e-9, where + ": lambda_0 = " + ev.get(0));
            for (int k = 1; k <= 4; k++) {
                Complex want = new Complex(ref.get("re" + k), ref.get("im" + k));
                double best = Double.MAX_VALUE;
                for (Complex z : ev.subList(1, ev.size())) best = Math.min(best, z.minus(want).abs());
                assertTrue(best <= 1e-8 * want.abs(), where + ": lambda_" + k + " = " + want + " not found, nearest off by " + best + " in " + ev);
            }
            Complex l1 = r.lambda1();
            assertEquals(ref.get("re1"), l1.re(), 1e-8 * Math.abs(ref.get("re1")), where);
            assertTrue(l1.im() >= 0 || Math.abs(l1.im()) < 1e-10, where);
            assertEquals(-l1.re(), r.spectralGap(), 0, where);
            assertEquals(n + 1, r.dimension());
            // SPEC ordering: descending real part after lambda_0
            for (int i = 2; i < ev.size(); i++) assertTrue(ev.get(i).re() <= ev.get(i - 1).re() + 1e-12, where + " order " + ev);
        }
    }

    @Test
    void complexPairAfterTheGapHasPositiveImaginaryPartFirst() {
        SpectrumResult r = new ExactEngine().spectrum(btc, Refs.params(btc, "N", 8, "omega_x", 2), 4);
        Complex a = r.eigenvalues().get(2), b = r.eigenvalues().get(3);
        assertEquals(a.re(), b.re(), 1e-10);
        assertTrue(a.im() > 0 && b.im() < 0, "pair " + a + ", " + b);
        assertEquals(1.7004053357676312, a.im(), 1e-8);
    }

    @Test
    void steadyStateMagnetisationAndFluctuationsMatchQutip() {
        ExactEngine engine = new ExactEngine();
        for (Map<String, Double> ref : Refs.read("btc_ness.csv")) {
            int n = ref.get("N").intValue();
            SteadyStateResult r = engine.steadyState(btc, Refs.params(btc, "N", n, "omega_x", ref.get("omega_x"), "kappa", ref.get("kappa")));
            String where = "N=" + n + " omega_x=" + ref.get("omega_x");
            for (String a : new String[]{"x", "y", "z"}) {
                assertEquals(ref.get("m1" + a), r.expectations().get("m1" + a), 1e-8, where + " m1" + a);
                assertEquals(ref.get("K_" + a + a), r.cumulants().get("K(m1" + a + ",m1" + a + ")"), 1e-8, where + " K_" + a + a);
            }
            assertEquals(ref.get("C_diag"), r.cDiag(), 1e-8, where + " C_diag");
            assertTrue(Double.isNaN(r.topFockPopulation()));
            assertTrue(r.warnings().isEmpty(), where + " " + r.warnings());
        }
    }
}
