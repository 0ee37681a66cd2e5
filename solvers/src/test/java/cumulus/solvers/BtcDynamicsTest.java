package cumulus.solvers;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Trajectory;
import cumulus.models.Btc;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exact btc dynamics from "up" (N = 8, ω_x = 2, κ = 1, t = 0..20, dt = 0.1) against QuTiP mesolve
 * (refs/btc_dynamics_N8.csv): every stored time and every reference column (m1a, C_diag, m1a_sq)
 * to 1e-6 absolute; plus Tr ρ = 1 is implied by ⟨m1z⟩(0) = 1 and the m1a_sq sum rule checked below.
 */
class BtcDynamicsTest {
    @Test
    void exactDynamicsFromAllUpMatchQutip() {
        Model btc = new Btc().model();
        Map<String, Double> p = Refs.params(btc, "N", 8, "omega_x", 2);
        Trajectory tr = new ExactEngine().evolve(btc, p, InitialState.parse("up", btc), 20, 0.1);
        List<Map<String, Double>> ref = Refs.read("btc_dynamics_N8.csv");
        assertEquals(ref.size(), tr.rows().size());
        for (int i = 0; i < ref.size(); i++) {
            Map<String, Double> r = ref.get(i);
            assertEquals(r.get("t"), tr.value(i, "t"), 1e-12);
            for (Map.Entry<String, Double> e : r.entrySet())
                assertEquals(e.getValue(), tr.value(i, e.getKey()), 1e-6, "t=" + r.get("t") + " " + e.getKey());
            // Casimir: Σ_a ⟨(m^a)²⟩ = S(S+1)/S² = 1 + 1/S in the Dicke manifold
            double cas = tr.value(i, "m1x_sq") + tr.value(i, "m1y_sq") + tr.value(i, "m1z_sq");
            assertEquals(1 + 1 / 4.0, cas, 1e-9);
        }
        assertEquals(List.of("t", "m1x", "m1y", "m1z", "C_diag", "C_all", "m1x_sq", "m1y_sq", "m1z_sq"), tr.columns());
    }
}
