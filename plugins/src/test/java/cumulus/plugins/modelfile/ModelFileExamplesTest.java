package cumulus.plugins.modelfile;

import cumulus.modelfile.ModelFile;

import cumulus.api.Complex;
import cumulus.api.Dissipator;
import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import cumulus.api.Op;
import cumulus.api.OpSum;
import cumulus.api.Parameter;
import cumulus.api.Schedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/** Every paper model shipped as a file in examples/models declares the same Model as its Java plugin. */
class ModelFileExamplesTest {

    static Map<String, Model> plugins() {
        Map<String, Model> out = new TreeMap<>();
        for (ModelPlugin p : ServiceLoader.load(ModelPlugin.class)) out.put(p.model().name(), p.model());
        return out;
    }

    static Path file(String name) { return cumulus.solvers.Refs.repoRoot().resolve("examples/models/" + name + ".yaml"); }

    @ParameterizedTest
    @ValueSource(strings = {"btc", "dephasing", "btc-pair", "btc-pair-unscaled", "dicke", "dicke-unscaled", "dicke-floquet", "kerr-floquet", "local-btc"})
    void fileModelEqualsPluginModel(String name) {
        Model plugin = plugins().get(name);
        assertNotNull(plugin, "plugin " + name + " not on the test class path");
        Model file = ModelFile.load(file(name));
        assertSameModel(plugin, file);
    }

    /** SPEC.md's paper models (other plugins, e.g. test models, need no file). */
    static final List<String> PAPER_MODELS = List.of("btc", "dephasing", "btc-pair", "btc-pair-unscaled", "dicke", "dicke-unscaled",
            "dicke-floquet", "kerr-floquet", "local-btc");

    @Test
    void everyPaperModelHasAFile() {
        for (String name : PAPER_MODELS) {
            assertTrue(plugins().containsKey(name), "plugin " + name + " is missing");
            assertTrue(Files.isRegularFile(file(name)), "examples/models/" + name + ".yaml is missing");
        }
    }

    @Test
    void simpleModelsAreEvenStructurallyEqual() {
        for (String name : List.of("btc", "dephasing")) {
            Model plugin = plugins().get(name), file = ModelFile.load(file(name));
            assertEquals(plugin.hamiltonian(), file.hamiltonian(), name);
            assertEquals(plugin.dissipators(), file.dissipators(), name);
        }
    }

    @Test
    void sqrtRateIsExtracted() {
        Model m = ModelFile.load(file("btc"));
        Dissipator.Jump j = (Dissipator.Jump) m.dissipators().get(0);
        assertEquals(Expr.parse("kappa/S"), j.rate());
        assertEquals(OpSum.sm(1), j.operator());
    }

    /** Same name, description, parameters, ensembles, boson; same H and dissipators evaluated at two parameter points. */
    static void assertSameModel(Model expected, Model actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.description(), actual.description());
        assertEquals(expected.parameters(), actual.parameters());
        assertEquals(expected.ensembles(), actual.ensembles());
        assertEquals(expected.hasBoson(), actual.hasBoson());
        assertEquals(expected.isPeriodic(), actual.isPeriodic());
        if (expected.isPeriodic()) {
            Schedule se = expected.schedule(), sa = actual.schedule();
            assertEquals(se.symbols(), sa.symbols());
            assertEquals(se.segments().size(), sa.segments().size());
            for (Map<String, Double> at : points(expected)) {
                assertArrayEquals(se.durations(at), sa.durations(at), 1e-12);
                for (int k = 0; k < se.segments().size(); k++) assertEquals(se.valuesIn(k, at), sa.valuesIn(k, at));
            }
        }
        for (Map<String, Double> at : points(expected)) {
            if (expected.hasBoson()) {
                assertEquals(expected.boson().cutoffParameter(), actual.boson().cutoffParameter());
                assertClose(expected.boson().frequency().evaluate(at), actual.boson().frequency().evaluate(at), "boson frequency");
            }
            assertSameOperator(expected.hamiltonian(), actual.hamiltonian(), at, "H");
            assertEquals(expected.dissipators().size(), actual.dissipators().size(), "number of dissipators");
            for (int k = 0; k < expected.dissipators().size(); k++) {
                Dissipator e = expected.dissipators().get(k), a = actual.dissipators().get(k);
                assertEquals(e.getClass(), a.getClass(), "dissipator " + k);
                if (e instanceof Dissipator.Jump je) {
                    Dissipator.Jump ja = (Dissipator.Jump) a;
                    assertClose(je.rate().evaluate(at), ja.rate().evaluate(at), "rate of jump " + k);
                    assertSameOperator(je.operator(), ja.operator(), at, "jump " + k);
                } else if (e instanceof Dissipator.Local le) {
                    Dissipator.Local la = (Dissipator.Local) a;
                    assertEquals(le.ensemble(), la.ensemble());
                    assertEquals(le.process(), la.process());
                    assertClose(le.rate().evaluate(at), la.rate().evaluate(at), "local rate " + k);
                } else {
                    Dissipator.GammaMatrix ge = (Dissipator.GammaMatrix) e, ga = (Dissipator.GammaMatrix) a;
                    assertEquals(ge.ensemble(), ga.ensemble());
                    for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++)
                        assertClose(ge.get(r, c).evaluate(at), ga.get(r, c).evaluate(at), "Γ entry");
                }
            }
        }
    }

    /** The defaults, and a generic point where every parameter (and N) differs from its default. */
    static List<Map<String, Double>> points(Model m) {
        Map<String, Double> defaults = new LinkedHashMap<>(m.resolve(Map.of()));
        defaults.put("t", 0.0);
        Map<String, Double> generic = new LinkedHashMap<>();
        int k = 0;
        for (Parameter p : m.parameters()) generic.put(p.name(), p.kind() == Parameter.Kind.REAL ? p.defaultValue() * (1.07 + 0.05 * k) + 0.011 * ++k : p.defaultValue() + 3);
        if (generic.containsKey("N")) generic.put("S", generic.get("N") / 2);
        generic.put("t", 0.7);
        if (!m.isPeriodic()) return List.of(defaults, generic);
        List<Map<String, Double>> out = new ArrayList<>();
        for (Map<String, Double> base : List.of(defaults, generic))
            for (int seg = 0; seg < m.schedule().segments().size(); seg++) out.add(m.schedule().valuesIn(seg, base));
        Map<String, Double> odd = new LinkedHashMap<>(generic);
        for (String sw : m.schedule().symbols()) odd.put(sw, 0.77);
        out.add(odd);
        return out;
    }

    /** Terms grouped by operator product, coefficients summed and compared numerically. */
    static void assertSameOperator(OpSum expected, OpSum actual, Map<String, Double> at, String what) {
        Map<List<Op>, Complex> e = grouped(expected, at), a = grouped(actual, at);
        assertEquals(e.keySet(), a.keySet(), what + ": operator products differ: " + expected + " vs " + actual);
        for (List<Op> k : e.keySet()) assertClose(e.get(k), a.get(k), what + " coefficient of " + k);
    }

    static Map<List<Op>, Complex> grouped(OpSum o, Map<String, Double> at) {
        Map<List<Op>, Complex> out = new LinkedHashMap<>();
        for (OpSum.Term t : o.terms()) out.merge(t.factors(), t.coefficient().evaluate(at), Complex::plus);
        out.values().removeIf(c -> c.abs() < 1e-14);
        return out;
    }

    static void assertClose(Complex e, Complex a, String what) {
        assertTrue(e.minus(a).abs() <= 1e-12 * Math.max(1, e.abs()), what + ": expected " + e + ", got " + a);
    }
}
