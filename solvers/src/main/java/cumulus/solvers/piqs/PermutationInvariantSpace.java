package cumulus.solvers.piqs;


import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.Moments;
import cumulus.solvers.space.ProductStates;
import cumulus.solvers.space.StateOperator;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The space of one ensemble of N spins-1/2 with local dissipation (paper Eq. 18): the
 * permutation-invariant state ⊕_j P_j over all total spins j ({@link DickeBlocks}), O(N³) real
 * unknowns instead of 4^N, with the generator of {@link PiqsLiouvillian}. Products of collective
 * operators act blockwise, so every moment is a sum over the blocks. Its spectrum is that of the
 * <b>permutation-symmetric sector</b> of L: the full 4^N Liouvillian also has modes that are not
 * permutation invariant (they never appear in the dynamics of a permutation-invariant state but
 * can have a smaller gap).
 */
public final class PermutationInvariantSpace implements LiouvillianSpace {
    public static final String SECTOR = "permutation-symmetric sector";

    private final PiqsLiouvillian base;
    private final DickeBlocks sp;
    private final Moments moments;

    /** @param values parameter values (for a schedule: those of its first segment) */
    public PermutationInvariantSpace(Model model, Map<String, Double> values) {
        base = PiqsLiouvillian.assemble(model, values);
        sp = base.space();
        List<Model.Observable> obs = model.observables();
        List<String> names = new ArrayList<>();
        int k = obs.size();
        double[][][][] ops = new double[k][sp.blocks()][][]; // [observable][block] dense {re, im}, row-major
        for (int i = 0; i < k; i++) {
            names.add(obs.get(i).name());
            for (int b = 0; b < sp.blocks(); b++)
                ops[i][b] = flatten(PiqsLiouvillian.operator(obs.get(i).operator(), sp.dim(b) - 1, base.values()).toDense());
        }
        moments = new Moments(names, (x, mean, second) -> traces(ops, x, mean, second));
    }

    /** Re Tr(O_i P_j) and Re Tr(O_i O_k P_j) summed over the blocks j, with Y = O ρ formed densely per (small) block. */
    private double traces(double[][][][] ops, double[] x, double[] mean, double[][] second) {
        int k = mean.length;
        for (int b = 0; b < sp.blocks(); b++) {
            int d = sp.dim(b);
            double[][][] rho = sp.block(x, b);
            double[][][] y = new double[k][][];
            for (int i = 0; i < k; i++) {
                double[] or = ops[i][b][0], oi = ops[i][b][1];
                double[] yr = new double[d * d], yi = new double[d * d];
                for (int p = 0; p < d; p++) for (int r = 0; r < d; r++) {
                    double ar = or[p * d + r], ai = oi[p * d + r];
                    if (ar == 0 && ai == 0) continue;
                    double[] rr = rho[0][r], ri = rho[1][r];
                    for (int q = 0; q < d; q++) {
                        yr[p * d + q] += ar * rr[q] - ai * ri[q];
                        yi[p * d + q] += ar * ri[q] + ai * rr[q];
                    }
                }
                y[i] = new double[][]{yr, yi};
                for (int p = 0; p < d; p++) mean[i] += yr[p * d + p];
            }
            for (int i = 0; i < k; i++) for (int j = i; j < k; j++) {
                double[] or = ops[i][b][0], oi = ops[i][b][1], yr = y[j][0], yi = y[j][1];
                double t = 0;
                for (int p = 0; p < d; p++) for (int r = 0; r < d; r++) {
                    double ar = or[p * d + r], ai = oi[p * d + r];
                    if (ar == 0 && ai == 0) continue;
                    t += ar * yr[r * d + p] - ai * yi[r * d + p];
                }
                second[i][j] += t;
            }
        }
        return sp.trace(x);
    }

    private static double[][] flatten(double[][][] d) {
        int n = d[0].length;
        double[] re = new double[n * n], im = new double[n * n];
        for (int p = 0; p < n; p++) for (int q = 0; q < n; q++) { re[p * n + q] = d[0][p][q]; im[p * n + q] = d[1][p][q]; }
        return new double[][]{re, im};
    }

    @Override public Model model() { return base.model(); }
    @Override public Map<String, Double> values() { return base.values(); }
    @Override public int dimension() { return sp.dickeStates(); }
    @Override public int size() { return sp.size(); }
    @Override public int gridDims() { return 3; }
    @Override public List<String> warnings() { return base.warnings(); }
    @Override public double[] traceFunctional() { return sp.traceFunctional(); }
    @Override public int traceAnchor() { return sp.offset(0) + sp.basis(0).diag(0); }
    @Override public Moments moments() { return moments; }
    @Override public StateOperator operator(cumulus.api.OpSum operator) {
        List<cumulus.solvers.space.HermitianBasis> bases = new ArrayList<>();
        List<cumulus.solvers.space.CMatrix> ops = new ArrayList<>();
        int[] offsets = new int[sp.blocks()];
        for (int b = 0; b < sp.blocks(); b++) {
            bases.add(sp.basis(b));
            offsets[b] = sp.offset(b);
            ops.add(PiqsLiouvillian.operator(operator, sp.dim(b) - 1, base.values()));
        }
        return new StateOperator(bases, offsets, ops, sp.size());
    }
    public DickeBlocks blocks() { return sp; }

    @Override public String description() {
        return "permutation-invariant space, " + SECTOR + " (local dissipation: all total spins j, " + sp.dickeStates() + " Dicke states, "
                + sp.size() + " real unknowns; the full 4^N Liouvillian can have a smaller gap)";
    }

    @Override public DMatrixSparseCSC generator(Map<String, Double> values) {
        if (values.equals(base.values()) || values == base.values()) return base.matrix();
        return PiqsLiouvillian.assemble(base.model(), values).matrix();
    }

    /** A spin-coherent, Dicke |N/2, M⟩ or twisted state lives in the j = N/2 block. */
    @Override public double[] initialState(InitialState initial, List<String> warnings) {
        if (initial.densityMatrixFile() != null)
            throw new cumulus.api.ModelException("initial state file:" + initial.densityMatrixFile() + ": a density-matrix file is read in the Dicke ⊗ Fock basis, "
                    + "which a model with local dissipation does not use (its states are block-diagonal over the total spin j); start from up, down, coherent, dicke:M or squeezed:MU");
        InitialState.SpinState st = initial.spins().get(0);
        double[][] amp = cumulus.solvers.space.InitialStates.spin(sp.spins(), st);
        double[] b0 = ProductStates.pure(sp.basis(0), amp[0], amp[1]);
        double[] x = new double[sp.size()];
        System.arraycopy(b0, 0, x, sp.offset(0), b0.length);
        return x;
    }

    @Override public double topFock(double[] x) { return Double.NaN; }

    @Override public List<String> extraColumns() { return List.of("spin_j_max"); }

    /** The weight of j = N/2. */
    @Override public double[] extraValues(double[] x) { return new double[]{sp.blockPopulations(x)[0] / sp.trace(x)}; }

    @Override public int[] sectorOffsets() {
        int[] o = new int[sp.blocks()];
        for (int b = 0; b < o.length; b++) o[b] = sp.offset(b);
        return o;
    }
}
