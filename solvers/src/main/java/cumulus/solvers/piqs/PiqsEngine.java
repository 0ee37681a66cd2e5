package cumulus.solvers.piqs;

import cumulus.api.Complex;
import cumulus.api.DynamicsSolver;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Schedule;
import cumulus.api.ModelException;
import cumulus.api.Op;
import cumulus.api.OpSum;
import cumulus.api.SpectrumResult;
import cumulus.api.SpectrumSolver;
import cumulus.api.SteadyStateResult;
import cumulus.api.SteadyStateSolver;
import cumulus.api.Trajectory;
import cumulus.solvers.ComplexShiftArnoldi;
import cumulus.solvers.InitialStates;
import cumulus.solvers.LiouvillianSpectrum;
import cumulus.solvers.SparseBridge;
import cumulus.solvers.ode.Evolution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.ops.DConvertMatrixStruct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact engine for one ensemble of N spins-1/2 with local dissipation (paper Eq. 18,
 * Dissipator.Local) as well as collective H and jumps: the permutation-invariant state
 * ⊕_j P_j over all total spins j ({@link DickeBlocks}, {@link PiqsLiouvillian}); O(N³) real
 * unknowns instead of 4^N. Steady state by sparse LU with the trace constraint, spectrum densely
 * (small) or by shift-invert Arnoldi, dynamics by Dormand–Prince. Results use SPEC.md's
 * conventions and result types; {@code dimension} is the number of Dicke states |j, m⟩.
 *
 * <p>The spectrum is that of the <b>permutation-symmetric sector</b> of L: the full 4^N
 * Liouvillian also has eigenmodes that are not permutation invariant (they never appear in the
 * dynamics of a permutation-invariant state, but can have a smaller gap).
 */
public final class PiqsEngine implements SpectrumSolver, SteadyStateSolver, DynamicsSolver {
    public static final int DENSE_LIMIT = 1200;
    public static final String SECTOR = "permutation-symmetric sector";
    /** Real Liouvillian size above which the complex-shift searches of the sparse spectrum are skipped (N ≳ 60). */
    public static final int COMPLEX_SHIFT_LIMIT = 60000;

    private final int denseLimit;
    private final boolean oscillationShifts;

    public PiqsEngine() { this(DENSE_LIMIT, true); }

    public PiqsEngine(int denseLimit) { this(denseLimit, true); }

    /**
     * @param denseLimit real Liouvillian size up to which all eigenvalues are computed densely
     * @param oscillationShifts on the sparse route, also search near σ + iω for the Hamiltonian's
     *        single-operator frequencies ω (costs a complex factorization per frequency)
     */
    public PiqsEngine(int denseLimit, boolean oscillationShifts) { this.denseLimit = denseLimit; this.oscillationShifts = oscillationShifts; }

    @Override public String method() { return "exact"; }

    // ---------------------------------------------------------------- steady state

    /** The steady state's coordinates and the max-norm residual of L x. */
    public record Solution(double[] x, double residual, String solver) { }

    /** Real unknowns (of the symmetric half) above which the steady state is solved iteratively. */
    public static final int ITERATIVE_THRESHOLD = 20000;
    /** About this many preconditioner slabs (groups of consecutive total-spin sectors). */
    static final int GROUPS = Integer.getInteger("cumulus.piqs.groups", 12);

    public static Solution solveSteady(PiqsLiouvillian l) { return solveSteady(l, ITERATIVE_THRESHOLD); }

