package cumulus.api;

import java.util.List;
import java.util.Map;

/**
 * The steady state (NESS): expectations of the observables of Eq. 5, symmetrized second cumulants
 * K_s(A,B) = ⟨{A,B}⟩/2 − ⟨A⟩⟨B⟩ keyed "K(a,b)", and SPEC.md's sums C_diag and C_all.
 * {@code topFockPopulation} is NaN for models without a boson.
 */
public record SteadyStateResult(String model, Map<String, Double> parameters, int dimension,
                                Map<String, Double> expectations, Map<String, Double> cumulants,
                                double cDiag, double cAll, double topFockPopulation, String method,
                                double seconds, List<String> warnings) {
    public SteadyStateResult {
        expectations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expectations));
        cumulants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cumulants));
        warnings = List.copyOf(warnings);
        parameters = Map.copyOf(parameters);
    }
}
