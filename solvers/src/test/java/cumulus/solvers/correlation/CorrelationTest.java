package cumulus.solvers.correlation;

import cumulus.api.Model;
import cumulus.models.Btc;
import cumulus.solvers.Refs;
import cumulus.solvers.Spaces;
import cumulus.solvers.piqs.PermutationInvariantSpace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two-time correlations by quantum regression against QuTiP 5.3.1 {@code correlation_2op_1t} (refs/btc_correlation.csv). */
class CorrelationTest {
    private final Model btc = new Btc().model();

    /** ⟨m1x(τ) m1x⟩ and ⟨m1+(τ) m1-⟩, btc N = 8: 1e-8 absolute (both sides integrate with rtol 1e-10). */
    @Test
    void btcCorrelationsMatchQutipCorrelation2op1t() {
        List<Map<String, Double>> rows = Refs.read("btc_correlation.csv");
        for (double wx : new double[]{0.5, 2.0}) {
            Map<String, Double> p = Refs.params(btc, "N", 8, "omega_x", wx, "kappa", 1.0);
            Regression r = Regression.of(Spaces.of(btc, p));
            Regression.Series xx = r.correlate(PowerSpectrumTest.op(btc, "m1x"), PowerSpectrumTest.op(btc, "m1x"), 10, 0.5, false);
            Regression.Series pm = r.correlate(PowerSpectrumTest.op(btc, "m1+"), PowerSpectrumTest.op(btc, "m1-"), 10, 0.5, false);
            assertNull(xx.failure());
            int k = 0;
            for (Map<String, Double> ref : rows) {
                if (ref.get("omega_x") != wx) continue;
                String where = "omega_x=" + wx + " tau=" + ref.get("tau");
                assertEquals(ref.get("tau"), xx.tau()[k], 1e-12, where);
                assertEquals(ref.get("C_m1x_re"), xx.re()[k], 1e-8, where);
                assertEquals(ref.get("C_m1x_im"), xx.im()[k], 1e-8, where);
                assertEquals(ref.get("C_m1p_m1m_re"), pm.re()[k], 1e-8, where);
                assertEquals(ref.get("C_m1p_m1m_im"), pm.im()[k], 1e-8, where);
                k++;
            }
            assertEquals(21, k);
        }
    }

    /**
     * The connected correlation at τ = 0 is ⟨AB⟩ − ⟨A⟩⟨B⟩ (1e-12) and it decays to 0, on the Dicke space (btc) and
     * on the permutation-invariant space (local-btc), where ⟨AB⟩ is checked against the space's own second moments.
     */
    @Test
    void connectedCorrelationStartsAtTheCumulantAndDecays() {
        Model local = new cumulus.models.LocalBtc().model();
        for (Model m : List.of(btc, local)) {
            Map<String, Double> p = m == btc ? Refs.params(btc, "N", 6, "omega_x", 0.7, "kappa", 1.0)
                    : Refs.params(local, "N", 6, "omega_x", 1.3, "kappa", 1.0, "gamma_local", 0.4);
            var space = Spaces.of(m, p);
            Regression d = Regression.of(space);
            var a = PowerSpectrumTest.op(m, "m1z");
            var b = PowerSpectrumTest.op(m, "m1+");
            Regression.Series sd = d.correlate(a, b, 60, 0.5, true);
            cumulus.api.Complex k = d.mean(a.times(b)).minus(d.mean(a).times(d.mean(b)));
            assertEquals(k.re(), sd.re()[0], 1e-12, m.name());
            assertEquals(k.im(), sd.im()[0], 1e-12, m.name());
            int last = sd.tau().length - 1;
            assertEquals(0, Math.hypot(sd.re()[last], sd.im()[last]), 1e-6, m.name());
            // <m1z m1x> from the regression's operator algebra against the space's Moments (Re of it: K_s + <><>)
            var x = PowerSpectrumTest.op(m, "m1x");
            var z = PowerSpectrumTest.op(m, "m1z");
            double sym = (d.mean(z.times(x)).re() + d.mean(x.times(z)).re()) / 2;
            var v = space.moments().evaluate(steady(d));
            int iz = space.moments().names().indexOf("m1z"), ix = space.moments().names().indexOf("m1x");
            assertEquals(v.ks()[ix][iz] + v.mean()[ix] * v.mean()[iz], sym, 1e-12, m.name());
        }
    }

    private static double[] steady(Regression r) { return r.steadyState(); }
}
