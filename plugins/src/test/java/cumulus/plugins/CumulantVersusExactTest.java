package cumulus.plugins;

import cumulus.cumulant.CumulantDynamics;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Trajectory;
import cumulus.models.Btc;
import cumulus.solvers.ExactEngine;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * btc from up at omega_x = 2, t ≤ 5: the second-order cumulant hierarchy (finite N) tracks the exact
 * dynamics better than mean field, and both errors shrink as N grows (mean field is exact as N → ∞).
 */
class CumulantVersusExactTest {
    private final Model btc = new Btc().model();

    private double maxError(Trajectory approx, Trajectory exact) {
        double e = 0;
        for (int i = 0; i < exact.rows().size(); i++)
            for (String c : new String[]{"m1x", "m1y", "m1z"})
                e = Math.max(e, Math.abs(approx.value(i, c) - exact.value(i, c)));
        return e;
    }

    @Test
    void cumulant2BeatsMeanFieldAndBothConvergeWithN() {
        int[] sizes = {16, 32, 64};
        double[] mf = new double[sizes.length], c2 = new double[sizes.length];
        StringBuilder table = new StringBuilder("N   meanfield  cumulant2  (max |m - m_exact|, t <= 5)\n");
        for (int k = 0; k < sizes.length; k++) {
            Map<String, Double> p = btc.resolve(Map.of("N", Integer.toString(sizes[k]), "omega_x", "2"));
            InitialState up = InitialState.parse("up", btc);
            Trajectory exact = new ExactEngine().evolve(btc, p, up, 5, 0.05);
            mf[k] = maxError(CumulantDynamics.meanField().evolve(btc, p, up, 5, 0.05), exact);
            c2[k] = maxError(CumulantDynamics.cumulant2().evolve(btc, p, up, 5, 0.05), exact);
            table.append(String.format("%-3d %.3e  %.3e%n", sizes[k], mf[k], c2[k]));
        }
        System.out.print(table);
        for (int k = 0; k < sizes.length; k++) assertTrue(c2[k] < mf[k], "cumulant2 closer than mean field at N = " + sizes[k] + "\n" + table);
        for (int k = 1; k < sizes.length; k++) {
            assertTrue(mf[k] < mf[k - 1], "mean-field error shrinks with N\n" + table);
            assertTrue(c2[k] < c2[k - 1], "cumulant2 error shrinks with N\n" + table);
        }
    }
}
