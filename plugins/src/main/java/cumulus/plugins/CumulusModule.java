package cumulus.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import cumulus.api.DynamicsSolver;
import cumulus.api.FloquetSolver;
import cumulus.api.ModelPlugin;
import cumulus.api.SpectrumSolver;
import cumulus.api.SteadyStateSolver;
import cumulus.solvers.ExactEngine;

/**
 * Wires Cumulus. Model plugins come from {@link java.util.ServiceLoader} (any jar on the class path
 * that lists {@code cumulus.api.ModelPlugin} implementations; {@link PluginLoader#discover} skips
 * broken entries) and are constructed by Guice. Solvers of every kind — spectrum, steady state,
 * dynamics, Floquet — register with a Multibinder and are chosen by name ({@code --method}): a new
 * built-in solver is one class plus one entry in {@link BuiltInSolvers}, a third-party one a class plus
 * one {@code addBinding} line in a Guice module of its own passed to
 * {@link Cumulus#create(ClassLoader, com.google.inject.Module...)}.
 */
public final class CumulusModule extends AbstractModule {
    private final ClassLoader loader;

    public CumulusModule(ClassLoader loader) { this.loader = loader; }

    @Override protected void configure() {
        Multibinder<ModelPlugin> models = Multibinder.newSetBinder(binder(), ModelPlugin.class);
        for (Class<? extends ModelPlugin> t : PluginLoader.discover(loader)) models.addBinding().to(t);

        BuiltInSolvers b = BuiltInSolvers.create();
        bind(ExactEngine.class).toInstance(b.exact());
        Multibinder<SpectrumSolver> spectrum = Multibinder.newSetBinder(binder(), SpectrumSolver.class);
        for (SpectrumSolver s : b.spectrum()) spectrum.addBinding().toInstance(s);
        Multibinder<SteadyStateSolver> steady = Multibinder.newSetBinder(binder(), SteadyStateSolver.class);
        for (SteadyStateSolver s : b.steady()) steady.addBinding().toInstance(s);
        Multibinder<DynamicsSolver> dynamics = Multibinder.newSetBinder(binder(), DynamicsSolver.class);
        for (DynamicsSolver s : b.dynamics()) dynamics.addBinding().toInstance(s);
        Multibinder<FloquetSolver> floquet = Multibinder.newSetBinder(binder(), FloquetSolver.class);
        for (FloquetSolver s : b.floquet()) floquet.addBinding().toInstance(s);
    }
}
