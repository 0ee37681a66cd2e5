package cumulus.solvers.piqs;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Op;
import cumulus.api.OpSum;
import cumulus.solvers.space.CMatrix;
import cumulus.solvers.space.HermitianBasis;
import cumulus.solvers.space.InitialStates;
import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.Moments;
import cumulus.solvers.space.ProductStates;
import cumulus.solvers.space.StateOperator;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The space of models with local dissipation and a boson or several ensembles: the tensor product
 * of the per-ensemble permutation-invariant spaces (⊕_j for an ensemble with local dissipation, its
 * Dicke manifold j = N/2 otherwise) and the Fock space, ρ = ⊕_J P_J ({@link ProductBlocks}), with the
 * generator of {@link ProductLiouvillian}. Collective operators (S_i^a, a, a†) act inside each block
 * J, so every moment and the top-Fock population are sums over the blocks. Its spectrum is that of
 * the <b>permutation-symmetric sector</b> of every ensemble (the full Liouvillian has further modes
 * that a permutation-invariant state never reaches).
 */
public final class ProductPermutationSpace implements LiouvillianSpace {
    private final ProductLiouvillian base;
    private final ProductBlocks sp;
    private final Moments moments;

    /** @param values parameter values (for a schedule: those of its first segment) */
    public ProductPermutationSpace(Model model, Map<String, Double> values) {
        base = ProductLiouvillian.assemble(model, values);
        sp = base.space();
        List<Model.Observable> obs = model.observables();
        List<String> names = new ArrayList<>();
        for (Model.Observable o : obs) names.add(o.name());
        int k = obs.size(), nb = sp.blocks();
        CMatrix[][] ops = new CMatrix[nb][k];
        CMatrix[][][] products = new CMatrix[nb][k][k];
        for (int b = 0; b < nb; b++) {
            Map<Op, CMatrix> cache = new HashMap<>();
            for (int i = 0; i < k; i++) ops[b][i] = ProductLiouvillian.operator(obs.get(i).operator(), sp, b, base.values(), cache);
            for (int i = 0; i < k; i++) for (int j = i; j < k; j++) products[b][i][j] = ops[b][i].times(ops[b][j]);
        }
        moments = new Moments(names, (x, mean, second) -> {
            for (int b = 0; b < nb; b++) {
                HermitianBasis hb = sp.basis(b);
                double[] part = sp.part(x, b);
                for (int i = 0; i < k; i++) {
                    mean[i] += hb.expectation(ops[b][i], part).re();
                    for (int j = i; j < k; j++) second[i][j] += hb.expectation(products[b][i][j], part).re();
                }
            }
            return sp.trace(x);
        });
    }

    public ProductBlocks blocks() { return sp; }

    @Override public Model model() { return base.model(); }
    @Override public Map<String, Double> values() { return base.values(); }
    @Override public int dimension() { return sp.states(); }
    @Override public int size() { return sp.size(); }

    /** (j, m, m') per ensemble with local dissipation, (m, m') per other ensemble, (n, n') for the boson. */
    @Override public int gridDims() {
        int g = 2 * sp.modes();
        for (int i = 0; i < sp.ensembles(); i++) g += sp.local(i) ? 3 : 2;
        return g;
    }

    @Override public List<String> warnings() { return base.warnings(); }
    @Override public double[] traceFunctional() { return sp.traceFunctional(); }
    @Override public int traceAnchor() { return sp.offset(0) + sp.basis(0).diag(0); }
    @Override public Moments moments() { return moments; }

    @Override public StateOperator operator(OpSum operator) {
        List<HermitianBasis> bases = new ArrayList<>();
        List<CMatrix> ops = new ArrayList<>();
        int[] offsets = new int[sp.blocks()];
        for (int b = 0; b < sp.blocks(); b++) {
            bases.add(sp.basis(b));
            offsets[b] = sp.offset(b);
            ops.add(ProductLiouvillian.operator(operator, sp, b, base.values(), new HashMap<>()));
        }
        return new StateOperator(bases, offsets, ops, sp.size());
    }

