package cumulus.cumulant;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Initial values of the unknowns of a cumulant hierarchy for SPEC.md's product states. Symmetrized
 * cumulants are the Taylor coefficients of log⟨exp(Σ λ_j o_j)⟩, so they add over independent
 * spins and vanish between different subsystems. For N spins-1/2 along n, m = S/S = (1/N) Σ σ_k:
 * log⟨e^{μ·σ}⟩ = log(cosh|μ| + (μ·n) sinh|μ|/|μ|), μ = λ/N, gives
 * K(m^a) = n_a, K(m^a, m^b) = (δ_ab − n_a n_b)/N (the S10 scaling),
 * K(m^a, m^b, m^c) = [2 n_a n_b n_c − (2/3)(n_a δ_bc + n_b δ_ac + n_c δ_ab)]/N², higher orders set to 0
 * by the closure. A boson coherent state |α⟩ is Gaussian: ⟨x⟩ = α sqrt(2/(N ω_b)), ⟨p⟩ = 0,
 * K(x,x) = 1/(2 N ω_b), K(p,p) = ω_b/(2N), K(x,p) = 0.
 */
final class ProductStateCumulants {
    private ProductStateCumulants() { }

    /**
     * A letter: ensemble (1-based) and component 0..2, or a boson quadrature of mode k as ensemble −k
     * (component 0 = x_k, 1 = p_k); letters of different ensembles or modes are independent.
     */
    private record Letter(int ensemble, int component) { }

    static double[] initialValues(List<String> unknowns, Model model, Map<String, Double> params, InitialState init) {
        if (init.densityMatrixFile() != null)
            throw new ModelException("initial state file:" + init.densityMatrixFile() + ": mean-field and cumulant methods start from product states (spin-coherent states and a Gaussian boson); "
                    + "a density-matrix file needs --method exact");
        for (InitialState.SpinState s : init.spins())
            if (!s.coherent())
                throw new ModelException("initial state " + s + ": mean-field and cumulant methods start from spin-coherent states (up, down, coherent:THETA,PHI); "
                        + "Dicke and twisted states need --method exact");
        double n = params.getOrDefault("N", 1.0);
        double[] out = new double[unknowns.size()];
        for (int k = 0; k < unknowns.size(); k++) out[k] = value(unknowns.get(k), model, params, init, n);
        return out;
    }

    private static double value(String name, Model model, Map<String, Double> params, InitialState init, double n) {
        List<Letter> letters = new ArrayList<>();
        if (name.startsWith("K(") && name.endsWith(")")) {
            for (String s : name.substring(2, name.length() - 1).split(",")) letters.add(letter(s.trim()));
        } else letters.add(letter(name));
        int e = letters.get(0).ensemble();
        for (Letter l : letters) if (l.ensemble() != e) return 0; // independent subsystems
        if (e < 0) return boson(letters, -e, model, params, init, n);
        InitialState.SpinState s = init.spins().get(e - 1);
        double[] dir = {Math.sin(s.theta()) * Math.cos(s.phi()), Math.sin(s.theta()) * Math.sin(s.phi()), Math.cos(s.theta())};
        return switch (letters.size()) {
            case 1 -> dir[letters.get(0).component()];
            case 2 -> {
                int a = letters.get(0).component(), b = letters.get(1).component();
                yield ((a == b ? 1 : 0) - dir[a] * dir[b]) / n;
            }
            case 3 -> {
                int a = letters.get(0).component(), b = letters.get(1).component(), c = letters.get(2).component();
                double d = dir[a] * (b == c ? 1 : 0) + dir[b] * (a == c ? 1 : 0) + dir[c] * (a == b ? 1 : 0);
                yield (2 * dir[a] * dir[b] * dir[c] - 2.0 / 3.0 * d) / (n * n);
            }
            default -> throw new ModelException("initial values for cumulants of " + letters.size() + " letters are not implemented (closure order > 3)");
        };
    }

    /**
     * Gaussian boson states (coherent |α⟩, squeezed vacuum S(ξ)|0⟩, thermal ρ_n̄): with
     * x = (a + a†)/sqrt(2Nω), p = i sqrt(ω/2N)(a† − a), ⟨x⟩ = sqrt(2/(Nω)) Re α, ⟨p⟩ = sqrt(2ω/N) Im α,
     * K(x,x) = c_x/(2Nω), K(p,p) = ω c_p/(2N), K(x,p) (symmetrized) = −sinh 2r sin φ/(2N), where
     * c_x = cosh 2r − sinh 2r cos φ, c_p = cosh 2r + sinh 2r cos φ for ξ = r e^{iφ}, c_x = c_p = 2n̄ + 1
     * for a thermal state; higher cumulants vanish.
     */
    private static double boson(List<Letter> letters, int mode, Model model, Map<String, Double> params, InitialState init, double n) {
        double w = model.boson(mode).frequency().evaluate(params).re();
        InitialState.BosonState b = init.boson(mode);
        if (letters.size() == 1)
            return letters.get(0).component() == 0 ? b.alpha() * Math.sqrt(2 / (n * w)) : b.alphaIm() * Math.sqrt(2 * w / n);
        if (letters.size() == 2) {
            int a = letters.get(0).component(), c = letters.get(1).component();
            double r = b.squeezing(), phi = b.squeezingPhase();
            double cx = b.thermal() > 0 ? 2 * b.thermal() + 1 : Math.cosh(2 * r) - Math.sinh(2 * r) * Math.cos(phi);
            double cp = b.thermal() > 0 ? 2 * b.thermal() + 1 : Math.cosh(2 * r) + Math.sinh(2 * r) * Math.cos(phi);
            if (a != c) return b.thermal() > 0 ? 0 : -Math.sinh(2 * r) * Math.sin(phi) / (2 * n);
            return a == 0 ? cx / (2 * n * w) : w * cp / (2 * n);
        }
        return 0; // Gaussian: higher cumulants vanish
    }

    private static Letter letter(String s) {
        if (s.matches("[xp]\\d*")) return new Letter(s.length() == 1 ? -1 : -Integer.parseInt(s.substring(1)), s.charAt(0) == 'x' ? 0 : 1);
        if (s.matches("m\\d+[xyz]")) {
            int e = Integer.parseInt(s.substring(1, s.length() - 1));
            return new Letter(e, "xyz".indexOf(s.charAt(s.length() - 1)));
        }
        throw new IllegalStateException("unknown letter '" + s + "' in a cumulant name");
    }
}
