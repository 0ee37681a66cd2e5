package cumulus.api;

import java.util.Map;

/** Computes the steady state L[ρ] = 0, Tr ρ = 1, and its observables and cumulants. */
public interface SteadyStateSolver {
    /** The name used by {@code cumulus steady --method NAME}. */
    String method();

    SteadyStateResult steadyState(Model model, Map<String, Double> parameters);
}
