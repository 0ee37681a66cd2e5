package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.api.DynamicsSolver;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Schedule;
import cumulus.api.SpectrumResult;
import cumulus.api.SpectrumSolver;
import cumulus.api.SteadyStateResult;
import cumulus.api.SteadyStateSolver;
import cumulus.api.Trajectory;
import cumulus.solvers.propagation.ExactPropagation;
import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.Moments;
import cumulus.solvers.space.Resources;
import cumulus.solvers.space.SparseOps;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exact finite-N engine, written once against {@link LiouvillianSpace}: the model's space
 * ({@link Spaces}: Dicke ⊗ Fock, or permutation-invariant for local dissipation) gives the real
 * Liouvillian, and this class computes its spectrum ({@link LiouvillianSpectrum}, shifts from
 * {@link Shifts}), its steady state ({@link SteadyState}) and time evolution ({@link ExactPropagation}: explicit or shift-invert Krylov),
 * with the checks of {@link SpectrumChecks} and {@link SteadyStateChecks} (SPEC.md conventions).
 * Method name "exact".
 */
public final class ExactEngine implements SpectrumSolver, SteadyStateSolver, DynamicsSolver {
    /**
     * Default largest real block size handled by dense eigendecomposition (all eigenvalues, EJML). Per invariant
     * block: at 400 the dense route costs ~0.2 s; above it shift-invert is faster (local-btc N = 20, blocks 946 and 825:
     * 17.5 s dense against 4.5 s sparse, one process each on the loaded 2-core machine; btc N = 28: 4.1 s against 2.1 s).
     */
    public static final int DENSE_LIMIT = 400;
    /** Top-Fock population above which results warn (SPEC.md default). */
    public static final double FOCK_TOLERANCE = 1e-6;

    private final int denseLimit;
    private final boolean oscillationShifts;
    private final LiouvillianSpectrum.Search search;
    private final String name;

    public ExactEngine() { this(DENSE_LIMIT); }

    /** @param denseLimit real block size up to which all eigenvalues are computed densely */
    public ExactEngine(int denseLimit) { this(denseLimit, true); }

    /**
     * @param denseLimit real block size up to which all eigenvalues are computed densely
     * @param oscillationShifts on the sparse route, also search near σ + iω for the model's
     *        free-precession frequencies ω ({@link Shifts})
     */
    public ExactEngine(int denseLimit, boolean oscillationShifts) {
        this(denseLimit, oscillationShifts, LiouvillianSpectrum.Search.SHIFTS, "exact");
    }

    private ExactEngine(int denseLimit, boolean oscillationShifts, LiouvillianSpectrum.Search search, String name) {
        this.denseLimit = denseLimit;
        this.oscillationShifts = oscillationShifts;
        this.search = search;
        this.name = name;
    }

    /**
     * The spectrum solver "rightmost": large blocks by the rightmost-eigenvalue search on one real factorization
     * ({@link LiouvillianSpectrum.Search#RIGHTMOST}); "exact" falls back to it by itself when a complex shift would
     * not fit in memory.
     */
    public static ExactEngine rightmost() { return new ExactEngine(DENSE_LIMIT, true, LiouvillianSpectrum.Search.RIGHTMOST, "rightmost"); }

    @Override public String method() { return name; }

