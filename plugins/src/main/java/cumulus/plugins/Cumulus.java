package cumulus.plugins;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import cumulus.api.DynamicsSolver;
import cumulus.api.InitialState;
import cumulus.api.Trajectory;
import cumulus.solvers.ExactEngine;
import cumulus.solvers.propagation.ExactPropagation;
import cumulus.api.Equations;
import cumulus.api.MeanFieldVerdict;
import cumulus.api.FloquetSolver;
import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import cumulus.api.ModelException;
import cumulus.api.SpectrumSolver;
import cumulus.api.SteadyStateSolver;
import cumulus.codegen.RhsCompiler;
import cumulus.modelfile.ModelFile;
import cumulus.symbolic.Derivation;
import cumulus.symbolic.EquationSystem;
import cumulus.symbolic.MeanFieldVerifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The toolkit as one object: the models and the solvers found on the class path, chosen by name.
 * This is the public facade the command line, {@code reproduce}, {@code bench} and other Java
 * programs use (see docs/using-cumulus-as-a-library.md); they need nothing below it.
 */
public final class Cumulus {
    private final ModelRegistry models;
    private final Map<String, SpectrumSolver> spectrum;
    private final Map<String, SteadyStateSolver> steady;
    private final Map<String, DynamicsSolver> dynamics;
    private final Map<String, FloquetSolver> floquet;

    private Cumulus(Injector injector) {
        this.models = injector.getInstance(ModelRegistry.class);
        this.spectrum = byName(injector.getInstance(Key.get(new TypeLiteral<Set<SpectrumSolver>>() { })), SpectrumSolver::method);
        this.steady = byName(injector.getInstance(Key.get(new TypeLiteral<Set<SteadyStateSolver>>() { })), SteadyStateSolver::method);
        this.dynamics = byName(injector.getInstance(Key.get(new TypeLiteral<Set<DynamicsSolver>>() { })), DynamicsSolver::method);
        this.floquet = byName(injector.getInstance(Key.get(new TypeLiteral<Set<FloquetSolver>>() { })), FloquetSolver::method);
    }

    /**
     * The same toolkit without an injector, when no Guice module adds a solver: the graph would then hold only
     * {@link BuiltInSolvers} and the discovered model plugins, which Guice constructs by their public no-argument
     * constructors (the {@link ModelPlugin} contract), as this does. Building the injector took 70-90 ms of a
     * 0.5 s {@code cumulus steady btc --set N=256} (fresh JVMs with a CDS archive, alternating: 484-627 ms with it,
     * 414-480 without; docs/performance.md).
     */
    private Cumulus(ClassLoader loader, BuiltInSolvers builtIn) {
        List<com.google.inject.Provider<ModelPlugin>> plugins = new ArrayList<>();
        for (Class<? extends ModelPlugin> t : PluginLoader.discover(loader)) plugins.add(() -> PluginLoader.construct(t));
        this.models = new ModelRegistry(plugins);
        this.spectrum = byName(builtIn.spectrum(), SpectrumSolver::method);
        this.steady = byName(builtIn.steady(), SteadyStateSolver::method);
        this.dynamics = byName(builtIn.dynamics(), DynamicsSolver::method);
        this.floquet = byName(builtIn.floquet(), FloquetSolver::method);
    }

    private static <S> Map<String, S> byName(java.util.Collection<S> solvers, Function<S, String> name) {
        Map<String, S> out = new TreeMap<>();
        for (S s : solvers) {
            S clash = out.put(name.apply(s), s);
            if (clash != null && clash != s)
                throw new ModelException("two solvers are named '" + name.apply(s) + "': " + clash.getClass().getName() + " and " + s.getClass().getName());
        }
        return out;
    }

    /**
     * The toolkit as the command line sees it: the built-in models plus the plugin jars in
     * {@code $cumulus.home/plugins} and those given with {@code --plugins} ({@link PluginLoader}).
     */
    public static Cumulus create() { return create(PluginLoader.commandLineLoader()); }

