package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.api.SpectrumResult;
import cumulus.models.Dephasing;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Collective dephasing (H = ω_x S^x, jump sqrt(γ/S) S^z, paper Fig. S2). λ_1 against
 * refs/dephasing_spectrum.csv for N ≤ 64 (1e-8 relative), and the large-N law: −Re λ_1 · N → γ/2
 * and Im λ_1 → ω_x (NOT 2ω_x), checked at N = 16, 24, 48 (add -Dcumulus.exact.large=true for N = 16..256;
 * slow on a shared machine). N ≤ 16: dense; larger N: the engine's sparse route,
 * shift-invert near 0 merged with the complex shift σ = s + iω_x (a real shift alone finds only
 * the many slow real modes nearer 0 and misses λ_1, whose real part is larger but which lies at
 * distance ~ω_x from the real axis).
 */
class DephasingGapTest {
    private final Model model = new Dephasing().model();

    private SpectrumResult spectrum(int n, double omega, double gamma) {
        Map<String, Double> p = Refs.params(model, "N", n, "omega_x", omega, "gamma", gamma);
        if (n <= 16) return new ExactEngine().spectrum(model, p, 4);
        SpectrumResult r = new ExactEngine(0).spectrum(model, p, 4);
        assertTrue(r.method().contains("shift-invert"), r.method());
        return r;
    }

    @Test
    void gapEigenvalueMatchesQutip() {
        for (Map<String, Double> ref : Refs.read("dephasing_spectrum.csv")) {
            int n = ref.get("N").intValue();
            SpectrumResult r = spectrum(n, ref.get("omega_x"), ref.get("gamma"));
            Complex want = new Complex(ref.get("re1"), Math.abs(ref.get("im1")));
            assertTrue(r.lambda1().minus(want).abs() <= 1e-8 * want.abs(),
                    "N=" + n + " gamma=" + ref.get("gamma") + ": " + r.lambda1() + " vs " + want + " (" + r.method() + ")");
        }
    }

    @Test
    void gapClosesAsOneOverNWithFrequencyOmegaX() {
        double omega = 1.3, gamma = 1;
        int[] sizes = Boolean.getBoolean("cumulus.exact.large") ? new int[]{16, 32, 64, 128, 256} : new int[]{16, 24, 48};
        for (int n : sizes) {
            SpectrumResult r = spectrum(n, omega, gamma);
            Complex l1 = r.lambda1();
            double g = gamma / (2.0 * n);
            // closed form (refs README): λ_1 = −γ/(2N) + i sqrt(ω_x² − (γ/(2N))²)
            assertEquals(gamma / 2, -l1.re() * n, 1e-7, "N=" + n + ": -Re(lambda_1) N");
            assertEquals(Math.sqrt(omega * omega - g * g), l1.im(), 1e-7, "N=" + n + ": Im(lambda_1)");
            assertTrue(Math.abs(l1.im() - omega) < 1e-3 && Math.abs(l1.im() - 2 * omega) > 1, "Im lambda_1 tends to omega_x, not 2 omega_x");
        }
    }
}
