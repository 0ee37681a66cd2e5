package cumulus.solvers;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Trajectory;
import cumulus.models.KerrFloquet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Piecewise-constant periodic drive (Eqs. 15-16, kerr-floquet, N = 60, cutoff 65) from the boson
 * coherent state α = sqrt(15) (x = 1/√2): stroboscopic ⟨x⟩(nT), ⟨p⟩(nT) and K(x,x)(nT) for
 * n = 0..3 match QuTiP (refs/kerr_floquet_stroboscopic_N60.csv) to 1e-6; the spectrum and steady
 * state of a periodic model are refused (a Floquet problem).
 */
class PeriodicDynamicsTest {
    @Test
    void kerrFloquetStroboscopicMomentsMatchQutip() {
        Model m = new KerrFloquet().model();
        Map<String, Double> p = m.resolve(Map.of());
        double period = (2 - 0.1) * Math.PI;
        Trajectory tr = new ExactEngine().evolve(m, p, InitialState.parse("boson-coherent:" + Math.sqrt(15), m), 3 * period, period / 2);
        List<Map<String, Double>> ref = Refs.read("kerr_floquet_stroboscopic_N60.csv");
        for (int n = 0; n <= 3; n++) {
            Map<String, Double> r = ref.get(n);
            int row = 2 * n;
            assertEquals(r.get("t"), tr.value(row, "t"), 1e-9);
            assertEquals(r.get("x"), tr.value(row, "x"), 1e-6, "x at n=" + n);
            assertEquals(r.get("p"), tr.value(row, "p"), 1e-6, "p at n=" + n);
            double kxx = tr.value(row, "x_sq") - tr.value(row, "x") * tr.value(row, "x");
            assertEquals(r.get("K_xx"), kxx, 1e-6, "K_xx at n=" + n);
        }
    }

    @Test
    void spectrumOfAPeriodicModelIsRefused() {
        Model m = new KerrFloquet().model();
        assertThrows(ModelException.class, () -> new ExactEngine().spectrum(m, m.resolve(Map.of("N", "4", "cutoff", "6")), 3));
        assertThrows(ModelException.class, () -> new ExactEngine().steadyState(m, m.resolve(Map.of("N", "4", "cutoff", "6"))));
    }
}
