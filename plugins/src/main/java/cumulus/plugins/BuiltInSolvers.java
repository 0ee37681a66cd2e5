package cumulus.plugins;

import cumulus.api.DynamicsSolver;
import cumulus.api.FloquetSolver;
import cumulus.api.SpectrumSolver;
import cumulus.api.SteadyStateSolver;
import cumulus.cumulant.CumulantDynamics;
import cumulus.solvers.ExactEngine;
import cumulus.solvers.floquet.FloquetEngine;

import java.util.List;

/**
 * The solvers that ship with Cumulus, one instance each (the exact engine serves four kinds): what
 * {@link CumulusModule} binds into the Multibinders, and what {@link Cumulus#create(ClassLoader, com.google.inject.Module...)}
 * uses directly when no Guice module adds a solver (the command line). A new built-in solver is one class plus one
 * entry here.
 */
record BuiltInSolvers(ExactEngine exact, List<SpectrumSolver> spectrum, List<SteadyStateSolver> steady,
                      List<DynamicsSolver> dynamics, List<FloquetSolver> floquet) {

    static BuiltInSolvers create() {
        ExactEngine exact = new ExactEngine();
        return new BuiltInSolvers(exact,
                List.of(exact, ExactEngine.rightmost()),
                List.of(exact),
                List.of(exact, CumulantDynamics.meanField(), CumulantDynamics.cumulant2(), CumulantDynamics.cumulant3()),
                List.of(new FloquetEngine()));
    }
}
