package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.api.Expr;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.OpSum;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.api.Trajectory;
import cumulus.solvers.dicke.DickeFockSpace;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Several bosonic modes in the exact engine (Dicke ⊗ Fock ⊗ Fock): one ensemble (N = 2) and two lossy
 * cavities a, b (cutoffs 5 and 4) coupled through S^x, against QuTiP 5.3.1 (refs/two_modes.py):
 * steady ⟨m1a⟩, ⟨x_k⟩, ⟨p_k⟩, the top-Fock population of each mode, the rightmost eigenvalues and
 * ⟨O⟩(t) from a product of a spin-coherent state and a coherent state per mode, all to 1e-8.
 */
class TwoModesTest {

    /** H = w_a a†a + w_b b†b + w_z S^z + h S^x + (g_a/sqrt N)(a + a†) S^x + (g_b/sqrt N)(b + b†) S^x, loss on both. */
    static final Model TWO = Model.builder("two-cavity")
            .spinEnsembles(1, 2)
            .real("omega_a", 1, "").real("omega_b", 1.3, "").real("omega_z", 0.8, "").real("h", 0.4, "")
            .real("g_a", 0.7, "").real("g_b", 0.5, "").real("kappa_a", 1, "").real("kappa_b", 0.6, "")
            .mode("a", Expr.parse("omega_a"), "cutoff_a", 5)
            .mode("b", Expr.parse("omega_b"), "cutoff_b", 4)
            .hamiltonian(OpSum.adag(1).times(OpSum.a(1)).scale("omega_a")
                    .plus(OpSum.adag(2).times(OpSum.a(2)).scale("omega_b"))
                    .plus(OpSum.sz(1).scale("omega_z")).plus(OpSum.sx(1).scale("h"))
                    .plus(OpSum.a(1).plus(OpSum.adag(1)).times(OpSum.sx(1)).scale("g_a/sqrt(N)"))
                    .plus(OpSum.a(2).plus(OpSum.adag(2)).times(OpSum.sx(1)).scale("g_b/sqrt(N)")))
            .jump("kappa_a", OpSum.a(1))
            .jump("kappa_b", OpSum.a(2))
            .build();

    static final String[] OBS = {"m1x", "m1y", "m1z", "x1", "p1", "x2", "p2"};

    static Map<String, Double> ref() {
        Map<String, Double> out = new HashMap<>();
        for (Map<String, String> r : Refs.cells("two_modes.csv"))
            out.put(r.get("quantity") + "@" + r.get("t"), Double.parseDouble(r.get("value")));
        return out;
    }

    @Test
    void twoCavitiesHaveQutipsSteadyStateAndTopFockPerMode() {
        Map<String, Double> ref = ref();
        SteadyStateResult s = new ExactEngine().steadyState(TWO, TWO.resolve(Map.of()));
        assertEquals(60, s.dimension());
        for (String o : OBS) assertEquals(ref.get("steady_" + o + "@0"), s.expectations().get(o), 1e-8, o);
        assertTrue(Math.abs(s.expectations().get("x1")) > 0.1 && Math.abs(s.expectations().get("x2")) > 0.1, "the drive h displaces both cavities");
        // the largest over the modes is reported
        assertEquals(Math.max(ref.get("steady_top_a@0"), ref.get("steady_top_b@0")), s.topFockPopulation(), 1e-9);
    }

    @Test
    void twoCavitiesHaveQutipsRightmostEigenvalues() {
        Map<String, Double> ref = ref();
        // one shift at 0 (no oscillation shifts, a quarter of the default's time): the eigenvalues nearest 0,
        // which hold the gap pair λ1,2 and the real λ5; the pair λ3,4 = −0.278 ± 1.386i sits near the
        // oscillation shift i·ω_b that the default adds (checked end to end from ./cumulus spectrum)
        SpectrumResult s = new ExactEngine(ExactEngine.DENSE_LIMIT, false).spectrum(TWO, TWO.resolve(Map.of()), 6);
        for (int k : new int[]{1, 2, 5}) {
            Complex want = new Complex(ref.get("lambda" + k + "_re@0"), ref.get("lambda" + k + "_im@0"));
            double best = Double.MAX_VALUE;
            for (Complex z : s.eigenvalues()) best = Math.min(best, Math.min(z.minus(want).abs(), z.minus(want.conj()).abs()));
            assertEquals(0, best, 1e-8, "lambda_" + k + " = " + want + " not in " + s.eigenvalues());
        }
        assertEquals(-ref.get("lambda1_re@0"), s.spectralGap(), 1e-8);
    }

    @Test
    void twoCavitiesEvolveFromACoherentStatePerModeAsInQutip() {
        Map<String, Double> ref = ref();
        InitialState init = InitialState.parse("coherent:0.6,0.3;boson-coherent:0.4,0.2;boson-coherent:-0.3", TWO);
        assertEquals(init, InitialState.parse("coherent:0.6,0.3;boson-coherent@2:-0.3;boson-coherent@1:0.4,0.2", TWO), "@K names the mode");
        Trajectory tr = new ExactEngine().evolve(TWO, TWO.resolve(Map.of()), List.of(init), 4, 0.5, 1e-11, cumulus.solvers.propagation.ExactPropagation.Kind.AUTO);
        assertTrue(tr.complete(), tr.failure());
        int checked = 0;
        for (int r = 0; r < tr.rows().size(); r++) {
            double t = tr.value(r, "t");
            for (String o : OBS) {
                Double want = ref.get("evolve_" + o + "@" + fmt(t));
                if (want == null) continue;
                assertEquals(want, tr.value(r, o), 1e-8, o + "(" + t + ")");
                checked++;
            }
        }
        assertEquals(4 * OBS.length, checked);
    }

    @Test
    void theTopFockWarningNamesTheModeThatIsTruncated() {
        Map<String, Double> p = new HashMap<>(TWO.resolve(Map.of("cutoff_b", "2", "h", "2")));
        DickeFockSpace space = (DickeFockSpace) Spaces.of(TWO, p);
        double[] x = SteadyState.solve(space, space.generator(space.values())).x();
        double[] perMode = space.topFockPerMode(x);
        assertTrue(perMode[1] > perMode[0] && perMode[1] > ExactEngine.FOCK_TOLERANCE, java.util.Arrays.toString(perMode));
        assertEquals("b", space.topFockMode(x));
        assertEquals(perMode[1], space.topFock(x), 0);
        SteadyStateResult s = new ExactEngine().steadyState(TWO, p);
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("of mode b exceeds")), s.warnings().toString());
    }

    @Test
    void aSecondBosonStateForAOneModeModelAndAnUnknownModeAreRefused() {
        ModelException e = assertThrows(ModelException.class, () -> InitialState.parse("up;boson-coherent@3:1", TWO));
        assertTrue(e.getMessage().contains("has 2 bosonic modes, so mode 3 does not exist"), e.getMessage());
        ModelException twice = assertThrows(ModelException.class, () -> InitialState.parse("up;vacuum;vacuum@2;vacuum", TWO));
        assertTrue(twice.getMessage().contains("mode"), twice.getMessage());
    }

    private static String fmt(double t) { return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t); }
}