    /**
     * L x = 0 with Tr ρ = 1. Up to {@code iterativeThreshold} unknowns by sparse LU; above, by GMRES with
     * a block-Jacobi preconditioner over the total-spin sectors ({@link BlockGmres}), falling back to
     * the LU if GMRES does not reach a relative residual of 1e-12.
     */
    public static Solution solveSteady(PiqsLiouvillian l, int iterativeThreshold) {
        DickeBlocks sp = l.space();
        DMatrixSparseCSC full = l.matrix();
        int n = full.numRows;
        int[] sign = paritySigns(l);
        // the (unique) steady state is invariant under the symmetry: solve in the + sector only
        int[] map = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) map[i] = sign == null || sign[i] > 0 ? m++ : -1;
        DMatrixSparseCSC a = sign == null ? full : restrict(full, map, m);
        // block 0 (j = N/2), diagonal 0: replace its equation by Tr ρ = 1 (L is trace preserving)
        int r0 = map[sp.offset(0) + sp.basis(0).diag(0)];
        double[] trFull = sp.traceFunctional();
        double scale = cumulus.solvers.SteadyStateChecks.traceRowScale(a);
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(m, m, a.nz_length + sp.dickeStates());
        for (int c = 0; c < m; c++) for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++)
            if (a.nz_rows[k] != r0) t.addItem(a.nz_rows[k], c, a.nz_values[k]);
        for (int c = 0; c < n; c++) if (trFull[c] != 0) t.addItem(r0, map[c], scale);
        DMatrixSparseCSC mat = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        double[] rhs = new double[m];
        rhs[r0] = scale;
        double[] xs = null;
        String how = null;
        if (m > iterativeThreshold) {
            // consecutive total-spin sectors grouped into slabs of at least m/GROUPS unknowns
            List<Integer> cuts = new ArrayList<>();
            cuts.add(0);
            int last = 0;
            for (int b = 1; b <= sp.blocks(); b++) {
                int full0 = b < sp.blocks() ? sp.offset(b) : n;
                int c = 0;
                for (int i = 0; i < full0; i++) if (map[i] >= 0) c++;
                if (b == sp.blocks()) { if (c > last) cuts.add(c); }
                else if (c - last >= m / GROUPS) { cuts.add(c); last = c; }
            }
            if (cuts.get(cuts.size() - 1) != m) cuts.add(m);
            int[] ranges = cuts.stream().mapToInt(Integer::intValue).toArray();
            BlockGmres.Result g = new BlockGmres(mat, ranges).solve(rhs, 1e-13, 120, 3000);
            if (g.relativeResidual() < 1e-12) {
                xs = g.x();
                how = String.format("GMRES(120) with a block-Jacobi preconditioner (%d slabs of consecutive total-spin sectors, sparse LU each), %d iterations, relative residual %.1e",
                        ranges.length - 1, g.iterations(), g.relativeResidual());
            }
        }
        if (xs == null) {
            SparseBridge.Factorization lu;
            try {
                lu = SparseBridge.factor(mat);
            } catch (cumulus.solvers.sparse.SparseLU.Singular e) {
                throw cumulus.solvers.SteadyStateChecks.notUnique(full, e);
            }
            xs = new double[m];
            lu.solve(rhs, xs);
            how = lu.name();
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) if (map[i] >= 0) x[i] = xs[map[i]];
        for (double v : x) if (!Double.isFinite(v))
            throw new cumulus.api.NumericalException("the steady-state solve gave non-finite values (permutation-invariant engine)");
        double[] y = new double[n];
        l.apply(x, y);
        double res = 0;
        for (double v : y) res = Math.max(res, Math.abs(v));
        return new Solution(x, res, how + (sign == null ? "" : ", symmetric half (" + m + " of " + n + " unknowns)"));
    }

    /**
     * ±1 per real coordinate when L respects a Z2 symmetry diagonal in the Hermitian block basis,
     * with U = Π_k σ_k^z (= ±(−1)^{j−m} on block j): (A) ρ → Uρ*U† (e.g. H = ω S^x with S^-,
     * σ_k^- jumps) or (B) ρ → UρU†; null when neither holds (checked on the assembled matrix).
     */
    public static int[] paritySigns(PiqsLiouvillian l) {
        DickeBlocks sp = l.space();
        for (int variant = 0; variant < 2; variant++) {
            int[] sign = new int[sp.size()];
            for (int b = 0; b < sp.blocks(); b++) {
                var hb = sp.basis(b);
                int o = sp.offset(b), d = sp.dim(b);
                for (int p = 0; p < d; p++) {
                    sign[o + hb.diag(p)] = 1;
                    for (int q = p + 1; q < d; q++) {
                        int s = ((p + q) & 1) == 0 ? 1 : -1;
                        sign[o + hb.sym(p, q)] = s;
                        sign[o + hb.anti(p, q)] = variant == 0 ? -s : s;
                    }
                }
            }
            if (respects(l.matrix(), sign)) return sign;
        }
        return null;
    }

    private static boolean respects(DMatrixSparseCSC a, int[] sign) {
        double max = 0;
        for (int k = 0; k < a.nz_length; k++) max = Math.max(max, Math.abs(a.nz_values[k]));
        double tol = 1e-13 * max;
        int plus = 0;
        for (int s : sign) if (s > 0) plus++;
        if (plus == 0 || plus == sign.length) return false;
        for (int c = 0; c < a.numCols; c++) for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++)
            if (sign[a.nz_rows[k]] != sign[c] && Math.abs(a.nz_values[k]) > tol) return false;
        return true;
    }

    /** The principal submatrix on the coordinates with map[i] ≥ 0 (renumbered to map[i]). */
    static DMatrixSparseCSC restrict(DMatrixSparseCSC a, int[] map, int m) {
        int nz = 0;
        for (int c = 0; c < a.numCols; c++) if (map[c] >= 0)
            for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) if (map[a.nz_rows[k]] >= 0) nz++;
        DMatrixSparseCSC out = new DMatrixSparseCSC(m, m, nz);
        int w = 0;
        for (int c = 0; c < a.numCols; c++) {
            if (map[c] < 0) continue;
            out.col_idx[map[c]] = w;
            for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) {
                int r = map[a.nz_rows[k]];
                if (r >= 0) { out.nz_rows[w] = r; out.nz_values[w] = a.nz_values[k]; w++; }
            }
        }
        out.col_idx[m] = w;
        out.nz_length = w;
        out.indicesSorted = a.indicesSorted;
        return out;
    }

    @Override
    public SteadyStateResult steadyState(Model model, Map<String, Double> parameters) {
        long t0 = System.nanoTime();
        PiqsLiouvillian l = PiqsLiouvillian.assemble(model, parameters);
        // above ITERATIVE_THRESHOLD: GMRES(120) preconditioned by GROUPS slabs factored apart
        boolean slabs = l.size() > ITERATIVE_THRESHOLD;
        cumulus.solvers.Resources.admit(cumulus.solvers.Resources.direct("steady state of " + model.name(), l.size(), l.matrix().nz_length, 3, false,
                slabs ? 125 : 4, slabs ? Math.pow(GROUPS, -1.0 / 3) : 1));
        Solution s = solveSteady(l);
        PiqsMoments mo = new PiqsMoments(l);
        PiqsMoments.Values v = mo.evaluate(s.x());
        List<String> warnings = new ArrayList<>(l.warnings());
        double trace = 0;
        double[] tr = l.space().traceFunctional();
        for (int i = 0; i < tr.length; i++) trace += tr[i] * s.x()[i];
        warnings.addAll(cumulus.solvers.SteadyStateChecks.check(s.residual(), cumulus.solvers.SparseOps.norm1(l.matrix()), trace));
        double secs = (System.nanoTime() - t0) / 1e9;
        return new SteadyStateResult(model.name(), parameters, l.space().dickeStates(), mo.expectations(v), mo.cumulants(v),
                v.cDiag(), v.cAll(), Double.NaN,
                "exact, " + SECTOR + " (local dissipation: all total spins j, " + l.space().dickeStates() + " Dicke states, "
                        + l.size() + " real unknowns): sparse LU (" + s.solver() + ") with the trace constraint",
                secs, warnings);
    }

    // ---------------------------------------------------------------- spectrum

    @Override
    public SpectrumResult spectrum(Model model, Map<String, Double> parameters, int count) {
        if (count < 1) throw new ModelException("--count must be at least 1, got " + count);
        long t0 = System.nanoTime();
        PiqsLiouvillian l = PiqsLiouvillian.assemble(model, parameters);
        int k = Math.max(2, count);
        if (l.size() > denseLimit)
            cumulus.solvers.Resources.admit(cumulus.solvers.Resources.direct("spectrum of " + model.name(), l.size(), l.matrix().nz_length, 3, oscillationShifts, 4 * k + 60));
        LiouvillianSpectrum.Eigen e = eigenvalues(l, k, denseLimit, oscillationShifts);
        cumulus.solvers.SpectrumChecks.Checked c = cumulus.solvers.SpectrumChecks.check(e.values(), cumulus.solvers.SparseOps.norm1(l.matrix()));
        List<String> warnings = new ArrayList<>(l.warnings());
        warnings.addAll(c.warnings());
        if (c.values().size() < count) warnings.add("only " + c.values().size() + " eigenvalues computed");
        Complex l1 = c.lambda1();
        List<Complex> shown = c.values().subList(0, Math.min(count, c.values().size()));
        double secs = (System.nanoTime() - t0) / 1e9;
        String method = "exact, " + SECTOR + " (local dissipation: eigenvalues of L restricted to permutation-invariant operators, "
                + l.space().dickeStates() + " Dicke states, real size " + l.size() + "; the full 4^N Liouvillian can have a smaller gap): " + e.method();
        return new SpectrumResult(model.name(), parameters, l.space().dickeStates(), shown, l1, c.gap(), method, secs, warnings);
    }

    /** Sorted eigenvalues (SPEC order): all of them densely up to {@code denseLimit}, else the nearest shifts. */
    public static LiouvillianSpectrum.Eigen eigenvalues(PiqsLiouvillian l, int count, int denseLimit) {
        return eigenvalues(l, count, denseLimit, true);
    }

    /**
     * As above; the spectrum is the union of those of the two symmetry sectors of
     * {@link #paritySigns} when one holds. {@code oscillationShifts}: on the sparse route also search
     * near σ + iω for the Hamiltonian's precession frequencies ω (oscillating slow modes).
     */
    public static LiouvillianSpectrum.Eigen eigenvalues(PiqsLiouvillian l, int count, int denseLimit, boolean oscillationShifts) {
        DMatrixSparseCSC full = l.matrix();
        int n = full.numRows;
        int[] sign = paritySigns(l);
        List<DMatrixSparseCSC> parts = new ArrayList<>();
        if (sign == null) parts.add(full);
        else for (int which : new int[]{1, -1}) {
            int[] map = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) map[i] = sign[i] == which ? m++ : -1;
            parts.add(restrict(full, map, m));
        }
        String split = sign == null ? "" : "split into two Z2-symmetry sectors; ";
        if (n <= denseLimit) {
            List<Complex> out = new ArrayList<>();
            for (DMatrixSparseCSC a : parts) {
                int m = a.numRows;
                DMatrixRMaj d = new DMatrixRMaj(m, m);
                for (int c = 0; c < m; c++) for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) d.unsafe_set(a.nz_rows[k], c, a.nz_values[k]);
                EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
                if (!eig.decompose(d)) throw new IllegalStateException("dense eigendecomposition failed (size " + m + ")");
                for (int i = 0; i < m; i++) out.add(new Complex(eig.getEigenvalue(i).real, eig.getEigenvalue(i).imaginary));
            }
            return new LiouvillianSpectrum.Eigen(LiouvillianSpectrum.sort(out), split + "dense EJML eig of the " + n + "x" + n + " real Liouvillian");
        }
        double sigma = shift(full);
        List<Complex> all = new ArrayList<>();
        StringBuilder how = new StringBuilder(split);
        List<Double> freqs = oscillationShifts && n <= COMPLEX_SHIFT_LIMIT ? frequencies(l) : List.of();
        if (oscillationShifts && n > COMPLEX_SHIFT_LIMIT && !frequencies(l).isEmpty())
            how.append("complex shifts skipped above ").append(COMPLEX_SHIFT_LIMIT).append(" real unknowns (each costs a 2n complex-as-real LU): an oscillating slow mode far from the real axis could be missed; ");
        // each sector holds at most `count` of the union's leading eigenvalues; 4 more per sector are margin
        int nev = Math.max(count + 4, 8);
        for (List<Complex> vals : SparseBridge.nearestEach(parts, sigma, nev)) merge(all, vals);
        for (DMatrixSparseCSC a : parts)
            for (double w : freqs) merge(all, ComplexShiftArnoldi.nearest(a, sigma, w, Math.min(a.numRows - 2, nev)));
        how.append(String.format("shift-invert Arnoldi (cumulus.solvers.sparse), nev=%d per sector nearest sigma=%.3g", nev, sigma));
        for (double w : freqs) how.append(String.format(" and %.3g%+.3gi", sigma, w));
        how.append(", merged and sorted by real part");
        return new LiouvillianSpectrum.Eigen(LiouvillianSpectrum.sort(all), how.toString());
    }

    private static void merge(List<Complex> all, List<Complex> vals) {
        double scale = 1e-12;
        for (Complex z : vals) scale = Math.max(scale, z.abs());
        for (Complex z0 : vals) for (Complex z : z0.im() == 0 ? List.of(z0) : List.of(z0, z0.conj())) {
            boolean dup = false;
            for (Complex y : all) if (y.minus(z).abs() < 1e-9 * scale) { dup = true; break; }
            if (!dup) all.add(z);
        }
    }

    /** |coefficients| of single-spin-operator Hamiltonian terms (precession frequencies), at most two. */
    static List<Double> frequencies(PiqsLiouvillian l) {
        List<Double> w = new ArrayList<>();
        for (OpSum.Term t : l.model().hamiltonian().terms()) {
            if (t.factors().size() != 1 || !(t.factors().get(0) instanceof Op.Spin)) continue;
            double x = t.coefficient().evaluate(l.values()).abs();
            if (x < 1e-9) continue;
            boolean dup = false;
            for (double y : w) if (Math.abs(x - y) < 1e-6 * Math.max(x, y)) dup = true;
            if (!dup && w.size() < 2) w.add(x);
        }
        return w;
    }

    /** σ = 0.01 · max|L_ii| / sqrt(n): small and positive. */
    static double shift(DMatrixSparseCSC a) {
        double m = 0;
        for (int c = 0; c < a.numCols; c++) for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++)
            if (a.nz_rows[k] == c) m = Math.max(m, Math.abs(a.nz_values[k]));
        double s = 0.01 * m / Math.sqrt(a.numRows);
        return s > 0 ? s : 1e-3;
    }

    // ---------------------------------------------------------------- dynamics

    /** Coordinates of a spin-coherent product state: it lives in the j = N/2 block. */
    public static double[] initialCoordinates(DickeBlocks sp, InitialState initial) {
        InitialState.SpinState st = initial.spins().get(0);
        double[][] amp = InitialStates.spinCoherent(sp.spins(), st.theta(), st.phi());
        int d = sp.dim(0);
        double[][] re = new double[d][d], im = new double[d][d];
        for (int p = 0; p < d; p++) for (int q = 0; q < d; q++) {
            // ψ_p conj(ψ_q)
            re[p][q] = amp[0][p] * amp[0][q] + amp[1][p] * amp[1][q];
            im[p][q] = amp[1][p] * amp[0][q] - amp[0][p] * amp[1][q];
        }
        double[] x = new double[sp.size()];
        double[] b0 = sp.basis(0).coordinates(re, im);
        System.arraycopy(b0, 0, x, sp.offset(0), b0.length);
        return x;
    }

    /**
     * Columns as the Dicke-manifold engine: t, the observables, C_diag, C_all, then
     * {@code <name>_sq} = ⟨O²⟩ for each observable, and {@code spin_j_max} = weight of j = N/2.
     */
    @Override
    public Trajectory evolve(Model model, Map<String, Double> parameters, InitialState initial, double tEnd, double dt) {
        cumulus.solvers.ExactEngine.requireNoTime(model, "dynamics");
        List<PiqsLiouvillian> gens = new ArrayList<>();
        if (model.isPeriodic())
            for (int k = 0; k < model.schedule().segments().size(); k++) gens.add(PiqsLiouvillian.assemble(model, model.schedule().valuesIn(k, parameters)));
        else gens.add(PiqsLiouvillian.assemble(model, parameters));
        PiqsLiouvillian l = gens.get(0);
        List<String> warnings = new ArrayList<>();
        for (PiqsLiouvillian g : gens) for (String w : g.warnings()) if (!warnings.contains(w)) warnings.add(w);
        PiqsMoments mo = new PiqsMoments(l);
        List<String> names = mo.names();
        List<String> cols = new ArrayList<>();
        cols.add("t");
        cols.addAll(names);
        cols.add("C_diag");
        cols.add("C_all");
        for (String s : names) cols.add(s + "_sq");
        cols.add("spin_j_max");
        List<double[]> rows = new ArrayList<>();
        List<Schedule.Span> spans = model.isPeriodic() ? model.schedule().spans(tEnd, parameters) : Schedule.constant(tEnd);
        Evolution.Outcome end = Evolution.run(spans, k -> (t, y, dy) -> gens.get(k).apply(y, dy), initialCoordinates(l.space(), initial), dt,
                Evolution.Budget.densityMatrix(l.matrix().nz_length), (t, x) -> rows.add(row(mo, l.space(), t, x, cols.size())));
        return new Trajectory(cols, rows, warnings, end.failure());
    }

    private static double[] row(PiqsMoments mo, DickeBlocks sp, double t, double[] x, int width) {
        PiqsMoments.Values v = mo.evaluate(x);
        double[] row = new double[width];
        int c = 0;
        row[c++] = t;
        for (double m : v.mean()) row[c++] = m;
        row[c++] = v.cDiag();
        row[c++] = v.cAll();
        for (int i = 0; i < v.mean().length; i++) row[c++] = v.second(i);
        row[c] = sp.blockPopulations(x)[0] / sp.trace(x);
        return row;
    }

    /** Parameter values with S and t filled in (tests). */
    public static Map<String, Double> values(Model model, Map<String, Double> parameters) {
        return new LinkedHashMap<>(PiqsLiouvillian.values(model, parameters));
    }
}
