package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.api.DynamicsSolver;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.SpectrumResult;
import cumulus.api.SpectrumSolver;
import cumulus.api.SteadyStateResult;
import cumulus.api.SteadyStateSolver;
import cumulus.api.Trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exact finite-N engine: assembles the model on the Dicke ⊗ Fock space, builds the real
 * Liouvillian in the Hermitian operator basis, and computes its spectrum, its steady state and
 * time evolution (SPEC.md conventions). Method name "exact".
 */
public final class ExactEngine implements SpectrumSolver, SteadyStateSolver, DynamicsSolver {
    /** Default largest real Liouvillian size handled by dense eigendecomposition. */
    public static final int DENSE_LIMIT = 1200;
    /** Top-Fock population above which results warn (SPEC.md default). */
    public static final double FOCK_TOLERANCE = 1e-6;

    private final int denseLimit;
    private final boolean oscillationShifts;

    public ExactEngine() { this(DENSE_LIMIT); }

    /** @param denseLimit real Liouvillian size up to which all eigenvalues are computed densely */
    public ExactEngine(int denseLimit) { this(denseLimit, true); }

    /**
     * @param denseLimit real Liouvillian size up to which all eigenvalues are computed densely
     * @param oscillationShifts on the sparse route, also search near σ = s + iω for the model's
     *        single-operator Hamiltonian frequencies ω (drive / detuning / boson frequency), so
     *        that oscillating slow modes hidden behind many slow real ones are not missed
     */
    public ExactEngine(int denseLimit, boolean oscillationShifts) {
        this.denseLimit = denseLimit;
        this.oscillationShifts = oscillationShifts;
    }

    /**
     * |coefficients| of Hamiltonian terms that are a single spin component or a†a (frequencies of
     * the free precession), distinct, at most three, as complex shifts {0 (= default real part), ω}.
     */
    static double[][] frequencyShifts(NumericModel nm) {
        List<Double> w = new ArrayList<>();
        for (cumulus.api.OpSum.Term t : nm.model().hamiltonian().terms()) {
            List<cumulus.api.Op> f = t.factors();
            boolean single = f.size() == 1 && f.get(0) instanceof cumulus.api.Op.Spin;
            boolean number = f.size() == 2 && f.get(0) instanceof cumulus.api.Op.Boson b0 && b0.dagger()
                    && f.get(1) instanceof cumulus.api.Op.Boson b1 && !b1.dagger();
            if (!single && !number) continue;
            double x = t.coefficient().evaluate(nm.values()).abs();
            if (x < 1e-9) continue;
            boolean dup = false;
            for (double y : w) if (Math.abs(x - y) < 1e-6 * Math.max(x, y)) dup = true;
            if (!dup && w.size() < 3) w.add(x);
        }
        double[][] out = new double[w.size()][];
        for (int i = 0; i < w.size(); i++) out[i] = new double[]{0, w.get(i)};
        return out;
    }

    @Override public String method() { return "exact"; }

    /** Model + Liouvillian at these parameters (exposed for tests and other engines). */
    public static Liouvillian liouvillian(NumericModel nm) { return Liouvillian.assemble(nm); }

    @Override
    public SpectrumResult spectrum(Model model, Map<String, Double> parameters, int count) {
        if (count < 1) throw new cumulus.api.ModelException("--count must be at least 1, got " + count);
        requireStatic(model, "spectrum");
        if (model.hasLocalDissipation()) return new cumulus.solvers.piqs.PiqsEngine(denseLimit, oscillationShifts).spectrum(model, parameters, count);
        long t0 = System.nanoTime();
        NumericModel nm = new NumericModel(model, parameters);
        Liouvillian l = Liouvillian.assemble(nm);
        int k = Math.max(2, count);
        double[][] shifts = oscillationShifts ? frequencyShifts(nm) : new double[0][];
        LiouvillianSpectrum.Eigen e = LiouvillianSpectrum.compute(l, nm.space(), k, denseLimit, shifts);
        SpectrumResult r = result(model, parameters, nm, e, count, t0);
        if (!nm.space().hasBoson()) return r;
        // a truncated boson: check the steady state's top-Fock population (SPEC.md)
        List<String> w = new ArrayList<>(r.warnings());
        double top = new Moments(nm).evaluate(l.basis(), SteadyState.solve(l).x()).topFock();
        fockWarning(top, w);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new SpectrumResult(r.model(), r.parameters(), r.dimension(), r.eigenvalues(), r.lambda1(), r.spectralGap(), r.method(), secs, w);
    }

    /**
     * Like {@link #spectrum} by the sparse route, but also searching near the given complex shifts
     * ({re, im} pairs), for oscillating slow modes that lie far from the real axis.
     */
    public SpectrumResult spectrumNear(Model model, Map<String, Double> parameters, int count, double[][] shifts) {
        requireStatic(model, "spectrum");
        long t0 = System.nanoTime();
        NumericModel nm = new NumericModel(model, parameters);
        Liouvillian l = Liouvillian.assemble(nm);
        LiouvillianSpectrum.Eigen e = LiouvillianSpectrum.nearShifts(l, Math.max(2, count), shifts);
        return result(model, parameters, nm, e, count, t0);
    }

