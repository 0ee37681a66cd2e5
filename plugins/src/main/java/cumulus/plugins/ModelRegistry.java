package cumulus.plugins;

import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.ModelPlugin;
import cumulus.api.Progress;
import com.google.inject.Provider;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The models known to this run, by name; filled by Guice from the ServiceLoader-discovered plugins. */
public final class ModelRegistry {
    private final Map<String, Model> models = new TreeMap<>();

    /**
     * Each plugin is constructed and asked for its model on its own: one that fails (a constructor
     * or {@code model()} that throws, a name that is taken) is skipped with a warning naming its
     * class and jar, and every other model stays usable.
     */
    @Inject
    public ModelRegistry(Collection<Provider<ModelPlugin>> plugins) {
        Map<String, String> owner = new TreeMap<>();
        for (Provider<ModelPlugin> provider : plugins) {
            ModelPlugin p;
            try {
                p = provider.get();
            } catch (RuntimeException | LinkageError e) {
                Progress.get().warn("a model plugin could not be constructed: " + firstLine(e) + "; skipped");
                continue;
            }
            String who = p.getClass().getName() + " (" + source(p.getClass()) + ")";
            Model m;
            try {
                m = p.model();
            } catch (RuntimeException | LinkageError e) {
                Progress.get().warn("model plugin " + who + ": model() failed: " + firstLine(e) + "; skipped");
                continue;
            }
            if (m == null) {
                Progress.get().warn("model plugin " + who + ": model() returned null; skipped");
                continue;
            }
            if (models.containsKey(m.name())) {
                Progress.get().warn("two model plugins are named '" + m.name() + "': " + owner.get(m.name()) + " and " + who + "; the second is ignored");
                continue;
            }
            models.put(m.name(), m);
            owner.put(m.name(), who);
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String source(Class<?> c) {
        var cs = c.getProtectionDomain().getCodeSource();
        return cs == null || cs.getLocation() == null ? "built in" : cs.getLocation().getPath();
    }

    public Map<String, Model> all() { return Collections.unmodifiableMap(models); }

    /** The model of this name, or an error listing the known names. */
    public Model get(String name) {
        Model m = models.get(name);
        if (m == null) throw new ModelException("unknown model '" + name + "': known models are " + String.join(", ", models.keySet()));
        return m;
    }
}
