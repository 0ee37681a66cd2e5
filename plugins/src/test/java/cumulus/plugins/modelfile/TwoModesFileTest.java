package cumulus.plugins.modelfile;

import cumulus.api.Equations;
import cumulus.api.InitialState;
import cumulus.api.MeanFieldVerdict;
import cumulus.api.Model;
import cumulus.api.SteadyStateResult;
import cumulus.api.Trajectory;
import cumulus.plugins.Cumulus;
import cumulus.solvers.Refs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * examples/models/two-cavity-dicke.yaml (two bosonic modes, {@code bosons: [{name: a, ...}, {name: b, ...}]}):
 * the exact steady state against QuTiP 5.3.1 (refs/two_modes.py), the mean-field equations against the
 * classical ones written by hand, verify-mf, and mean field against the exact engine at the start of a run.
 */
class TwoModesFileTest {
    static Cumulus cumulus;
    static Model model;

    @BeforeAll
    static void create() {
        cumulus = Cumulus.create(TwoModesFileTest.class.getClassLoader());
        model = cumulus.model(ModelFileExamplesTest.file("two-cavity-dicke").toString());
    }

    @Test
    void theFileDeclaresTwoModesWithTheirOwnCutoffsAndQuadratures() {
        assertEquals(List.of("a", "b"), model.bosons().stream().map(Model.Boson::name).toList());
        assertEquals(List.of("cutoff_a", "cutoff_b"), model.bosons().stream().map(Model.Boson::cutoffParameter).toList());
        assertEquals(List.of("m1x", "m1y", "m1z", "x1", "p1", "x2", "p2"), model.observables().stream().map(Model.Observable::name).toList());
    }

    @Test
    void twoCavityFileHasQutipsSteadyState() {
        Map<String, Double> ref = new HashMap<>();
        for (Map<String, String> r : Refs.cells("two_modes.csv")) ref.put(r.get("quantity") + "@" + r.get("t"), Double.parseDouble(r.get("value")));
        SteadyStateResult s = cumulus.steadyStateSolver().steadyState(model, model.resolve(Map.of()));
        for (String o : new String[]{"m1x", "m1y", "m1z", "x1", "p1", "x2", "p2"})
            assertEquals(ref.get("steady_" + o + "@0"), s.expectations().get(o), 1e-8, o);
    }

    /**
     * With x_k = (a_k + a_k†)/sqrt(2Nω_k), p_k = i sqrt(ω_k/2N)(a_k† − a_k) the classical limit is
     * dx_k/dt = p_k − κ_k x_k/2, dp_k/dt = −ω_k² x_k − κ_k p_k/2 − g_k sqrt(ω_k/2) m^x and
     * dm/dt = Ω × m with Ω = (h + Σ_k g_k sqrt(2ω_k) x_k, 0, ω_z); to 1e-12 at a random point.
     */
    @Test
    void meanFieldOfTwoCavitiesIsTheClassicalEquationsAndExact() {
        Equations eq = cumulus.derive(model, 1, true);
        assertEquals(List.of("m1x", "m1y", "m1z", "x1", "p1", "x2", "p2"), eq.unknowns());
        Map<String, Double> at = new HashMap<>(model.resolve(Map.of()));
        double[] y = {0.3, -0.5, 0.6, 0.21, -0.13, 0.4, 0.07};
        for (int k = 0; k < y.length; k++) at.put(eq.unknowns().get(k), y[k]);
        double wa = at.get("omega_a"), wb = at.get("omega_b"), wz = at.get("omega_z"), h = at.get("h");
        double ga = at.get("g_a"), gb = at.get("g_b"), ka = at.get("kappa_a"), kb = at.get("kappa_b");
        double ox = h + ga * Math.sqrt(2 * wa) * y[3] + gb * Math.sqrt(2 * wb) * y[5];
        double[] want = {
                -wz * y[1],
                wz * y[0] - ox * y[2],
                ox * y[1],
                y[4] - ka * y[3] / 2,
                -wa * wa * y[3] - ka * y[4] / 2 - ga * Math.sqrt(wa / 2) * y[0],
                y[6] - kb * y[5] / 2,
                -wb * wb * y[5] - kb * y[6] / 2 - gb * Math.sqrt(wb / 2) * y[0]};
        for (int k = 0; k < want.length; k++)
            assertEquals(want[k], eq.rhs().get(k).evaluate(at).re(), 1e-12, "d/dt " + eq.unknowns().get(k));
        MeanFieldVerdict v = cumulus.verifyMeanField(model);
        assertTrue(v.meanfieldExact(), v.reasons().toString());
    }

    /**
     * From a product state with a coherent amplitude per mode, mean field, cumulant2 and the exact engine
     * start with the same derivative: at t = 0.05 they agree to O(t²) (N = 2, the exact state is a product at t = 0).
     */
    @Test
    void meanFieldCumulantsAndExactStartAlikeFromACoherentStatePerMode() {
        Map<String, Double> p = model.resolve(Map.of("cutoff_a", "9", "cutoff_b", "8"));   // |alpha> truncated below 1e-10
        InitialState init = InitialState.parse("coherent:0.6,0.3;boson-coherent:0.4,0.2;boson-coherent@2:-0.3", model);
        Trajectory ex = cumulus.dynamics("exact").evolve(model, p, init, 0.05, 0.05);
        Trajectory mf = cumulus.dynamics("meanfield").evolve(model, p, init, 0.05, 0.05);
        Trajectory c2 = cumulus.dynamics("cumulant2").evolve(model, p, init, 0.05, 0.05);
        for (String o : new String[]{"m1x", "m1y", "m1z", "x1", "p1", "x2", "p2"}) {
            double e0 = ex.value(0, o), e1 = ex.value(1, o);
            assertEquals(e0, mf.value(0, o), 1e-9, o + "(0) mean field");
            assertEquals(e0, c2.value(0, o), 1e-9, o + "(0) cumulant2");
            assertEquals(e1, c2.value(1, o), 2e-3, o + "(0.05) cumulant2");
            assertEquals(e1, mf.value(1, o), 2e-3, o + "(0.05) mean field");
            assertNotEquals(e0, e1, 1e-4, o + " moves");
        }
    }
}
