package cumulus.solvers.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expectations ⟨O⟩ = Tr(Oρ)/Tr ρ of the model's observables (Eq. 5: m_i^a = S_i^a/S, x, p), the
 * symmetrized second cumulants K_s(A,B) = Re Tr(ABρ)/Tr ρ − ⟨A⟩⟨B⟩ (= ⟨{A,B}⟩/2 − ⟨A⟩⟨B⟩ for
 * Hermitian A, B), and SPEC.md's sums C_diag = Σ_i Σ_a K_s(m_i^a, m_i^a) and
 * C_all = Σ_{i≤j} Σ_{a,b} K_s(m_i^a, m_j^b), where for i = j the sum runs over all ordered pairs
 * (a, b) — both (x,y) and (y,x) — as SPEC.md writes it; this reproduces refs/btc_pair.csv (the
 * reading with a ≤ b for i = j does not). A space supplies the raw traces ({@link Source}); the
 * normalization and the sums are done here, once.
 */
public final class Moments {

    /** The traces a space computes for a state x. */
    public interface Source {
        /** Fills {@code mean[i]} = Re Tr(O_i ρ) and {@code second[i][j]} = Re Tr(O_i O_j ρ) for i ≤ j; returns Tr ρ. */
        double traces(double[] x, double[] mean, double[][] second);
    }

    /** All moments of one state. */
    public record Values(double[] mean, double[][] ks, double cDiag, double cAll) {
        public double second(int i) { return ks[i][i] + mean[i] * mean[i]; }
    }

    private final List<String> names;
    private final int[] ensemble; // 1-based ensemble of a spin observable, 0 for boson ones
    private final Source source;

    public Moments(List<String> names, Source source) {
        this.names = List.copyOf(names);
        this.source = source;
        ensemble = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            ensemble[i] = n.matches("m\\d+[xyz]") ? Integer.parseInt(n.substring(1, n.length() - 1)) : 0;
        }
    }

    public List<String> names() { return names; }

    public Values evaluate(double[] x) {
        int k = names.size();
        double[] mean = new double[k];
        double[][] second = new double[k][k];
        double tr = source.traces(x, mean, second);
        for (int i = 0; i < k; i++) mean[i] /= tr;
        double[][] ks = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = i; j < k; j++) {
            double v = second[i][j] / tr - mean[i] * mean[j];
            ks[i][j] = v;
            ks[j][i] = v;
        }
        double cDiag = 0, cAll = 0;
        for (int i = 0; i < k; i++) {
            if (ensemble[i] == 0) continue;
            cDiag += ks[i][i];
            for (int j = 0; j < k; j++)
                if (ensemble[j] != 0 && ensemble[i] <= ensemble[j]) cAll += ks[i][j]; // i = j ensemble: all ordered (a, b)
        }
        return new Values(mean, ks, cDiag, cAll);
    }

    public Map<String, Double> expectations(Values v) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) out.put(names.get(i), v.mean()[i]);
        return out;
    }

    /** "K(a,b)" for i ≤ j in observable order. */
    public Map<String, Double> cumulants(Values v) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) for (int j = i; j < names.size(); j++)
            out.put("K(" + names.get(i) + "," + names.get(j) + ")", v.ks()[i][j]);
        return out;
    }
}
