package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.api.DynamicsSolver;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Schedule;
import cumulus.api.SpectrumResult;
import cumulus.api.SpectrumSolver;
import cumulus.api.SteadyStateResult;
import cumulus.api.SteadyStateSolver;
import cumulus.api.Trajectory;
import cumulus.solvers.ode.Evolution;

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
        if (l.size() > denseLimit)
            Resources.admit(Resources.direct("spectrum of " + model.name(), l.size(), l.matrix().nz_length, gridDims(model), shifts.length > 0, 4 * k + 60));
        LiouvillianSpectrum.Eigen e = LiouvillianSpectrum.compute(l, nm.space(), k, denseLimit, shifts);
        SpectrumResult r = result(model, parameters, nm, l, e, count, t0);
        if (!nm.space().hasBoson()) return r;
        // a truncated boson: check the steady state's top-Fock population (SPEC.md)
        List<String> w = new ArrayList<>(r.warnings());
        try {
            fockWarning(new Moments(nm).evaluate(l.basis(), SteadyState.solve(l).x()).topFock(), w);
        } catch (cumulus.api.ModelException notUnique) {
            w.add("the top-Fock population was not checked: " + notUnique.getMessage());
        }
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
        return result(model, parameters, nm, l, e, count, t0);
    }

    private SpectrumResult result(Model model, Map<String, Double> parameters, NumericModel nm, Liouvillian l, LiouvillianSpectrum.Eigen e, int count, long t0) {
        SpectrumChecks.Checked c = SpectrumChecks.check(e.values(), SparseOps.norm1(l.matrix()));
        List<String> warnings = new ArrayList<>(nm.warnings());
        warnings.addAll(c.warnings());
        if (c.values().size() < count) warnings.add("only " + c.values().size() + " eigenvalues computed");
        List<Complex> shown = c.values().subList(0, Math.min(count, c.values().size()));
        double secs = (System.nanoTime() - t0) / 1e9;
        return new SpectrumResult(model.name(), parameters, nm.dimension(), shown, c.lambda1(), c.gap(), e.method(), secs, warnings);
    }

    @Override
    public SteadyStateResult steadyState(Model model, Map<String, Double> parameters) {
        requireStatic(model, "steady state");
        if (model.hasLocalDissipation()) return new cumulus.solvers.piqs.PiqsEngine().steadyState(model, parameters);
        long t0 = System.nanoTime();
        NumericModel nm = new NumericModel(model, parameters);
        Liouvillian l = Liouvillian.assemble(nm);
        Resources.admit(Resources.direct("steady state of " + model.name(), l.size(), l.matrix().nz_length, gridDims(model), false, 4));
        SteadyState.Solution s = SteadyState.solve(l);
        Moments mo = new Moments(nm);
        Moments.Values v = mo.evaluate(l.basis(), s.x());
        List<String> warnings = new ArrayList<>(nm.warnings());
        warnings.addAll(SteadyStateChecks.check(s.residual(), SparseOps.norm1(l.matrix()), l.basis().trace(s.x())));
        fockWarning(v.topFock(), warnings);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new SteadyStateResult(model.name(), parameters, nm.dimension(), mo.expectations(v), mo.cumulants(v),
                v.cDiag(), v.cAll(), v.topFock(), "exact: sparse LU (" + s.solver() + ") of L with the trace constraint", secs, warnings);
    }

    /** The dimension of the grid the Liouvillian's unknowns |i⟩⟨j| form: (m, m') per ensemble, (n, n') for the boson. */
    public static int gridDims(Model model) { return 2 * (model.ensembles() + (model.hasBoson() ? 1 : 0)); }

    private static void requireStatic(Model model, String what) {
        requireNoTime(model, what);
        if (model.isPeriodic())
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
     * (Eq. 13) are integrated span by span with each segment's constant Liouvillian
     * ({@link Evolution}).
     */
    @Override
    public Trajectory evolve(Model model, Map<String, Double> parameters, InitialState initial, double tEnd, double dt) {
        if (model.hasLocalDissipation()) return new cumulus.solvers.piqs.PiqsEngine().evolve(model, parameters, initial, tEnd, dt);
        requireNoTime(model, "dynamics");
        List<Liouvillian> gens = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Map<String, Double>> segments = model.isPeriodic() ? new ArrayList<>() : List.of(parameters);
        if (model.isPeriodic())
            for (int k = 0; k < model.schedule().segments().size(); k++) segments.add(model.schedule().valuesIn(k, parameters));
        NumericModel nm = null;
        for (Map<String, Double> values : segments) {
            NumericModel seg = new NumericModel(model, values);
            if (nm == null) nm = seg;
            for (String w : seg.warnings()) if (!warnings.contains(w)) warnings.add(w);
            gens.add(Liouvillian.assemble(seg));
        }
        List<Schedule.Span> spans = model.isPeriodic() ? model.schedule().spans(tEnd, parameters) : Schedule.constant(tEnd);
        Liouvillian l = gens.get(0);
        Moments mo = new Moments(nm);
        double[] x0 = InitialStates.coordinates(nm.space(), initial, warnings);
        List<String> cols = new ArrayList<>();
        cols.add("t");
        List<String> names = mo.names();
        cols.addAll(names);
        cols.add("C_diag");
        cols.add("C_all");
        for (String name : names) cols.add(name + "_sq");
        boolean boson = nm.space().hasBoson();
        if (boson) cols.add("top_fock");
        List<double[]> rows = new ArrayList<>();
        double[] maxTop = {0};
        Evolution.Outcome end = Evolution.run(spans, k -> (t, y, dy) -> gens.get(k).apply(y, dy), x0, dt,
                Evolution.Budget.densityMatrix(l.matrix().nz_length), (t, x) -> {
            Moments.Values v = mo.evaluate(l.basis(), x);
            double[] row = new double[cols.size()];
            int c = 0;
            row[c++] = t;
            for (int i = 0; i < names.size(); i++) row[c++] = v.mean()[i];
            row[c++] = v.cDiag();
            row[c++] = v.cAll();
            for (int i = 0; i < names.size(); i++) row[c++] = v.second(i);
            if (boson) { row[c++] = v.topFock(); maxTop[0] = Math.max(maxTop[0], v.topFock()); }
            rows.add(row);
        });
        fockWarning(boson ? maxTop[0] : Double.NaN, warnings);
        return new Trajectory(cols, rows, warnings, end.failure());
    }

    /**
     * The exact engines (spectrum, steady state, dynamics, Floquet) take constant or piecewise-constant
     * (schedule) generators only; one message for every engine that cannot honour a coefficient in t,
     * so that none ever evaluates it at t = 0.
     */
    public static void requireNoTime(Model model, String what) {
        if (model.dependsOnTime()) throw new cumulus.api.ModelException("model " + model.name()
                + " has coefficients that depend on t continuously: the exact " + what + " takes constant or piecewise-constant (schedule) drives only; "
                + "integrate it with 'cumulus evolve --method meanfield|cumulant2|cumulant3', or write the drive as a schedule");
    }
}