    /**
     * Discovers model plugins through {@code loader} (e.g. one that also sees external plugin jars);
     * {@code extra} Guice modules may bind further solvers with their own Multibinder lines. Without any, the
     * toolkit is assembled without an injector (the same models and solvers, see {@link #Cumulus(ClassLoader, BuiltInSolvers)}).
     */
    public static Cumulus create(ClassLoader loader, Module... extra) {
        if (extra.length == 0) return new Cumulus(loader, BuiltInSolvers.create());
        List<Module> modules = new ArrayList<>(List.of(new CumulusModule(loader)));
        modules.addAll(List.of(extra));
        return new Cumulus(Guice.createInjector(Stage.PRODUCTION, modules));
    }

    public ModelRegistry models() { return models; }

    /**
     * A model by name, or from a model file: a {@code .yaml}/{@code .yml} path, or an existing file
     * that is not the name of a registered model (docs/writing-a-model.md).
     */
    public Model model(String nameOrFile) {
        boolean file = ModelFile.looksLikeFile(nameOrFile) && (nameOrFile.matches("(?i).*\\.ya?ml") || !models.all().containsKey(nameOrFile));
        return file ? ModelFile.load(Path.of(nameOrFile)) : models.get(nameOrFile);
    }

    /**
     * The equations of motion closed at cumulant order {@code order} (1 = mean field; the paper's
     * Eqs. S2–S21), exact at finite N, or their N → ∞ limit with {@code limit}.
     */
    public Equations derive(Model model, int order, boolean limit) {
        EquationSystem sys = Derivation.derive(model, order);
        if (limit) sys = sys.thermodynamicLimit();
        return new Equations(model.name(), order, limit, sys.unknowns(), sys.parameters(), sys.rhs(), sys.toText(), sys.toLatex(), sys.toJsonTree());
    }

    /**
     * Whether mean field is exact as N → ∞ (the paper's Eq. S10 argument, checked on the exact
     * cumulant equations with every coefficient expanded in 1/N): exact, not exact, or undecided.
     */
    public MeanFieldVerdict verifyMeanField(Model model) { return MeanFieldVerifier.verify(model); }

    /** The Java source of the right-hand side that codegen compiles for these equations (class {@code className}). */
    public String javaSource(Equations eq, String className) {
        return RhsCompiler.source(className, eq.unknowns(), eq.parameters(), eq.rhs());
    }

    /**
     * Runs a parameter sweep on the local engine (a work-stealing pool in this JVM) into
     * {@code dir/results.csv}, skipping the points that file already holds (docs/sweeps.md).
     */
    public cumulus.plugins.sweep.LocalSweep.Summary sweep(cumulus.plugins.sweep.SweepRequest request, Path dir) {
        return cumulus.plugins.sweep.LocalSweep.run(this, request, dir);
    }

    /**
     * Runs a sweep on the named engine: {@code local} (built in), or one found on the class path
     * through {@link cumulus.plugins.sweep.SweepEngine} (e.g. {@code spark}, docs/spark.md).
     */
    public cumulus.plugins.sweep.LocalSweep.Summary sweep(cumulus.plugins.sweep.SweepRequest request, Path dir, String engine, String master) {
        if (engine.equals("local")) {
            if (master != null) throw new ModelException("--master is for --engine spark; the local engine runs in this JVM (use --threads)");
            return sweep(request, dir);
        }
        List<String> found = new ArrayList<>(List.of("local"));
        for (ClassLoader l : new ClassLoader[]{PluginLoader.commandLineLoader(), Cumulus.class.getClassLoader()}) {
            for (cumulus.plugins.sweep.SweepEngine e : java.util.ServiceLoader.load(cumulus.plugins.sweep.SweepEngine.class, l)) {
                if (e.name().equals(engine)) return e.run(this, request, dir, master);
                if (!found.contains(e.name())) found.add(e.name());
            }
        }
        throw new ModelException("--engine " + engine + " is not on this class path (engines here: " + String.join(", ", found) + ")"
                + (engine.equals("spark") ? ": the Spark engine is a separate module; run spark/cumulus-spark instead of ./cumulus (docs/spark.md)" : ""));
    }

    /** Joins the results of the shards of one sweep ({@code --shard K/N}) into {@code out/results.csv}. */
    public cumulus.plugins.sweep.SweepMerge.Summary mergeSweeps(List<Path> dirs, Path out) {
        return cumulus.plugins.sweep.SweepMerge.merge(dirs, out);
    }

