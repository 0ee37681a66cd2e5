package cumulus.plugins;

import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.ModelPlugin;
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The models known to this run, by name; filled by Guice from the ServiceLoader-discovered plugins. */
public final class ModelRegistry {
    private final Map<String, Model> models = new TreeMap<>();

    @Inject
    public ModelRegistry(Set<ModelPlugin> plugins) {
        for (ModelPlugin p : plugins) {
            Model m = p.model();
            Model clash = models.put(m.name(), m);
            if (clash != null) throw new ModelException("two model plugins are named '" + m.name() + "': " + p.getClass().getName() + " and another");
        }
    }

    public Map<String, Model> all() { return Collections.unmodifiableMap(models); }

    /** The model of this name, or an error listing the known names. */
    public Model get(String name) {
        Model m = models.get(name);
        if (m == null) throw new ModelException("unknown model '" + name + "': known models are " + String.join(", ", models.keySet()));
        return m;
    }
}
