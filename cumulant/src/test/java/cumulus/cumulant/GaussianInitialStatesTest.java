package cumulus.cumulant;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Trajectory;
import cumulus.models.Btc;
import cumulus.models.Dicke;
import cumulus.solvers.Refs;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The cumulant hierarchies start Gaussian boson states (complex coherent, squeezed, thermal) from
 * QuTiP 5.3.1's moments (refs/initial_states.csv), and refuse spin states that are not coherent.
 */
class GaussianInitialStatesTest {
    static final Model DICKE = new Dicke().model(), BTC = new Btc().model();

    @Test
    void gaussianBosonStatesStartAtQutipsMoments() {
        Map<String, Map<String, Double>> ref = new HashMap<>();
        for (Map<String, String> r : Refs.cells("initial_states.csv"))
            ref.computeIfAbsent(r.get("case"), k -> new HashMap<>()).put(r.get("quantity"), Double.parseDouble(r.get("value")));
        Map<String, Double> p = DICKE.resolve(Map.of("N", "2", "cutoff", "40", "omega_b", "1"));
        String[][] cases = {{"up;boson-coherent:1.2,-0.7", "boson-coherent:1.2 -0.7"}, {"up;boson-squeezed:0.5,0.8", "boson-squeezed:0.5 0.8"},
                {"up;boson-thermal:0.6", "boson-thermal:0.6"}};
        for (String[] c : cases) {
            Trajectory t = CumulantDynamics.cumulant2().evolve(DICKE, p, InitialState.parse(c[0], DICKE), 0.1, 0.1);
            Map<String, Double> want = ref.get(c[1]);
            assertEquals(want.get("x"), t.value(0, "x"), 1e-12, c[0] + " x");
            assertEquals(want.get("p"), t.value(0, "p"), 1e-12, c[0] + " p");
            assertEquals(want.get("K_x_x"), t.value(0, "K(x,x)"), 1e-12, c[0] + " K(x,x)");
            assertEquals(want.get("K_p_p"), t.value(0, "K(p,p)"), 1e-12, c[0] + " K(p,p)");
            assertEquals(want.get("K_x_p"), t.value(0, "K(x,p)"), 1e-12, c[0] + " K(x,p)");
        }
    }

    @Test
    void dickeTwistedAndFileStatesNeedTheExactMethod() {
        Map<String, Double> p = BTC.resolve(Map.of("N", "6"));
        for (String s : new String[]{"dicke:1", "squeezed:0.3", "file:rho.mtx"}) {
            ModelException e = assertThrows(ModelException.class, () -> CumulantDynamics.meanField().evolve(BTC, p, InitialState.parse(s, BTC), 1, 0.5));
            assertTrue(e.getMessage().contains("--method exact"), e.getMessage());
        }
    }
}