    @Override
    public SpectrumResult spectrum(Model model, Map<String, Double> parameters, int count) {
        if (count < 1) throw new ModelException("the number of eigenvalues must be at least 1, got " + count);
        requireStatic(model, "spectrum");
        long t0 = System.nanoTime();
        LiouvillianSpace space = Spaces.of(model, parameters);
        int k = Math.max(2, count);
        int[] sectors = space.sectorOffsets();
        boolean bySectors = sectors != null && space.size() > SectorSpectrum.THRESHOLD;
        // the cheaper of the two LU routes, without L's entries: if even that cannot fit, refuse before assembling L
        if (!bySectors && space.size() > denseLimit) refuseEarly(rightmostEstimate(model, space, 0, k));
        DMatrixSparseCSC l = space.generator(space.values());
        Shifts shifts = Shifts.of(space, l, oscillationShifts);
        LiouvillianSpectrum.Search search = this.search;
        if (bySectors) {
            // no LU of the whole 3-D-like matrix: the slab LUs (as the steady state's preconditioner) and, per block,
            // the Davidson bases V and W (2 x 40 vectors) and work vectors
            Resources.admit(Resources.direct("spectrum of " + model.name(), l.numRows, l.nz_length, space.gridDims(), false,
                    2 * 40 + 20, Math.pow(SectorSpectrum.GROUPS, -1.0 / 3)));
        } else if (l.numRows > denseLimit) {
            Resources.Estimate near = Resources.direct("spectrum of " + model.name(), l.numRows, l.nz_length, space.gridDims(), !shifts.complexFrequencies().isEmpty(), 4 * k + 60);
            Resources.Estimate right = rightmostEstimate(model, space, l.nz_length, k);
            // only lambda0 and lambda1 asked for: the rightmost search certifies exactly these, on one real LU (btc N = 256,
            // --count 2: 7.7 s against 12.9 s whole process; the two-cavity example: 4.7 s against 25.6 s); beyond lambda1 its
            // order is not certified (dephasing N = 128 misses the -0.0078121 +- 2.0i pair that the shift at i*omega finds),
            // so a longer list keeps the shifts
            if (search == LiouvillianSpectrum.Search.SHIFTS && count <= 2) search = LiouvillianSpectrum.Search.RIGHTMOST;
            // a complex shift that does not fit in memory: the rightmost search on one real LU instead
            if (search == LiouvillianSpectrum.Search.SHIFTS && !Resources.fits(near) && Resources.fits(right)) search = LiouvillianSpectrum.Search.RIGHTMOST;
            Resources.admit(search == LiouvillianSpectrum.Search.SHIFTS ? near : right);
        }
        LiouvillianSpectrum.Eigen e = bySectors
                ? SectorSpectrum.compute(l, sectors, k, denseLimit, oscillationShifts ? Shifts.frequencies(space) : List.of())
                : LiouvillianSpectrum.compute(l, k, denseLimit, shifts, search);
        SpectrumChecks.Checked c = SpectrumChecks.check(e.values(), SparseOps.norm1(l));
        List<String> warnings = new ArrayList<>(space.warnings());
        warnings.addAll(c.warnings());
        if (c.values().size() < count) warnings.add("only " + c.values().size() + " eigenvalues computed");
        if (space.truncated()) {
            // a truncated boson: check the steady state's top-Fock population (SPEC.md)
            try {
                double[] x = SteadyState.solve(space, l).x();
                fockWarning(space.topFock(x), space.topFockMode(x), warnings);
            } catch (ModelException notUnique) {
                warnings.add("the top-Fock population was not checked: " + notUnique.getMessage());
            }
        }
        List<Complex> shown = c.values().subList(0, Math.min(count, c.values().size()));
        double secs = (System.nanoTime() - t0) / 1e9;
        return new SpectrumResult(model.name(), parameters, space.dimension(), shown, c.lambda1(), c.gap(),
                space.description() + ": " + e.method(), secs, warnings);
    }

    /**
     * Refuses, before L is assembled, a problem whose factor alone (the estimate without L's own entries) cannot fit:
     * assembling first took btc-pair N = 48 (5.8M unknowns) 14 s and 4.6 GB before the refusal. The full estimate,
     * with L's entries, is still checked after assembly.
     */
    private static void refuseEarly(Resources.Estimate lowerBound) {
        if (!Resources.fits(lowerBound)) Resources.admit(lowerBound);
    }

    /** The rightmost search's memory and time: one real LU, a Krylov space of 4k + 60 vectors. */
    private static Resources.Estimate rightmostEstimate(Model model, LiouvillianSpace space, long nnz, int k) {
        return Resources.spectrum("spectrum of " + model.name(), space.size(), nnz, space.gridDims(), 4 * k + 60, 1);
    }

