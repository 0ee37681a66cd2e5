package cumulus.solvers.floquet;

import cumulus.api.Complex;
import cumulus.api.FloquetResult;
import cumulus.api.Model;
import cumulus.models.KerrFloquet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** kerr-floquet (paper Eqs. 15–16) against QuTiP's dense expm + eig (shared/refs/kerr_floquet.csv). */
class KerrFloquetTest {
    private static final Model KERR = new KerrFloquet().model();

    static Map<String, Double> refRow(int n) {
        List<Map<String, Double>> rows = cumulus.solvers.Refs.where("kerr_floquet.csv", "N", n, "cutoff", 65);
        if (rows.size() != 1) throw new IllegalArgumentException("no reference row for N = " + n);
        return rows.get(0);
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {10, 20})
    void floquetGapAndSteadyCumulantsMatchQutip(int n) {
        Map<String, Double> ref = refRow(n);
        FloquetResult r = new FloquetEngine().floquet(KERR, KERR.resolve(Map.of("N", Integer.toString(n))), 4);
        assertEquals(1.0, r.multipliers().get(0).re(), 1e-10, "mu_0 = 1 (trace preserved)");
        assertEquals(ref.get("floquet_gap"), r.floquetGap(), 1e-6 * ref.get("floquet_gap"), "floquet gap, relative 1e-6");
        Complex mu1 = r.multipliers().get(1);
        assertEquals(ref.get("mu1_re"), mu1.re(), 1e-9);
        assertTrue(mu1.re() < -0.97, "slowest multiplier near -1: period doubling");
        assertEquals(ref.get("K_xx"), r.cumulants().get("K(x,x)"), 1e-7);
        assertEquals(ref.get("K_pp"), r.cumulants().get("K(p,p)"), 1e-7);
        assertEquals(ref.get("K_xp_plus_K_px"), 2 * r.cumulants().get("K(x,p)"), 1e-7);
        double nw = n, x2 = r.cumulants().get("K(x,x)") + Math.pow(r.expectations().get("x"), 2);
        double p2 = r.cumulants().get("K(p,p)") + Math.pow(r.expectations().get("p"), 2);
        assertEquals(ref.get("n_mean"), (nw * x2 + nw * p2 - 1) / 2, 1e-6, "<a^dag a> = (N w <x^2> + N <p^2>/w - 1)/2");
    }

    @Test
    void matrixFreeAndDenseRoutesAgree() {
        Map<String, Double> p = KERR.resolve(Map.of("N", "20", "cutoff", "30"));
        FloquetResult dense = new FloquetEngine(FloquetEngine.Route.DENSE).floquet(KERR, p, 6);
        FloquetResult free = new FloquetEngine(FloquetEngine.Route.MATRIX_FREE).floquet(KERR, p, 6);
        for (int i = 0; i < 6; i++) {
            assertEquals(dense.multipliers().get(i).re(), free.multipliers().get(i).re(), 1e-9, "Re mu_" + i);
            assertEquals(Math.abs(dense.multipliers().get(i).im()), Math.abs(free.multipliers().get(i).im()), 1e-9, "|Im mu_" + i + "|");
        }
        assertEquals(dense.cumulants().get("K(x,x)"), free.cumulants().get("K(x,x)"), 1e-9);
    }

    @Test
    void truncationWarningFiresWhenTheCutoffIsTooLow() {
        // N = 10 holds <a^dag a> = 2.2 photons: cutoff 40 is ample, lowering it must trip the guard
        int cutoff = 40;
        FloquetResult r = new FloquetEngine().floquet(KERR, KERR.resolve(Map.of("N", "10", "cutoff", "40")), 2);
        assertTrue(r.topFockPopulation() < 1e-6 && r.warnings().stream().noneMatch(w -> w.contains("Fock")), r.warnings().toString());
        while (r.warnings().stream().noneMatch(w -> w.contains("Fock"))) {
            cutoff -= 6;
            assertTrue(cutoff >= 4, "the truncation warning never fired");
            r = new FloquetEngine().floquet(KERR, KERR.resolve(Map.of("N", "10", "cutoff", Integer.toString(cutoff))), 2);
        }
        assertTrue(r.topFockPopulation() > 1e-6, "cutoff " + cutoff + ": top Fock population " + r.topFockPopulation());
    }

    @Test
    void truncationGuardWatchesTheWholePeriodNotOnlyStroboscopicTimes() {
        // N = 80, cutoff 65: at t = nT the top Fock population is ~1e-15, yet mid-period it passes
        // 1e-6 and the Floquet gap is 25x too large (1.56e-5 against 6.25e-7 at cutoff 100)
        FloquetResult r = new FloquetEngine().floquet(KERR, KERR.resolve(Map.of("N", "80", "cutoff", "65")), 2);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("during the period")), r.warnings().toString());
        assertTrue(r.topFockPopulation() > 1e-6, "reported population is the maximum over the period: " + r.topFockPopulation());
    }
}
