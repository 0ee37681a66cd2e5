package cumulus.api;

import java.util.List;
import java.util.Map;

/**
 * A steady-state two-time correlation ⟨A(τ)B(0)⟩ (minus ⟨A⟩⟨B⟩ when {@code connected}) at τ_j = j·dt;
 * {@code failure} is null, or why the run stopped early (the rows so far are kept).
 */
public record CorrelationResult(String model, Map<String, Double> parameters, String a, String b, boolean connected,
                                double[] tau, double[] re, double[] im, Complex meanA, Complex meanB,
                                String method, double seconds, List<String> warnings, String failure) {
    public CorrelationResult {
        parameters = Map.copyOf(parameters);
        warnings = List.copyOf(warnings);
        tau = tau.clone(); re = re.clone(); im = im.clone();
    }

    public boolean complete() { return failure == null; }
}