    /** The steady state's memory and time: one LU (or the slab LUs of the iterative route) and a few vectors. */
    private static Resources.Estimate steadyEstimate(Model model, LiouvillianSpace space, long nnz, boolean slabs) {
        return Resources.direct("steady state of " + model.name(), space.size(), nnz, space.gridDims(), false,
                slabs ? 125 : 4, slabs ? Math.pow(SteadyState.GROUPS, -1.0 / 3) : 1);
    }

    @Override
    public SteadyStateResult steadyState(Model model, Map<String, Double> parameters) {
        requireStatic(model, "steady state");
        long t0 = System.nanoTime();
        LiouvillianSpace space = Spaces.of(model, parameters);
        boolean slabs = space.sectorOffsets() != null && space.size() > SteadyState.ITERATIVE_THRESHOLD;
        Resources.Estimate early = steadyEstimate(model, space, 0, slabs);
        refuseEarly(early);
        cumulus.api.LongRun.ahead(early.seconds());
        DMatrixSparseCSC l = space.generator(space.values());
        Resources.admit(steadyEstimate(model, space, l.nz_length, slabs));
        SteadyState.Solution s = SteadyState.solve(space, l);
        Moments mo = space.moments();
        Moments.Values v = mo.evaluate(s.x());
        List<String> warnings = new ArrayList<>(space.warnings());
        double trace = 0;
        double[] tr = space.traceFunctional();
        for (int i = 0; i < tr.length; i++) trace += tr[i] * s.x()[i];
        warnings.addAll(SteadyStateChecks.check(s.residual(), SparseOps.norm1(l), trace));
        double top = space.topFock(s.x());
        fockWarning(top, space.topFockMode(s.x()), warnings);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new SteadyStateResult(model.name(), parameters, space.dimension(), mo.expectations(v), mo.cumulants(v),
                v.cDiag(), v.cAll(), top, space.description() + ": " + s.solver() + " of L with the trace constraint", secs, warnings);
    }

    /**
     * Columns: t, the observables, C_diag, C_all, {@code <name>_sq} = ⟨O²⟩ for every observable,
     * then the space's extra columns ({@code top_fock} with a boson, {@code spin_j_max} for ⊕_j).
     * Periodic schedules (Eq. 13) are integrated span by span with each segment's generator; the
     * propagator (explicit or shift-invert Krylov) is chosen by {@link ExactPropagation}; coefficients in t by
     * {@link SmoothDynamics}.
     */
    @Override
    public Trajectory evolve(Model model, Map<String, Double> parameters, InitialState initial, double tEnd, double dt) {
        return evolve(model, parameters, List.of(initial), tEnd, dt, ExactPropagation.DEFAULT_TOLERANCE, ExactPropagation.Kind.AUTO);
    }

