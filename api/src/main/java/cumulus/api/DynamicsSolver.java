package cumulus.api;

import java.util.Map;

/**
 * A time-evolution method ({@code exact}, {@code meanfield}, {@code cumulant2}, ...): every one
 * takes the same model, parameters, initial state and output grid t = 0, dt, 2dt, ..., tEnd,
 * and returns a trajectory with column "t" then one column per observable of
 * {@link Model#observables()}, plus any extra columns the method adds.
 */
public interface DynamicsSolver {
    /** The name used by {@code cumulus evolve --method NAME}. */
    String method();

    Trajectory evolve(Model model, Map<String, Double> parameters, InitialState initial, double tEnd, double dt);
}
