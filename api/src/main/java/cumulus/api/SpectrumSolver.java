package cumulus.api;

import java.util.Map;

/** Computes Liouvillian eigenvalues of largest real part (SPEC.md "Spectrum"). */
public interface SpectrumSolver {
    /** The name used by {@code cumulus spectrum --method NAME}. */
    String method();

    SpectrumResult spectrum(Model model, Map<String, Double> parameters, int count);
}
