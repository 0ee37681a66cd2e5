package cumulus.api;

import java.util.Map;

/** Floquet spectrum of a periodic model ({@link Model#schedule()}). */
public interface FloquetSolver {
    /** The name used by {@code cumulus floquet --method NAME}. */
    String method();

    FloquetResult floquet(Model model, Map<String, Double> parameters, int count);

    /**
     * The state at t = nT, n = 0..periods, by repeated application of the one-period map U_F:
     * columns as {@link DynamicsSolver#evolve} (t, the observables, C_diag, C_all, their squares, ...).
     */
    Trajectory stroboscopic(Model model, Map<String, Double> parameters, InitialState initial, int periods);
}