    /**
     * The same for several initial states at once (one factorization serves all): with more than one, a column
     * {@code initial} (1, 2, ... in the order given) follows t. {@code tolerance}: see {@link ExactPropagation#run}.
     */
    public Trajectory evolve(Model model, Map<String, Double> parameters, List<InitialState> initials, double tEnd, double dt,
                             double tolerance, ExactPropagation.Kind kind) {
        if (initials.isEmpty()) throw new ModelException("no initial state given");
        if (model.dependsOnTime()) {
            // L(t) smooth in t: the explicit driver on L_0 + sum_j phi_j(t) M_j (no factorization to share or reuse)
            if (initials.size() != 1)
                throw new ModelException("several --initial states need a model whose coefficients do not depend on t continuously: run them one at a time");
            if (tolerance != ExactPropagation.DEFAULT_TOLERANCE)
                throw new ModelException("--tol applies to time-independent or piecewise-constant models; a drive smooth in t is integrated at the driver's fixed tight tolerance: drop --tol");
            return SmoothDynamics.evolve(model, parameters, initials.get(0), tEnd, dt);
        }
        LiouvillianSpace space = Spaces.of(model, parameters);
        List<String> warnings = new ArrayList<>(space.warnings());
        List<DMatrixSparseCSC> gens = generators(space, parameters, warnings);
        List<Schedule.Span> spans = model.isPeriodic() ? model.schedule().spans(tEnd, parameters) : Schedule.constant(tEnd);
        List<double[]> x0 = new ArrayList<>();
        for (InitialState init : initials) x0.add(space.initialState(init, warnings));
        List<StateRows> rows = new ArrayList<>();
        for (int i = 0; i < x0.size(); i++) rows.add(new StateRows(space));
        ExactPropagation.Run run = ExactPropagation.run(kind, spans, gens, space.gridDims(), x0, dt, tolerance, i -> rows.get(i)::add, space.traceNormWeights());
        double top = 0;
        String topMode = null;
        for (StateRows r : rows) if (r.maxTopFock() > top) { top = r.maxTopFock(); topMode = r.maxTopFockMode(); }
        fockWarning(top, topMode, warnings);
        String method = space.description() + ": " + run.method();
        if (rows.size() == 1) return new Trajectory(rows.get(0).columns(), rows.get(0).rows(), warnings, run.outcome().failure(), method);
        List<String> columns = new ArrayList<>(rows.get(0).columns());
        columns.add(1, "initial");
        List<double[]> all = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++)
            for (double[] r : rows.get(i).rows()) {
                double[] w = new double[r.length + 1];
                w[0] = r[0];
                w[1] = i + 1;
                System.arraycopy(r, 1, w, 2, r.length - 1);
                all.add(w);
            }
        return new Trajectory(columns, all, warnings, run.outcome().failure(), method);
    }

    /** The generator of every schedule segment (one for a time-independent model), their warnings added. */
    public static List<DMatrixSparseCSC> generators(LiouvillianSpace space, Map<String, Double> parameters, List<String> warnings) {
        Model model = space.model();
        if (!model.isPeriodic()) return List.of(space.generator(space.values()));
        List<DMatrixSparseCSC> gens = new ArrayList<>();
        for (int k = 0; k < model.schedule().segments().size(); k++) {
            Map<String, Double> values = model.schedule().valuesIn(k, parameters);
            for (String w : model.checkCoefficients(values)) if (!warnings.contains(w)) warnings.add(w);
            gens.add(k == 0 ? space.generator(space.values()) : space.generator(values));
        }
        return gens;
    }

    private static void requireStatic(Model model, String what) {
        requireNoTime(model, what);
        if (model.isPeriodic())
            throw new ModelException("model " + model.name() + " is periodically driven: its " + what
                    + " is a Floquet problem: compute its Floquet multipliers instead");
    }

    /**
     * Spectrum and steady state are properties of one time-independent generator; a coefficient in
     * t has neither. One message for both, so that neither ever evaluates the drive at t = 0; the
     * exact dynamics ({@link SmoothDynamics}) and the Floquet map (with a schedule giving the period)
     * take such models.
     */
    public static void requireNoTime(Model model, String what) {
        if (model.dependsOnTime()) throw new ModelException("model " + model.name()
                + " has coefficients that depend on t: it has no time-independent " + what + "; "
                + "use 'cumulus evolve' (any method), or 'cumulus floquet' with a schedule whose duration is the drive's period");
    }

    /** Adds SPEC.md's truncation warning when the top Fock state holds more than {@link #FOCK_TOLERANCE}. */
    public static void fockWarning(double top, List<String> warnings) { fockWarning(top, null, warnings); }

    /** The same, naming the mode (several bosonic modes) whose top Fock state holds {@code top}. */
    public static void fockWarning(double top, String mode, List<String> warnings) {
        if (!Double.isNaN(top) && top > FOCK_TOLERANCE)
            warnings.add(mode == null
                    ? String.format("top Fock state population %.3g exceeds %.0e: raise the cutoff", top, FOCK_TOLERANCE)
                    : String.format("top Fock state population %.3g of mode %s exceeds %.0e: raise that mode's cutoff", top, mode, FOCK_TOLERANCE));
    }
}