    private SpectrumResult result(Model model, Map<String, Double> parameters, NumericModel nm, LiouvillianSpectrum.Eigen e, int count, long t0) {
        List<Complex> vals = e.values();
        List<String> warnings = new ArrayList<>(nm.warnings());
        if (vals.size() < 2) throw new IllegalStateException("fewer than two eigenvalues found");
        if (vals.get(0).abs() > 1e-8 * Math.max(1, Math.abs(vals.get(vals.size() - 1).re())))
            warnings.add("the eigenvalue closest to zero is " + vals.get(0) + ", not ~0: check the Liouvillian");
        Complex l1 = vals.get(1);
        if (vals.size() < count) warnings.add("only " + vals.size() + " eigenvalues computed");
        List<Complex> shown = vals.subList(0, Math.min(count, vals.size()));
        double secs = (System.nanoTime() - t0) / 1e9;
        return new SpectrumResult(model.name(), parameters, nm.dimension(), shown, l1, -l1.re(), e.method(), secs, warnings);
    }

    @Override
    public SteadyStateResult steadyState(Model model, Map<String, Double> parameters) {
        requireStatic(model, "steady state");
        if (model.hasLocalDissipation()) return new cumulus.solvers.piqs.PiqsEngine().steadyState(model, parameters);
        long t0 = System.nanoTime();
        NumericModel nm = new NumericModel(model, parameters);
        Liouvillian l = Liouvillian.assemble(nm);
        SteadyState.Solution s = SteadyState.solve(l);
        Moments mo = new Moments(nm);
        Moments.Values v = mo.evaluate(l.basis(), s.x());
        List<String> warnings = new ArrayList<>(nm.warnings());
        if (s.residual() > 1e-8) warnings.add(String.format("steady-state residual max|L rho| = %.2g", s.residual()));
        fockWarning(v.topFock(), warnings);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new SteadyStateResult(model.name(), parameters, nm.dimension(), mo.expectations(v), mo.cumulants(v),
                v.cDiag(), v.cAll(), v.topFock(), "exact: sparse LU (" + s.solver() + ") of L with the trace constraint", secs, warnings);
    }

    private static void requireStatic(Model model, String what) {
        if (model.isPeriodic() || model.dependsOnTime())
            throw new cumulus.api.ModelException("model " + model.name() + " is periodically driven: its " + what
                    + " is a Floquet problem, use 'cumulus floquet " + model.name() + "'");
    }

    private static void fockWarning(double top, List<String> warnings) {
        if (!Double.isNaN(top) && top > FOCK_TOLERANCE)
            warnings.add(String.format("top Fock state population %.3g exceeds %.0e: raise the cutoff", top, FOCK_TOLERANCE));
    }

    /**
     * Columns: t, the observables, C_diag, C_all, then {@code <name>_sq} = ⟨O²⟩ for every
     * observable (spin and boson), and {@code top_fock} for boson models. Periodic schedules
     * (Eq. 13) are integrated segment by segment with each segment's constant Liouvillian.
     */
    @Override
    public Trajectory evolve(Model model, Map<String, Double> parameters, InitialState initial, double tEnd, double dt) {
        if (model.hasLocalDissipation()) return new cumulus.solvers.piqs.PiqsEngine().evolve(model, parameters, initial, tEnd, dt);
        if (model.dependsOnTime()) throw new cumulus.api.ModelException("model " + model.name()
                + " has coefficients depending on t; the exact engine supports constant and piecewise-constant (schedule) drives only");
        List<Liouvillian> gens = new ArrayList<>();
        double[] durations = {Double.POSITIVE_INFINITY};
        NumericModel nm;
        List<String> warnings = new ArrayList<>();
        if (model.isPeriodic()) {
            durations = model.schedule().durations(parameters);
            nm = null;
            for (int k = 0; k < durations.length; k++) {
                NumericModel seg = new NumericModel(model, model.schedule().valuesIn(k, parameters));
                if (nm == null) nm = seg;
                for (String w : seg.warnings()) if (!warnings.contains(w)) warnings.add(w);
                gens.add(Liouvillian.assemble(seg));
            }
        } else {
            nm = new NumericModel(model, parameters);
            warnings.addAll(nm.warnings());
            gens.add(Liouvillian.assemble(nm));
        }
        Liouvillian l = gens.get(0);
        Moments mo = new Moments(nm);
        double[] lost = {0};
        double[] x0 = InitialStates.coordinates(nm.space(), initial, lost);
        if (lost[0] > FOCK_TOLERANCE) warnings.add(String.format("initial boson state loses %.3g of its norm to the Fock cutoff", lost[0]));
        List<String> cols = new ArrayList<>();
        cols.add("t");
        List<String> names = mo.names();
        cols.addAll(names);
        cols.add("C_diag");
        cols.add("C_all");
        List<Integer> squaredIdx = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) { squaredIdx.add(i); cols.add(names.get(i) + "_sq"); }
        boolean boson = nm.space().hasBoson();
        if (boson) cols.add("top_fock");
        List<double[]> rows = new ArrayList<>();
        double[] maxTop = {0};
        ExactDynamics.integratePiecewise(gens, durations, x0, tEnd, dt, (t, x) -> {
            Moments.Values v = mo.evaluate(l.basis(), x);
            double[] row = new double[cols.size()];
            int c = 0;
            row[c++] = t;
            for (int i = 0; i < names.size(); i++) row[c++] = v.mean()[i];
            row[c++] = v.cDiag();
            row[c++] = v.cAll();
            for (int i : squaredIdx) row[c++] = v.second(i);
            if (boson) { row[c++] = v.topFock(); maxTop[0] = Math.max(maxTop[0], v.topFock()); }
            rows.add(row);
        });
        fockWarning(boson ? maxTop[0] : Double.NaN, warnings);
        return new Trajectory(cols, rows, warnings);
    }
}
