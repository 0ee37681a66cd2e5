package cumulus.api;

import java.util.List;
import java.util.Map;

/**
 * Eigenvalues of the Liouvillian sorted by descending real part (SPEC.md "Spectrum"):
 * λ_0 = 0 first, λ_1 the gap eigenvalue (of a complex pair the one with Im ≥ 0),
 * spectral_gap = −Re λ_1. {@code dimension} is the Hilbert-space dimension.
 */
public record SpectrumResult(String model, Map<String, Double> parameters, int dimension, List<Complex> eigenvalues,
                             Complex lambda1, double spectralGap, String method, double seconds, List<String> warnings) {
    public SpectrumResult {
        eigenvalues = List.copyOf(eigenvalues);
        warnings = List.copyOf(warnings);
        parameters = Map.copyOf(parameters);
    }
}
