package cumulus.api;

import java.util.List;
import java.util.Map;

/**
 * Floquet multipliers μ of the one-period map U_F = T exp(∫_0^T L(t) dt) (Eq. 14), sorted by
 * descending |μ|: μ_0 = 1, floquet_gap = 1 − |μ_1| (SPEC.md). The Floquet steady state
 * (μ = 1, at the stroboscopic times nT) with its expectations and symmetrized cumulants.
 */
public record FloquetResult(String model, Map<String, Double> parameters, int dimension, double period,
                            List<Complex> multipliers, double floquetGap,
                            Map<String, Double> expectations, Map<String, Double> cumulants,
                            double topFockPopulation, String method, double seconds, List<String> warnings) {
    public FloquetResult {
        multipliers = List.copyOf(multipliers);
        expectations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expectations));
        cumulants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cumulants));
        warnings = List.copyOf(warnings);
        parameters = Map.copyOf(parameters);
    }
}
