package cumulus.solvers.dicke;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.solvers.space.CMatrix;
import cumulus.solvers.space.HermitianBasis;
import cumulus.solvers.space.InitialStates;
import cumulus.solvers.space.MatrixMarket;
import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.Moments;
import cumulus.solvers.space.ProductStates;
import cumulus.solvers.space.StateOperator;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The space of collective models: ρ on the M Dicke manifolds (dimension N+1 each) ⊗ one truncated
 * Fock space per bosonic mode, in the Hermitian operator basis of {@link HermitianBasis} (D² real coordinates);
 * the generator is {@link Liouvillian} of {@link NumericModel}'s form of Eq. 1.
 */
public final class DickeFockSpace implements LiouvillianSpace {
    private final NumericModel base;
    private final HermitianBasis basis;
    private final Moments moments;
    private DMatrixSparseCSC baseGenerator;

    /** @param values parameter values (for a schedule: those of its first segment) */
    public DickeFockSpace(Model model, Map<String, Double> values) {
        base = new NumericModel(model, values);
        basis = new HermitianBasis(base.dimension());
        List<Model.Observable> obs = model.observables();
        List<String> names = new ArrayList<>();
        List<CMatrix> ops = new ArrayList<>();
        for (Model.Observable o : obs) {
            names.add(o.name());
            ops.add(base.operator(o.operator()));
        }
        int k = ops.size();
        CMatrix[][] products = new CMatrix[k][k];
        for (int i = 0; i < k; i++) for (int j = i; j < k; j++) products[i][j] = ops.get(i).times(ops.get(j));
        moments = new Moments(names, (x, mean, second) -> {
            for (int i = 0; i < k; i++) {
                mean[i] = basis.expectation(ops.get(i), x).re();
                for (int j = i; j < k; j++) second[i][j] = basis.expectation(products[i][j], x).re();
            }
            return basis.trace(x);
        });
    }

    @Override public Model model() { return base.model(); }
    @Override public Map<String, Double> values() { return base.values(); }
    @Override public int dimension() { return base.dimension(); }
    @Override public int size() { return basis.size(); }
    @Override public int gridDims() { return 2 * (base.model().ensembles() + base.space().modes()); }
    @Override public List<String> warnings() { return base.warnings(); }
    @Override public double[] traceFunctional() { return basis.traceFunctional(); }
    @Override public double[] traceNormWeights() { return basis.traceNorms(); }
    @Override public int traceAnchor() { return basis.diag(0); }
    @Override public Moments moments() { return moments; }
    @Override public StateOperator operator(cumulus.api.OpSum operator) {
        return new StateOperator(List.of(basis), new int[]{0}, List.of(base.operator(operator)), basis.size());
    }
    public HilbertSpace hilbertSpace() { return base.space(); }
    public HermitianBasis basis() { return basis; }

    @Override public String description() {
        return "Dicke ⊗ Fock space (Hilbert dimension " + dimension() + ", " + size() + " real unknowns)";
    }

    @Override public DMatrixSparseCSC generator(Map<String, Double> values) {
        if (values.equals(base.values()) || values == base.values()) {
            if (baseGenerator == null) baseGenerator = Liouvillian.assemble(base).matrix();
            return baseGenerator;
        }
        return Liouvillian.assemble(new NumericModel(base.model(), values)).matrix();
    }

    /**
     * The product of each ensemble's collective state and each mode's boson state ({@link InitialStates};
     * a thermal boson is a mixture, and the modes' mixtures multiply term by term), or the density
     * matrix of a Matrix Market file ({@link MatrixMarket}).
     */
    @Override public double[] initialState(InitialState init, List<String> warnings) {
        HilbertSpace space = base.space();
        if (init.densityMatrixFile() != null) {
            double[][][] rho = MatrixMarket.density(java.nio.file.Path.of(init.densityMatrixFile()), space.dimension());
            return basis.coordinates(rho[0], rho[1]);
        }
        if (init.spins().size() != space.ensembles())
            throw new cumulus.api.ModelException("initial state has " + init.spins().size() + " spin states but the model has " + space.ensembles() + " ensembles");
        double[] pr = {1}, pi = {0};
        for (InitialState.SpinState s : init.spins()) {
            double[][] a = InitialStates.spin(space.spins(), s);
            double[][] k = ProductStates.kron(pr, pi, a[0], a[1]);
            pr = k[0];
            pi = k[1];
        }
        if (!space.hasBoson()) return ProductStates.pure(basis, pr, pi);
        return InitialStates.mixture(basis, pr, pi, InitialStates.modes(space.modes(), space::cutoff, init, warnings));
    }

    @Override public boolean truncated() { return base.space().hasBoson(); }

    /** The largest over the modes of the population of a mode's top Fock state (SPEC.md). */
    @Override public double topFock(double[] x) { return LiouvillianSpace.largestTopFock(topFockPerMode(x)); }

    /** The mode whose top Fock state holds the most, by name, when there are several modes (null for one). */
    @Override public String topFockMode(double[] x) { return LiouvillianSpace.topFockHolder(base.model(), topFockPerMode(x)); }

    /** Tr(ρ P_k) / Tr ρ for each mode k, P_k the projector on mode k's top Fock state. */
    public double[] topFockPerMode(double[] x) {
        HilbertSpace space = base.space();
        double[] top = new double[space.modes()];
        for (int p = 0; p < space.dimension(); p++) {
            double pop = Double.NaN;
            for (int k = 1; k <= top.length; k++) {
                if (!space.isTopFock(p, k)) continue;
                if (Double.isNaN(pop)) pop = basis.re(x, p, p);
                top[k - 1] += pop;
            }
        }
        double tr = basis.trace(x);
        for (int k = 0; k < top.length; k++) top[k] /= tr;
        return top;
    }

    @Override public List<String> extraColumns() { return base.space().hasBoson() ? List.of("top_fock") : List.of(); }

    @Override public double[] extraValues(double[] x) { return base.space().hasBoson() ? new double[]{topFock(x)} : new double[0]; }
}