    @Override public String description() {
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < sp.ensembles(); i++) {
            if (i > 0) f.append(" ⊗ ");
            f.append(sp.local(i) ? "⊕_j (ensemble " + (i + 1) + ")" : "Dicke j = N/2 (ensemble " + (i + 1) + ")");
        }
        for (int k = 1; k <= sp.modes(); k++) f.append(" ⊗ Fock (").append(sp.modes() > 1 ? "mode " + base.model().boson(k).name() + ", " : "").append("cutoff ").append(sp.cutoff(k)).append(")");
        return "permutation-invariant product space " + f + ", " + PermutationInvariantSpace.SECTOR + " of each ensemble ("
                + sp.blocks() + " blocks of total spins, " + sp.states() + " basis states, " + sp.size()
                + " real unknowns; the full Liouvillian can have a smaller gap)";
    }

    @Override public DMatrixSparseCSC generator(Map<String, Double> values) {
        if (values.equals(base.values()) || values == base.values()) return base.matrix();
        return ProductLiouvillian.assemble(base.model(), values).matrix();
    }

    /**
     * The product of each ensemble's collective state (in j = N/2) and the boson state (a mixture for a
     * thermal boson): it lives in block 0, laid out as the Dicke ⊗ Fock space.
     */
    @Override public double[] initialState(InitialState init, List<String> warnings) {
        if (init.densityMatrixFile() != null)
            throw new ModelException("initial state file:" + init.densityMatrixFile() + ": a density-matrix file is read in the Dicke ⊗ Fock basis, "
                    + "which a model with local dissipation does not use (its states are block-diagonal over the total spins j); start from up, down, coherent, dicke:M or squeezed:MU");
        if (init.spins().size() != sp.ensembles())
            throw new ModelException("initial state has " + init.spins().size() + " spin states but the model has " + sp.ensembles() + " ensembles");
        double[] pr = {1}, pi = {0};
        for (InitialState.SpinState s : init.spins()) {
            double[][] a = InitialStates.spin(sp.spins(), s);
            double[][] k = ProductStates.kron(pr, pi, a[0], a[1]);
            pr = k[0];
            pi = k[1];
        }
        double[] b0;
        if (sp.hasBoson()) {
            b0 = InitialStates.mixture(sp.basis(0), pr, pi, InitialStates.modes(sp.modes(), sp::cutoff, init, warnings));
        } else b0 = ProductStates.pure(sp.basis(0), pr, pi);
        double[] x = new double[sp.size()];
        System.arraycopy(b0, 0, x, sp.offset(0), b0.length);
        return x;
    }

    @Override public boolean truncated() { return sp.hasBoson(); }

    /** The largest over the modes of Σ_J Tr(P_J |K_k−1⟩⟨K_k−1|) / Tr ρ (SPEC.md). */
    @Override public double topFock(double[] x) { return LiouvillianSpace.largestTopFock(topFockPerMode(x)); }

    /** The mode whose top Fock state holds the most, by name, when there are several modes (null for one). */
    @Override public String topFockMode(double[] x) { return LiouvillianSpace.topFockHolder(base.model(), topFockPerMode(x)); }

    /** Per mode k: the weight of basis states whose factor (M + k − 1) is in its top Fock state. */
    private double[] topFockPerMode(double[] x) {
        double[] top = new double[sp.modes()];
        for (int b = 0; b < sp.blocks(); b++) {
            HermitianBasis hb = sp.basis(b);
            int[] dims = sp.factorDimensions(b);
            for (int k = 0; k < sp.modes(); k++) {
                int f = sp.ensembles() + k, c = dims[f], stride = 1;
                for (int g = dims.length - 1; g > f; g--) stride *= dims[g];
                for (int p = 0; p < sp.dim(b); p++) if ((p / stride) % c == c - 1) top[k] += x[sp.offset(b) + hb.diag(p)];
            }
        }
        double tr = sp.trace(x);
        for (int k = 0; k < top.length; k++) top[k] /= tr;
        return top;
    }

    @Override public List<String> extraColumns() { return sp.hasBoson() ? List.of("top_fock", "spin_j_max") : List.of("spin_j_max"); }

    /** top_fock with a boson; spin_j_max: the weight of block 0 (every ensemble at j = N/2). */
    @Override public double[] extraValues(double[] x) {
        double tr = sp.trace(x), w = 0;
        for (int p = 0; p < sp.dim(0); p++) w += x[sp.offset(0) + sp.basis(0).diag(p)];
        return sp.hasBoson() ? new double[]{topFock(x), w / tr} : new double[]{w / tr};
    }

    @Override public int[] sectorOffsets() {
        int[] o = new int[sp.blocks()];
        for (int b = 0; b < o.length; b++) o[b] = sp.offset(b);
        return o;
    }
}
