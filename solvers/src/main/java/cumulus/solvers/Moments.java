package cumulus.solvers;

import cumulus.api.Model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expectations ⟨O⟩ = Tr(Oρ) of the model's observables (Eq. 5: m_i^a = S_i^a/S, x, p), the
 * symmetrized second cumulants K_s(A,B) = Re Tr(ABρ) − ⟨A⟩⟨B⟩ (= ⟨{A,B}⟩/2 − ⟨A⟩⟨B⟩ for
 * Hermitian A, B), and SPEC.md's sums
 * C_diag = Σ_i Σ_a K_s(m_i^a, m_i^a) and
 * C_all = Σ_{i≤j} Σ_{a,b} K_s(m_i^a, m_j^b), where for i = j the sum runs over all ordered pairs
 * (a, b) — both (x,y) and (y,x) — as written in SPEC.md; this convention reproduces
 * refs/btc_pair.csv (the alternative with a ≤ b for i = j does not).
 */
public final class Moments {
    private final List<String> names = new ArrayList<>();
    private final List<CMatrix> ops = new ArrayList<>();
    private final int[] ensemble; // 1-based ensemble of a spin observable, 0 for boson ones
    private final CMatrix[][] products;
    private final HilbertSpace space;

    public Moments(NumericModel nm) {
        Model m = nm.model();
        this.space = nm.space();
        List<Model.Observable> obs = m.observables();
        ensemble = new int[obs.size()];
        for (int i = 0; i < obs.size(); i++) {
            names.add(obs.get(i).name());
            ops.add(nm.operator(obs.get(i).operator()));
            String nmn = obs.get(i).name();
            ensemble[i] = nmn.matches("m\\d+[xyz]") ? Integer.parseInt(nmn.substring(1, nmn.length() - 1)) : 0;
        }
        int k = ops.size();
        products = new CMatrix[k][k];
        for (int i = 0; i < k; i++) for (int j = i; j < k; j++) products[i][j] = ops.get(i).times(ops.get(j));
    }

    public List<String> names() { return List.copyOf(names); }
    public boolean isSpin(int i) { return ensemble[i] > 0; }

    /** All moments of one state; {@code cAllUpper} is the rejected a ≤ b reading of C_all (kept for comparison). */
    public record Values(double[] mean, double[][] ks, double cDiag, double cAll, double cAllUpper, double topFock) {
        public double second(int i) { return ks[i][i] + mean[i] * mean[i]; }
    }

    public Values evaluate(HermitianBasis basis, double[] x) {
        int k = ops.size();
        double tr = basis.trace(x);
        double[] mean = new double[k];
        for (int i = 0; i < k; i++) mean[i] = basis.expectation(ops.get(i), x).re() / tr;
        double[][] ks = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = i; j < k; j++) {
            double v = basis.expectation(products[i][j], x).re() / tr - mean[i] * mean[j];
            ks[i][j] = v; ks[j][i] = v;
        }
        double cDiag = 0, cAll = 0, cAllUpper = 0;
        for (int i = 0; i < k; i++) {
            if (ensemble[i] == 0) continue;
            cDiag += ks[i][i];
            for (int j = 0; j < k; j++) {
                if (ensemble[j] == 0 || ensemble[i] > ensemble[j]) continue;
                cAll += ks[i][j];                                           // i = j ensemble: all ordered (a, b)
                if (ensemble[i] < ensemble[j] || i <= j) cAllUpper += ks[i][j]; // alternative: a <= b only
            }
        }
        double top = Double.NaN;
        if (space.hasBoson()) {
            top = 0;
            for (int p = 0; p < space.dimension(); p++) if (space.isTopFock(p)) top += basis.re(x, p, p);
            top /= tr;
        }
        return new Values(mean, ks, cDiag, cAll, cAllUpper, top);
    }

    public Map<String, Double> expectations(Values v) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) out.put(names.get(i), v.mean[i]);
        return out;
    }

    /** "K(a,b)" for i ≤ j in observable order. */
    public Map<String, Double> cumulants(Values v) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) for (int j = i; j < names.size(); j++)
            out.put("K(" + names.get(i) + "," + names.get(j) + ")", v.ks[i][j]);
        return out;
    }
}
