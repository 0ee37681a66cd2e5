package cumulus.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import cumulus.api.DynamicsSolver;
import cumulus.api.FloquetSolver;
import cumulus.api.ModelPlugin;
import cumulus.api.SpectrumSolver;
import cumulus.api.SteadyStateSolver;
import cumulus.cumulant.CumulantDynamics;
import cumulus.solvers.ExactEngine;
import cumulus.solvers.floquet.FloquetEngine;

/**
 * Wires Cumulus. Model plugins come from {@link java.util.ServiceLoader} (any jar on the class path
 * that lists {@code cumulus.api.ModelPlugin} implementations; {@link PluginLoader#discover} skips
 * broken entries) and are constructed by Guice. Solvers of every kind — spectrum, steady state,
 * dynamics, Floquet — register with a Multibinder and are chosen by name ({@code --method}): a new
 * solver is one class plus one {@code addBinding} line here, or in a Guice module of its own passed
 * to {@link Cumulus#create(ClassLoader, com.google.inject.Module...)}.
 */
public final class CumulusModule extends AbstractModule {
    private final ClassLoader loader;

    public CumulusModule(ClassLoader loader) { this.loader = loader; }

    @Override protected void configure() {
        Multibinder<ModelPlugin> models = Multibinder.newSetBinder(binder(), ModelPlugin.class);
        for (Class<? extends ModelPlugin> t : PluginLoader.discover(loader)) models.addBinding().to(t);

        bind(ExactEngine.class).asEagerSingleton();
        Multibinder<SpectrumSolver> spectrum = Multibinder.newSetBinder(binder(), SpectrumSolver.class);
        spectrum.addBinding().to(ExactEngine.class);
        spectrum.addBinding().toInstance(ExactEngine.rightmost());
        Multibinder.newSetBinder(binder(), SteadyStateSolver.class).addBinding().to(ExactEngine.class);
        Multibinder.newSetBinder(binder(), FloquetSolver.class).addBinding().to(FloquetEngine.class);
        Multibinder<DynamicsSolver> dynamics = Multibinder.newSetBinder(binder(), DynamicsSolver.class);
        dynamics.addBinding().to(ExactEngine.class);
        dynamics.addBinding().toInstance(CumulantDynamics.meanField());
        dynamics.addBinding().toInstance(CumulantDynamics.cumulant2());
        dynamics.addBinding().toInstance(CumulantDynamics.cumulant3());
    }
}
