package cumulus.api;

import java.util.Map;

/** Floquet spectrum of a periodic model ({@link Model#schedule()}). */
public interface FloquetSolver {
    FloquetResult floquet(Model model, Map<String, Double> parameters, int count);
}
