package cumulus.plugins;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import cumulus.api.DynamicsSolver;
import cumulus.api.FloquetSolver;
import cumulus.api.ModelException;
import cumulus.api.SpectrumSolver;
import cumulus.api.SteadyStateSolver;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The assembled toolkit: the models and the solvers found on the class path. */
public final class Cumulus {
    private final ModelRegistry models;
    private final Map<String, DynamicsSolver> dynamics = new TreeMap<>();
    private final SpectrumSolver spectrum;
    private final SteadyStateSolver steady;
    private final FloquetSolver floquet;

    private Cumulus(Injector injector) {
        this.models = injector.getInstance(ModelRegistry.class);
        for (DynamicsSolver s : injector.getInstance(Key.get(new TypeLiteral<Set<DynamicsSolver>>() { })))
            dynamics.put(s.method(), s);
        this.spectrum = injector.getInstance(SpectrumSolver.class);
        this.steady = injector.getInstance(SteadyStateSolver.class);
        this.floquet = injector.getInstance(FloquetSolver.class);
    }

    /**
     * The toolkit as the command line sees it: the built-in models plus the plugin jars in
     * {@code $cumulus.home/plugins} and those given with {@code --plugins} ({@link PluginLoader}).
     */
    public static Cumulus create() { return create(PluginLoader.commandLineLoader()); }

    /** Discovers model plugins through {@code loader} (e.g. one that also sees external plugin jars). */
    public static Cumulus create(ClassLoader loader) {
        return new Cumulus(Guice.createInjector(Stage.PRODUCTION, new CumulusModule(loader)));
    }

    public ModelRegistry models() { return models; }
    public SpectrumSolver spectrumSolver() { return spectrum; }
    public SteadyStateSolver steadyStateSolver() { return steady; }
    public FloquetSolver floquetSolver() { return floquet; }

    public DynamicsSolver dynamics(String method) {
        DynamicsSolver s = dynamics.get(method);
        if (s == null) throw new ModelException("unknown method '" + method + "': available methods are " + String.join(", ", dynamics.keySet()));
        return s;
    }

    public Set<String> dynamicsMethods() { return dynamics.keySet(); }
}
