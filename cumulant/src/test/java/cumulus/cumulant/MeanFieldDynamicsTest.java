package cumulus.cumulant;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Trajectory;
import cumulus.models.Btc;
import cumulus.models.BtcPair;
import cumulus.models.DickeFloquet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The compiled mean-field route against QuTiP's integration of SPEC.md's N → ∞ equations. */
class MeanFieldDynamicsTest {
    private final Model btc = new Btc().model();

    @Test
    void btcMeanFieldFromUpMatchesTheReferenceTrajectoryAndKeepsTheUnitSphere() {
        List<Map<String, Double>> ref = cumulus.solvers.Refs.read("btc_meanfield.csv");
        double tEnd = ref.get(ref.size() - 1).get("t");
        Trajectory tr = CumulantDynamics.meanField().evolve(btc, btc.resolve(Map.of("omega_x", "2")), InitialState.parse("up", btc), tEnd, 0.1);
        assertEquals(ref.size(), tr.rows().size());
        for (int i = 0; i < ref.size(); i++) {
            assertEquals(ref.get(i).get("t"), tr.value(i, "t"), 1e-9);
            for (String c : new String[]{"m1x", "m1y", "m1z"})
                assertEquals(ref.get(i).get(c), tr.value(i, c), 1e-8, c + " at t = " + ref.get(i).get("t"));
            double norm = Math.sqrt(Math.pow(tr.value(i, "m1x"), 2) + Math.pow(tr.value(i, "m1y"), 2) + Math.pow(tr.value(i, "m1z"), 2));
            assertEquals(1.0, norm, 1e-10, "|m| = 1");
        }
        assertTrue(tr.warnings().isEmpty(), tr.warnings().toString());
    }

    @Test
    void btcPairOrderThreeSystemCompilesAndRuns() {
        Model pair = new BtcPair().model();
        Trajectory tr = CumulantDynamics.cumulant3().evolve(pair, pair.resolve(Map.of("N", "20")),
                InitialState.parse("coherent:0.10017,0;coherent:0.10017,1.5708", pair), 2, 0.5);
        assertEquals(5, tr.rows().size());
        assertTrue(tr.columns().size() > 1 + 6 + 2 + 21, "order 3 carries third cumulants: " + tr.columns().size() + " columns");
        for (double[] row : tr.rows()) for (double v : row) assertTrue(Double.isFinite(v));
        // second cumulants start at the coherent-state value (1 - n_a^2)/N
        double nz = Math.cos(0.10017);
        assertEquals((1 - nz * nz) / 20, tr.value(0, "K(m1z,m1z)"), 1e-15);
    }

    @Test
    void dickeFloquetMeanFieldStroboscopicXAlternatesSign() {
        Model m = new DickeFloquet().model();
        Map<String, Double> p = m.resolve(Map.of());
        double period = p.get("period");
        Trajectory tr = CumulantDynamics.meanField().evolve(m, p, InitialState.parse("down;boson-coherent:0.1", m), 40 * period, period);
        assertEquals(41, tr.rows().size());
        for (int n = 20; n < 40; n++) {
            double a = tr.value(n, "x"), b = tr.value(n + 1, "x");
            assertTrue(a * b < 0, "x(nT) alternates sign (period doubling) at n = " + n + ": " + a + ", " + b);
            assertTrue(Math.abs(a) > 0.5, "ordered phase: |x(nT)| stays large, got " + a);
        }
    }
}
