package cumulus.plugins;

import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.ModelPlugin;
import cumulus.api.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Builds examples/external-plugin the way a third party would (compile its one source file
 * against the API, jar it with its services file) and loads it through {@link PluginLoader}.
 */
class PluginLoaderTest {

    @TempDir static Path tmp;
    static Path jar;

    @BeforeAll
    static void buildExternalPlugin() throws Exception {
        jar = ExternalPluginJar.build(tmp);
    }

    static Map<String, Model> models(ClassLoader loader) {
        Map<String, Model> out = new TreeMap<>();
        for (ModelPlugin p : ServiceLoader.load(ModelPlugin.class, loader)) out.put(p.model().name(), p.model());
        return out;
    }

    static void assertBtcDetuned(Model m) {
        assertNotNull(m, "btc-detuned not found");
        assertEquals(List.of("N", "omega_x", "delta", "kappa"), m.parameters().stream().map(Parameter::name).toList());
        assertEquals(Map.of("N", 16.0, "omega_x", 2.0, "delta", 0.5, "kappa", 1.0, "S", 8.0), m.resolve(Map.of()));
        assertEquals(1, m.ensembles());
        assertEquals(2, m.hamiltonian().terms().size());
        assertEquals(1, m.dissipators().size());
    }

    @Test
    void externalJarIsFoundThroughServiceLoader() {
        assertFalse(models(PluginLoaderTest.class.getClassLoader()).containsKey("btc-detuned"), "must not be on the test class path");
        ClassLoader loader = PluginLoader.create(List.of(jar), PluginLoaderTest.class.getClassLoader());
        Map<String, Model> found = models(loader);
        assertBtcDetuned(found.get("btc-detuned"));
        assertTrue(found.containsKey("btc"), "the built-in models stay visible: " + found.keySet());
    }

    @Test
    void directoryOfJarsIsScanned() {
        ClassLoader loader = PluginLoader.create(List.of(jar.getParent()), PluginLoaderTest.class.getClassLoader());
        assertBtcDetuned(models(loader).get("btc-detuned"));
    }

    @Test
    void defaultFolderUnderCumulusHomeIsScanned() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home/plugins")).getParent();
        Files.copy(jar, home.resolve("plugins/btc-detuned-plugin.jar"));
        String old = System.getProperty(PluginLoader.HOME_PROPERTY);
        try {
            System.setProperty(PluginLoader.HOME_PROPERTY, home.toString());
            assertEquals(home.resolve("plugins"), PluginLoader.defaultDirectory());
            assertBtcDetuned(models(PluginLoader.commandLineLoader()).get("btc-detuned"));
        } finally {
            if (old == null) System.clearProperty(PluginLoader.HOME_PROPERTY);
            else System.setProperty(PluginLoader.HOME_PROPERTY, old);
        }
    }

    @Test
    void configuredPathsAreAdded() {
        try {
            PluginLoader.configure(List.of(jar));
            assertBtcDetuned(models(PluginLoader.commandLineLoader()).get("btc-detuned"));
        } finally {
            PluginLoader.configure(List.of());
        }
        assertSame(PluginLoader.class.getClassLoader(), PluginLoader.create(List.of(), PluginLoader.class.getClassLoader()));
    }

    @Test
    void badPathsAreClearErrors() throws Exception {
        ModelException missing = assertThrows(ModelException.class, () -> PluginLoader.create(List.of(tmp.resolve("nowhere.jar")), null));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        ModelException notJar = assertThrows(ModelException.class, () -> PluginLoader.create(List.of(text), null));
        assertTrue(notJar.getMessage().contains("is not a .jar file or a directory"), notJar.getMessage());
        Path broken = Files.writeString(tmp.resolve("broken.jar"), "not a zip");
        ModelException bad = assertThrows(ModelException.class, () -> PluginLoader.create(List.of(broken), null));
        assertTrue(bad.getMessage().contains("is not a valid jar file"), bad.getMessage());
        assertThrows(ModelException.class, () -> PluginLoader.configure(List.of(tmp.resolve("nowhere"))));
        PluginLoader.configure(List.of());
    }
}
