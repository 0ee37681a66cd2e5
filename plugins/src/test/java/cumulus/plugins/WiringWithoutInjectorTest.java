package cumulus.plugins;

import com.google.inject.AbstractModule;
import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import cumulus.api.SpectrumResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The toolkit without modules is assembled without a Guice injector (the command line's start-up); it must be the
 * one the Guice wiring makes: the same models, the same solvers under the same names, the same numbers.
 */
class WiringWithoutInjectorTest {
    private final ClassLoader loader = getClass().getClassLoader();

    /** Guice's graph: an empty extra module sends create() through the injector. */
    private Cumulus withInjector() { return Cumulus.create(loader, new AbstractModule() { }); }

    @Test
    void theToolkitWithoutAnInjectorHasTheGuiceOnesModelsAndSolvers() {
        Cumulus direct = Cumulus.create(loader), guice = withInjector();
        assertEquals(guice.models().all().keySet(), direct.models().all().keySet());
        assertTrue(direct.models().all().keySet().containsAll(List.of("btc", "dephasing", "local-btc")), direct.models().all().keySet().toString());
        assertEquals(solverClasses(guice), solverClasses(direct));
        assertEquals(List.of("exact", "rightmost"), List.copyOf(direct.spectrumMethods()));
        assertSame(direct.spectrum("exact"), direct.steadyState("exact"), "one exact engine serves spectrum and steady state, as in the Guice graph");
        assertSame(guice.spectrum("exact"), guice.steadyState("exact"));
    }

    @Test
    void bothWiringsGiveTheSameBtcGap() {
        Model btc = Cumulus.create(loader).models().get("btc");
        Map<String, Double> p = btc.resolve(Map.of("N", "8"));
        SpectrumResult a = Cumulus.create(loader).spectrumSolver().spectrum(btc, p, 4), b = withInjector().spectrumSolver().spectrum(btc, p, 4);
        assertEquals(-0.15304426446240843, a.lambda1().re(), 1e-9, "refs/btc_spectrum.csv, N = 8");
        assertEquals(b.lambda1().re(), a.lambda1().re(), 0.0);
    }

    /** A plugin whose constructor throws: named, with what it threw, so the registry can skip it with a warning. */
    public static final class Broken implements ModelPlugin {
        public Broken() { throw new IllegalArgumentException("no such ensemble"); }
        @Override public Model model() { return null; }
    }

    @Test
    void aPluginWhoseConstructorThrowsIsNamedAndSkipped() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PluginLoader.construct(Broken.class));
        assertTrue(e.getMessage().contains(Broken.class.getName()) && e.getMessage().contains("no such ensemble"), e.getMessage());
        ModelRegistry r = new ModelRegistry(List.of(() -> PluginLoader.construct(Broken.class), () -> PluginLoader.construct(cumulus.models.Btc.class)));
        assertEquals(List.of("btc"), List.copyOf(r.all().keySet()));
    }

    private static Map<String, String> solverClasses(Cumulus c) {
        Map<String, String> out = new TreeMap<>();
        for (String m : c.spectrumMethods()) out.put("spectrum " + m, c.spectrum(m).getClass().getName());
        for (String m : c.steadyStateMethods()) out.put("steady " + m, c.steadyState(m).getClass().getName());
        for (String m : c.dynamicsMethods()) out.put("dynamics " + m, c.dynamics(m).getClass().getName());
        for (String m : c.floquetMethods()) out.put("floquet " + m, c.floquet(m).getClass().getName());
        return out;
    }
}
