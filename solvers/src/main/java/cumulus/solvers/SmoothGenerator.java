package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.api.Dissipator;
import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.OpSum;
import cumulus.api.Parameter;
import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.SymmetryBlocks;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator of a model whose coefficients depend on t smoothly, written exactly as
 * L(t) = L_0 + Σ_j φ_j(t) M_j with constant sparse matrices and scalar functions φ_j.
 *
 * <p>Why this is exact: L is real-linear in the Hamiltonian and in every rate. Each coefficient
 * c(t) of a Hamiltonian term O is replaced by two real symbols u, v and the term by
 * u·(O + O†)/2 + v·i(O − O†)/2, which is Hermitian for any u, v and equals the Hermitian part of
 * c(t)·O at u = Re c(t), v = Im c(t) (the t-dependent part of a Hermitian H is Hermitian, since the
 * constant part is checked Hermitian by the space). A t-dependent jump rate, local rate, or
 * single-term jump operator c(t)·O (rate·|c|²·D[O]) becomes one symbol w; a t-dependent Γ or local
 * γ matrix is written in the Hermitian basis (u_aa; u_ab ± i v_ab). The rewritten model has no t;
 * its space gives L_0 (all symbols 0) and M_j = L(e_j) − L_0, once per schedule segment. No engine
 * evaluates the drive at t = 0: φ_j(t) is evaluated at every time the integrator asks for.
 * A jump operator Σ_k c_k(t) O_k with several terms is expanded by polarization ({@link #expandJump}).
 */
public final class SmoothGenerator {
    private static final String PREFIX = "drive_";

    /** One scalar function φ_j(t) of the values (t among them), and the coefficient it comes from (for messages). */
    private record Feature(Expr coefficient, java.util.function.ToDoubleFunction<Map<String, Double>> value) {
        /** The real or imaginary part of a coefficient. */
        static Feature part(Expr c, boolean imaginary) {
            return new Feature(c, v -> imaginary ? c.evaluate(v).im() : c.evaluate(v).re());
        }

        double at(Map<String, Double> values) { return value.applyAsDouble(values); }
    }

    /** L_0 and the M_j during one schedule segment, with that segment's values. */
    private record Segment(Map<String, Double> values, DMatrixSparseCSC constant, List<DMatrixSparseCSC> parts) { }

    private final LiouvillianSpace space;
    private final List<Feature> features;
    private final List<Segment> segments;
    private final List<String> warnings;

    private SmoothGenerator(LiouvillianSpace space, List<Feature> features, List<Segment> segments, List<String> warnings) {
        this.space = space;
        this.features = features;
        this.segments = segments;
        this.warnings = warnings;
    }

    /**
     * Builds L_0 and the M_j of every schedule segment (one segment without a schedule).
     * @param horizon the coefficients are checked (rates real, Γ Hermitian, Lindblad form) at 33
     *        times in [0, horizon]
     */
    public static SmoothGenerator of(Model model, Map<String, Double> parameters, double horizon) {
        List<Feature> features = new ArrayList<>();
        Model rewritten = rewrite(model, features);
        Map<String, Double> zero = new LinkedHashMap<>(parameters);
        for (int j = 0; j < features.size(); j++) zero.put(PREFIX + j, 0.0);
        LiouvillianSpace space = Spaces.of(rewritten, zero);
        List<String> warnings = new ArrayList<>();
        int segs = model.isPeriodic() ? model.schedule().segments().size() : 1;
        List<Segment> segments = new ArrayList<>();
        for (int k = 0; k < segs; k++) {
            Map<String, Double> values = model.isPeriodic() ? model.schedule().valuesIn(k, parameters) : new LinkedHashMap<>(parameters);
            if (!values.containsKey("S") && values.containsKey("N")) values.put("S", values.get("N") / 2);
            for (int i = 0; i <= 32; i++) {
                Map<String, Double> at = new LinkedHashMap<>(values);
                at.put("t", horizon * i / 32);
                for (String w : model.checkCoefficients(at)) if (!warnings.contains(w)) warnings.add(w);
            }
            Map<String, Double> base = new LinkedHashMap<>(values);
            for (int j = 0; j < features.size(); j++) base.put(PREFIX + j, 0.0);
            DMatrixSparseCSC l0 = space.generator(base).copy();
            List<DMatrixSparseCSC> parts = new ArrayList<>();
            for (int j = 0; j < features.size(); j++) {
                Map<String, Double> probe = new LinkedHashMap<>(base);
                probe.put(PREFIX + j, 1.0);
                DMatrixSparseCSC lj = space.generator(probe);
                DMatrixSparseCSC mj = new DMatrixSparseCSC(l0.numRows, l0.numCols, 0);
                CommonOps_DSCC.add(1, lj, -1, l0, mj, null, null);
                CommonOps_DSCC.removeZeros(mj, 0);
                parts.add(mj);
            }
            segments.add(new Segment(Map.copyOf(values), l0, List.copyOf(parts)));
        }
        return new SmoothGenerator(space, List.copyOf(features), List.copyOf(segments), List.copyOf(warnings));
    }

    /** The space (of the rewritten, t-free model: same coordinates, observables and initial states). */
    public LiouvillianSpace space() { return space; }

    /** Coefficient warnings collected over the horizon. */
    public List<String> warnings() { return warnings; }

    /** Number of schedule segments. */
    public int segmentCount() { return segments.size(); }

    /** Every constant matrix (L_0 and the M_j of every segment): what the symmetry blocks must respect. */
    public List<DMatrixSparseCSC> matrices() {
        List<DMatrixSparseCSC> out = new ArrayList<>();
        for (Segment s : segments) {
            out.add(s.constant());
            out.addAll(s.parts());
        }
        return out;
    }

    /** The same generator on the coordinates {@code idx} of an invariant block. */
    public SmoothGenerator restrict(int[] idx) {
        List<Segment> out = new ArrayList<>();
        for (Segment s : segments)
            out.add(new Segment(s.values(), SymmetryBlocks.restrict(s.constant(), idx),
                    s.parts().stream().map(m -> SymmetryBlocks.restrict(m, idx)).toList()));
        return new SmoothGenerator(space, features, out, warnings);
    }

    /** Size of the vectors it acts on. */
    public int size() { return segments.get(0).constant().numRows; }

    /** dy = L(t) y during schedule segment {@code segment}. */
    public void derivative(int segment, double t, double[] y, double[] dy) {
        Segment s = segments.get(segment);
        Map<String, Double> at = new LinkedHashMap<>(s.values());
        at.put("t", t);
        multiply(s.constant(), y, dy, 1, false);
        for (int j = 0; j < features.size(); j++) {
            double phi = features.get(j).at(at);
            if (!Double.isFinite(phi)) throw new ModelException("the coefficient " + features.get(j).coefficient() + " is " + phi + " at t = " + t + ": choose parameters that keep it finite");
            if (phi != 0) multiply(s.parts().get(j), y, dy, phi, true);
        }
    }

    /** out (+)= a·M·y. */
    private static void multiply(DMatrixSparseCSC m, double[] y, double[] out, double a, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(out, 0, m.numRows, 0);
        for (int c = 0; c < m.numCols; c++) {
            double v = a * y[c];
            if (v == 0) continue;
            for (int p = m.col_idx[c]; p < m.col_idx[c + 1]; p++) out[m.nz_rows[p]] += m.nz_values[p] * v;
        }
    }

    /** The model with every t-dependent coefficient replaced by real symbols drive_j; features receives φ_j. */
    private static Model rewrite(Model model, List<Feature> features) {
        OpSum h = OpSum.ZERO;
        for (OpSum.Term term : model.hamiltonian().terms()) {
            if (!usesTime(term.coefficient())) {
                h = h.plus(new OpSum(List.of(term)));
                continue;
            }
            OpSum o = new OpSum(List.of(new OpSum.Term(Expr.ONE, term.factors())));
            OpSum od = o.adjoint();
            Expr u = symbol(features, Feature.part(term.coefficient(), false));
            Expr v = symbol(features, Feature.part(term.coefficient(), true));
            h = h.plus(o.plus(od).scale(Expr.rat(1, 2).times(u)));
            h = h.plus(o.minus(od).scale(Expr.I.times(Expr.rat(1, 2)).times(v)));
        }
        List<Dissipator> dissipators = new ArrayList<>();
        for (Dissipator d : model.dissipators()) {
            if (d instanceof Dissipator.Jump j) {
                List<OpSum.Term> timed = j.operator().terms().stream().filter(x -> usesTime(x.coefficient())).toList();
                if (timed.isEmpty() && !usesTime(j.rate())) dissipators.add(d);
                else if (timed.isEmpty()) dissipators.add(new Dissipator.Jump(symbol(features, Feature.part(j.rate(), false)), j.operator()));
                else expandJump(j, dissipators, features);
            } else if (d instanceof Dissipator.Local l) {
                dissipators.add(usesTime(l.rate()) ? new Dissipator.Local(l.ensemble(), l.process(), symbol(features, Feature.part(l.rate(), false))) : d);
            } else if (d instanceof Dissipator.GammaMatrix g) {
                dissipators.add(timed(g.gamma()) ? new Dissipator.GammaMatrix(g.ensembles(), hermitianBasis(g.gamma(), features)) : d);
            } else if (d instanceof Dissipator.LocalGamma g) {
                dissipators.add(timed(g.gamma()) ? new Dissipator.LocalGamma(g.ensemble(), hermitianBasis(g.gamma(), features)) : d);
            }
        }
        java.util.Set<String> cutoffs = new java.util.HashSet<>();
        Model.Builder b = Model.builder(model.name()).description(model.description());
        if (model.ensembles() > 0) b.spinEnsembles(model.ensembles(), (int) Math.round(model.parameter("N").defaultValue()));
        for (Model.Boson m : model.bosons()) {
            int def = (int) Math.round(model.parameter(m.cutoffParameter()).defaultValue());
            if (model.bosons().size() == 1 && m.cutoffParameter().equals("cutoff")) b.boson(m.frequency(), def);
            else b.mode(m.name(), m.frequency(), m.cutoffParameter(), def);
            cutoffs.add(m.cutoffParameter());
        }
        for (Parameter p : model.parameters()) {
            if (p.name().equals("N") && model.ensembles() > 0) continue;
            if (cutoffs.contains(p.name())) continue;
            b.parameter(p);
        }
        for (int j = 0; j < features.size(); j++) b.real(PREFIX + j, 0, "value of a t-dependent coefficient");
        b.hamiltonian(h);
        if (model.isPeriodic()) b.schedule(model.schedule());
        for (Dissipator d : dissipators) {
            if (d instanceof Dissipator.Jump j) b.jump(j.rate(), j.operator());
            else if (d instanceof Dissipator.GammaMatrix g) b.gamma(g.ensembles(), g.gamma());
            else if (d instanceof Dissipator.Local l) b.local(l.ensemble(), l.process(), l.rate());
            else if (d instanceof Dissipator.LocalGamma g) b.localGamma(g.ensemble(), g.gamma());
        }
        return b.build();
    }

    /**
     * rate·D[Σ_k c_k O_k] = rate·Σ_k |c_k|² D[O_k] + rate·Σ_{k<l} [u_kl (D[O_k + O_l] − D[O_k] − D[O_l])
     * − v_kl (D[O_k + i O_l] − D[O_k] − D[O_l])], u_kl + i v_kl = c_k c_l*: the cross terms c_k c_l* D[O_k, O_l] + c.c.
     * of D[A, B]ρ = AρB† − ½{B†A, ρ} written with the polarization identities D[A + B] = D[A] + D[B] + D[A, B] + D[B, A]
     * and D[A + iB] = D[A] + D[B] − i D[A, B] + i D[B, A]. Every D[·] is a plain jump with a t-dependent rate, which
     * L is linear in; the individual rates may be negative, only their sum is a Lindblad dissipator.
     */
    private static void expandJump(Dissipator.Jump j, List<Dissipator> out, List<Feature> features) {
        List<OpSum.Term> terms = j.operator().terms();
        int n = terms.size();
        Expr rate = j.rate();
        Expr[] c = new Expr[n];
        List<OpSum> ops = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            c[k] = terms.get(k).coefficient();
            ops.add(new OpSum(List.of(new OpSum.Term(Expr.ONE, terms.get(k).factors()))));
        }
        // r·c_a c_b* at the values
        java.util.function.BiFunction<Integer, Integer, java.util.function.Function<Map<String, Double>, Complex>> product =
                (x, y) -> v -> c[x].evaluate(v).times(c[y].evaluate(v).conj()).times(rate.evaluate(v).re());
        for (int k = 0; k < n; k++) {
            final int kk = k;
            // D[O_k]: r (|c_k|² + Σ_{l≠k} (v − u) of the pair)
            out.add(new Dissipator.Jump(symbol(features, new Feature(c[k], v -> {
                double w = product.apply(kk, kk).apply(v).re();
                for (int l = 0; l < n; l++) if (l != kk) {
                    Complex z = product.apply(Math.min(kk, l), Math.max(kk, l)).apply(v);
                    w += z.im() - z.re();
                }
                return w;
            })), ops.get(k)));
            for (int l = k + 1; l < n; l++) {
                var z = product.apply(k, l);
                out.add(new Dissipator.Jump(symbol(features, new Feature(c[k], v -> z.apply(v).re())), ops.get(k).plus(ops.get(l))));
                out.add(new Dissipator.Jump(symbol(features, new Feature(c[k], v -> -z.apply(v).im())), ops.get(k).plus(ops.get(l).scale(Expr.I))));
            }
        }
    }

    /** Γ(t) = Σ_a u_aa E_aa + Σ_{a<b} [u_ab (E_ab + E_ba) + v_ab i(E_ab − E_ba)], u = Re Γ_ab(t), v = Im Γ_ab(t). */
    private static Expr[][] hermitianBasis(Expr[][] g, List<Feature> features) {
        int n = g.length;
        Expr[][] out = new Expr[n][n];
        for (int a = 0; a < n; a++) {
            out[a][a] = symbol(features, Feature.part(g[a][a], false));
            for (int c = a + 1; c < n; c++) {
                Expr u = symbol(features, Feature.part(g[a][c], false));
                Expr v = symbol(features, Feature.part(g[a][c], true));
                out[a][c] = u.plus(Expr.I.times(v));
                out[c][a] = u.minus(Expr.I.times(v));
            }
        }
        return out;
    }

    private static boolean timed(Expr[][] g) {
        for (Expr[] row : g) for (Expr e : row) if (usesTime(e)) return true;
        return false;
    }

    private static boolean usesTime(Expr e) { return e.symbols().contains("t"); }

    private static Expr symbol(List<Feature> features, Feature f) {
        features.add(f);
        return Expr.sym(PREFIX + (features.size() - 1));
    }
}
