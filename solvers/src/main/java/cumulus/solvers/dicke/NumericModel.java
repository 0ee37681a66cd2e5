package cumulus.solvers.dicke;

import cumulus.solvers.space.CMatrix;
import cumulus.solvers.space.Resources;

import cumulus.api.Complex;
import cumulus.api.Dissipator;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Op;
import cumulus.api.OpSum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Model} evaluated at numeric parameter values on its finite Hilbert space (Eq. 1; Dicke
 * manifolds ⊗ one Fock space per bosonic mode):
 * H (Eq. 2, checked Hermitian), and the dissipators written as L[ρ] = K ρ + ρ K† + Σ_t A_t ρ B_t with
 * K = −iH − G/2. A jump rate·D[L] contributes A = rate·L, B = L†, G += rate·L†L; a Γ matrix (Eq. 4)
 * contributes A = (Γ_ab/S) S^a, B = S^b and G += (1/S) Σ_ab Γ_ab S^b S^a.
 */
public final class NumericModel {

    /** One sandwich term A ρ B of the Liouvillian. */
    public record Sandwich(CMatrix left, CMatrix right) { }

    private final Model model;
    private final Map<String, Double> values;
    private final HilbertSpace space;
    private final CMatrix hamiltonian;
    private final CMatrix k;
    private final List<Sandwich> sandwiches = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<Op, CMatrix> cache = new HashMap<>();

    public NumericModel(Model model, Map<String, Double> parameters) {
        if (model.hasLocalDissipation())
            throw new ModelException("model " + model.name() + " has local dissipation (a process on every single spin): total spin is not conserved, "
                    + "so the Dicke-manifold engine does not apply; the permutation-invariant space (cumulus.solvers.piqs.PermutationInvariantSpace, "
                    + "used by ExactEngine for such models) handles it");
        this.model = model;
        Map<String, Double> v = new LinkedHashMap<>(parameters);
        v.putIfAbsent("t", 0.0);
        if (model.ensembles() > 0) {
            Double n = v.get("N");
            if (n == null) throw new ModelException("model " + model.name() + ": parameter N missing");
            v.putIfAbsent("S", n / 2);
        }
        this.values = v;
        warnings.addAll(model.checkCoefficients(v));
        int n = model.ensembles() > 0 ? (int) Math.round(v.get("N")) : 0;
        int[] cutoffs = new int[model.bosons().size()];
        for (int k = 0; k < cutoffs.length; k++) {
            String cp = model.bosons().get(k).cutoffParameter();
            Double c = v.get(cp);
            if (c == null) throw new ModelException("model " + model.name() + ": cutoff parameter '" + cp + "' missing");
            cutoffs[k] = (int) Math.round(c);
        }
        space = new HilbertSpace(model.ensembles(), n, cutoffs);
        int d = space.dimension();
        Resources.admit(Resources.assembly("model " + model.name() + " (Dicke ⊗ Fock, Hilbert dimension " + d + ")", (long) d * d, 8));

        hamiltonian = operator(model.hamiltonian());
        checkHermitian();

        CMatrix g = CMatrix.zero(d, d);
        double s = model.ensembles() > 0 ? v.get("S") : 1;
        for (Dissipator dis : model.dissipators()) {
            if (dis instanceof Dissipator.Jump j) {
                double rate = j.rate().evaluate(v).re();
                CMatrix l = operator(j.operator());
                CMatrix ld = l.adjoint();
                sandwiches.add(new Sandwich(l.scale(rate), ld));
                g = g.plus(ld.times(l).scale(rate));
            } else if (dis instanceof Dissipator.GammaMatrix gm) {
                // rows (i, a): S_i^a of each listed ensemble (Γ across ensembles)
                Op.Component[] xyz = {Op.Component.X, Op.Component.Y, Op.Component.Z};
                CMatrix[] sa = new CMatrix[gm.size()];
                for (int a = 0; a < sa.length; a++) sa[a] = space.operator(new Op.Spin(gm.ensembleOf(a), xyz[a % 3]));
                for (int a = 0; a < sa.length; a++) for (int b = 0; b < sa.length; b++) {
                    Complex gab = gm.get(a, b).evaluate(v).times(1 / s);
                    if (gab.abs() == 0) continue;
                    sandwiches.add(new Sandwich(sa[a].scale(gab), sa[b]));
                    g = g.plus(sa[b].times(sa[a]).scale(gab));
                }
            } else {
                throw new ModelException("model " + model.name() + ": dissipator " + dis + " acts on single spins; the Dicke-manifold exact engine "
                        + "handles only collective jumps and Γ matrices (local processes need the permutation-invariant engine)");
            }
        }
        k = hamiltonian.scale(new Complex(0, -1)).plus(g.scale(-0.5));
    }

    private void checkHermitian() {
        double err = hamiltonian.hermiticityError();
        double scale = Math.max(1, hamiltonian.maxAbs());
        if (err > 1e-10 * scale) {
            List<String> bad = new ArrayList<>();
            for (OpSum.Term t : model.hamiltonian().terms()) {
                CMatrix m = operator(new OpSum(List.of(t)));
                if (m.hermiticityError() > 1e-10 * Math.max(1, m.maxAbs())) bad.add(t + " (= " + t.coefficient().evaluate(values) + " ...)");
            }
            throw new ModelException("model " + model.name() + ": the Hamiltonian is not Hermitian at these parameters (max |H - H^dag| = "
                    + String.format("%.3g", err) + "); terms that are not Hermitian on their own: " + bad
                    + " — add their adjoints or use real coefficients");
        }
    }

    /** Matrix of an operator sum at these parameter values. */
    public CMatrix operator(OpSum sum) {
        return CMatrix.ofSum(sum, values, space.dimension(), cache, space::operator);
    }

    public Model model() { return model; }
    public Map<String, Double> values() { return values; }
    public HilbertSpace space() { return space; }
    public int dimension() { return space.dimension(); }
    public CMatrix hamiltonian() { return hamiltonian; }
    /** K = −iH − ½ Σ (rate L†L or Γ terms). */
    public CMatrix k() { return k; }
    public List<Sandwich> sandwiches() { return List.copyOf(sandwiches); }
    public List<String> warnings() { return List.copyOf(warnings); }
    public double spinLength() { return model.ensembles() > 0 ? values.get("S") : Double.NaN; }
}
