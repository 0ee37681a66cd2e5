package cumulus.api;

import java.util.Map;

/** Computes the steady state L[ρ] = 0, Tr ρ = 1, and its observables and cumulants. */
public interface SteadyStateSolver {
    SteadyStateResult steadyState(Model model, Map<String, Double> parameters);
}
