package cumulus.models;

import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class ModelDiscoveryTest {

    private static Map<String, Model> discovered() {
        Map<String, Model> out = new TreeMap<>();
        for (ModelPlugin p : ServiceLoader.load(ModelPlugin.class)) out.put(p.model().name(), p.model());
        return out;
    }

    @Test
    void everyPaperModelIsFoundThroughServiceLoader() {
        assertEquals(List.of("btc", "btc-pair", "btc-pair-unscaled", "dephasing", "dicke", "dicke-floquet", "dicke-unscaled", "kerr-floquet", "local-btc"),
                List.copyOf(discovered().keySet()));
    }

    @Test
    void parametersAndDefaultsAreSpecMds() {
        Map<String, Model> m = discovered();
        assertEquals(Map.of("N", 16.0, "omega_x", 2.0, "kappa", 1.0, "S", 8.0), m.get("btc").resolve(Map.of()));
        assertEquals(Map.of("N", 16.0, "omega_x", 1.0, "gamma", 1.0, "S", 8.0), m.get("dephasing").resolve(Map.of()));
        Map<String, Double> pair = m.get("btc-pair").resolve(Map.of());
        assertEquals(4.0, pair.get("N"));
        assertEquals(0.1, pair.get("omega_z1"));
        assertEquals(0.02, pair.get("omega_z2"));
        assertEquals(3.0, pair.get("omega_xx"));
        assertEquals(0.35, pair.get("omega_zz"));
        Map<String, Double> dicke = m.get("dicke").resolve(Map.of());
        assertEquals(Map.of("N", 8.0, "omega_b", 1.0, "omega_z", 1.0, "kappa_b", 1.0, "g", 1.0, "cutoff", 16.0, "S", 4.0), dicke);
    }

    @Test
    void counterModelsDropOnlyTheScaling() {
        Map<String, Model> m = discovered();
        assertEquals(m.get("dicke").parameters(), m.get("dicke-unscaled").parameters());
        assertTrue(symbols(m.get("dicke")).contains("N"));
        assertFalse(symbols(m.get("dicke-unscaled")).contains("N"));
        assertTrue(symbols(m.get("btc-pair")).contains("S"));
        assertFalse(symbols(m.get("btc-pair-unscaled")).contains("S"));
    }

    private static java.util.Set<String> symbols(Model m) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        m.hamiltonian().terms().forEach(t -> out.addAll(t.coefficient().symbols()));
        return out;
    }
}
