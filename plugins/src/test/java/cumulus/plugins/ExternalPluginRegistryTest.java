package cumulus.plugins;

import cumulus.api.Model;
import cumulus.api.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The full wiring: an external plugin jar loaded by PluginLoader is a model of Cumulus.create(loader). */
class ExternalPluginRegistryTest {

    @TempDir Path tmp;

    @Test
    void cumulusSeesTheExternalModel() throws Exception {
        Path jar = ExternalPluginJar.build(tmp);
        Cumulus c = Cumulus.create(PluginLoader.create(List.of(jar), Cumulus.class.getClassLoader()));
        Model m = c.models().get("btc-detuned");
        PluginLoaderTest.assertBtcDetuned(m);
        assertNotNull(c.models().get("btc"), "built-in models stay registered");
    }

    @Test
    void withoutTheJarTheModelIsUnknown() {
        ModelException e = assertThrows(ModelException.class, () -> Cumulus.create().models().get("btc-detuned"));
        assertTrue(e.getMessage().contains("unknown model 'btc-detuned'"), e.getMessage());
    }

    @Test
    void configuredPathsReachCumulusCreate() throws Exception {
        Path jar = ExternalPluginJar.build(tmp);
        try {
            PluginLoader.configure(List.of(jar));
            PluginLoaderTest.assertBtcDetuned(Cumulus.create().models().get("btc-detuned"));
        } finally {
            PluginLoader.configure(List.of());
        }
    }
}