    /**
     * The steady-state two-time correlation ⟨A(τ)B(0)⟩ by the quantum regression theorem on the exact space
     * (observables as {@code cumulus.solvers.correlation.Observables} reads them: m1x, m1+, x, m1+*m1-, ...).
     */
    public cumulus.api.CorrelationResult correlate(Model model, java.util.Map<String, Double> parameters, String a, String b,
                                                   double tauEnd, double dt, boolean connected) {
        return cumulus.solvers.correlation.ExactCorrelations.correlate(model, parameters, a, b, tauEnd, dt, connected);
    }

    /** The methods of {@link #powerSpectrum}. */
    public Set<String> powerSpectrumMethods() { return new java.util.LinkedHashSet<>(List.of("exact", "cumulant2")); }

    /** The power spectrum S_AB(ω) (QuTiP's convention, steady part removed) by {@code method}: exact. */
    public cumulus.api.PowerSpectrumResult powerSpectrum(Model model, java.util.Map<String, Double> parameters, String a, String b,
                                                         double[] omega, String method) {
        return powerSpectrum(model, parameters, a, b, omega, method, 0);
    }

    /**
     * The same, with {@code peakEigenvalues} &gt; 0 also the peaks of S (position, height, half width) beside the nearest
     * of that many leading eigenvalues of the exact Liouvillian spectrum.
     */
    public cumulus.api.PowerSpectrumResult powerSpectrum(Model model, java.util.Map<String, Double> parameters, String a, String b,
                                                         double[] omega, String method, int peakEigenvalues) {
        return switch (method) {
            case "exact" -> cumulus.solvers.correlation.ExactCorrelations.spectrum(model, parameters, a, b, omega, peakEigenvalues);
            case "cumulant2" -> {
                if (peakEigenvalues > 0) throw new ModelException("--peaks is available with --method exact only");
                yield CumulantSpectrum.spectrum(model, parameters, a, b, omega);
            }
            default -> throw new ModelException("unknown power-spectrum method '" + method + "': available methods are " + String.join(", ", powerSpectrumMethods()));
        };
    }

    public SpectrumSolver spectrum(String method) { return pick(spectrum, method, "spectrum"); }
    public SteadyStateSolver steadyState(String method) { return pick(steady, method, "steady-state"); }
    public DynamicsSolver dynamics(String method) { return pick(dynamics, method, "evolution"); }

    /** The default {@code --tol} of exact dynamics (target 2-norm of the state's error). */
    public static final double EXACT_TOLERANCE = ExactPropagation.DEFAULT_TOLERANCE;

    /**
     * Exact dynamics of several initial states at once with a stated tolerance: the propagator (explicit or
     * shift-invert Krylov, one factorization for every state) is chosen per problem; with more than one state
     * the rows carry an {@code initial} column (1, 2, ...). Needs the {@code exact} dynamics method.
     */
    public Trajectory evolveExact(Model model, Map<String, Double> parameters, List<InitialState> initials, double tEnd, double dt, double tolerance) {
        if (!(dynamics("exact") instanceof ExactEngine engine))
            throw new ModelException("the exact dynamics method is not the built-in exact engine: several --initial states and --tol need it");
        return engine.evolve(model, parameters, initials, tEnd, dt, tolerance, ExactPropagation.Kind.AUTO);
    }
    public FloquetSolver floquet(String method) { return pick(floquet, method, "Floquet"); }

    /** The exact engines, the default of every command. */
    public SpectrumSolver spectrumSolver() { return spectrum("exact"); }
    public SteadyStateSolver steadyStateSolver() { return steadyState("exact"); }
    public FloquetSolver floquetSolver() { return floquet("exact"); }

    public Set<String> spectrumMethods() { return spectrum.keySet(); }
    public Set<String> steadyStateMethods() { return steady.keySet(); }
    public Set<String> dynamicsMethods() { return dynamics.keySet(); }
    public Set<String> floquetMethods() { return floquet.keySet(); }

    private static <S> S pick(Map<String, S> solvers, String method, String kind) {
        S s = solvers.get(method);
        if (s == null) throw new ModelException("unknown " + kind + " method '" + method + "': available methods are " + String.join(", ", solvers.keySet()));
        return s;
    }
}
