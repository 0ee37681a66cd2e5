package cumulus.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import cumulus.api.DynamicsSolver;
import cumulus.api.FloquetSolver;
import cumulus.api.ModelPlugin;
import cumulus.api.SpectrumSolver;
import cumulus.api.SteadyStateSolver;
import cumulus.solvers.ExactEngine;
import cumulus.solvers.floquet.FloquetEngine;


/**
 * Wires Cumulus: model plugins come from {@link java.util.ServiceLoader} (any jar on the class path
 * that lists {@code cumulus.api.ModelPlugin} implementations; {@link PluginLoader#discover} skips
 * broken entries) and are constructed by Guice; solvers
 * register with a Multibinder, so adding one is one class plus one line here.
 */
public final class CumulusModule extends AbstractModule {
    private final ClassLoader loader;

    public CumulusModule(ClassLoader loader) { this.loader = loader; }

    @Override protected void configure() {
        Multibinder<ModelPlugin> models = Multibinder.newSetBinder(binder(), ModelPlugin.class);
        for (Class<? extends ModelPlugin> t : PluginLoader.discover(loader)) models.addBinding().to(t);

        bind(ExactEngine.class).asEagerSingleton();
        Multibinder<DynamicsSolver> dynamics = Multibinder.newSetBinder(binder(), DynamicsSolver.class);
        dynamics.addBinding().to(ExactEngine.class);
        dynamics.addBinding().toInstance(CumulantDynamics.meanField());
        dynamics.addBinding().toInstance(CumulantDynamics.cumulant2());
        dynamics.addBinding().toInstance(CumulantDynamics.cumulant3());
        bind(SpectrumSolver.class).to(ExactEngine.class);
        bind(SteadyStateSolver.class).to(ExactEngine.class);
        bind(FloquetSolver.class).to(FloquetEngine.class);
    }
}
