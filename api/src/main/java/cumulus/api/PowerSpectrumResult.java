package cumulus.api;

import java.util.List;
import java.util.Map;

/**
 * The power spectrum S_AB(ω) = ∫ dτ e^{−iωτ} ⟨A(τ)B(0)⟩ (QuTiP's convention) with the steady part
 * ⟨A⟩⟨B⟩·2πδ(ω) removed; {@code real} when A = B† (then {@code im} is zero).
 */
public record PowerSpectrumResult(String model, Map<String, Double> parameters, String a, String b, double[] omega,
                                  double[] re, double[] im, boolean real, Complex meanA, Complex meanB,
                                  String method, double seconds, List<String> warnings) {
    public PowerSpectrumResult {
        parameters = Map.copyOf(parameters);
        warnings = List.copyOf(warnings);
        omega = omega.clone(); re = re.clone(); im = im.clone();
    }

    /** What the output says about the removed δ term. */
    public String steadyPartNote() {
        return "the steady part <A><B> 2 pi delta(omega) is removed (<A><B> = " + meanA.times(meanB) + ")";
    }
}
