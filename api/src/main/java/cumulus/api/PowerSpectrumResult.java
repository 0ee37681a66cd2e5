package cumulus.api;

import java.util.List;
import java.util.Map;

/**
 * The power spectrum S_AB(ω) = ∫ dτ e^{−iωτ} ⟨A(τ)B(0)⟩ (QuTiP's convention) with the steady part
 * ⟨A⟩⟨B⟩·2πδ(ω) removed; {@code real} when A = B† (then {@code im} is zero).
 */
public record PowerSpectrumResult(String model, Map<String, Double> parameters, String a, String b, double[] omega,
                                  double[] re, double[] im, boolean real, Complex meanA, Complex meanB,
                                  String method, double seconds, List<String> warnings, List<Peak> peaks) {
    /**
     * A peak of S (of Re S when real, else of |S|): position and height refined on the exact S, half width at half
     * maximum (NaN when the half maximum is not reached inside the frequency list), and the Liouvillian eigenvalue
     * whose Im is nearest the position (null when not computed): for a Lorentzian mode, half width = −Re λ.
     */
    public record Peak(double omega, double height, double halfWidth, Complex eigenvalue) { }

    public PowerSpectrumResult {
        peaks = peaks == null ? List.of() : List.copyOf(peaks);
        parameters = Map.copyOf(parameters);
        warnings = List.copyOf(warnings);
        omega = omega.clone(); re = re.clone(); im = im.clone();
    }

    /** What the output says about the removed δ term. */
    public String steadyPartNote() {
        return "the steady part <A><B> 2 pi delta(omega) is removed (<A><B> = " + meanA.times(meanB) + ")";
    }
}
