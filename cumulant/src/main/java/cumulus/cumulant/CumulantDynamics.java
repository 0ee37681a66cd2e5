package cumulus.cumulant;

import cumulus.api.DynamicsSolver;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Schedule;
import cumulus.api.Trajectory;
import cumulus.codegen.CompiledRhs;
import cumulus.codegen.RhsCompiler;
import cumulus.symbolic.Derivation;
import cumulus.symbolic.EquationSystem;
import cumulus.solvers.ode.Evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mean-field and cumulant dynamics: the symbolic engine derives the closed hierarchy (order 1 in the
 * N → ∞ limit for {@code meanfield}, the finite-N hierarchy closed at order 2 or 3 for
 * {@code cumulant2} / {@code cumulant3}), codegen compiles it, and the one evolution driver
 * ({@link Evolution}: Dormand–Prince 8(5,3), dense output, divergence and work guards) integrates
 * it. Periodic schedules restart the integrator at every segment boundary with that segment's
 * switch values.
 */
public final class CumulantDynamics implements DynamicsSolver {
    private final String method;
    private final int order;
    private final boolean thermodynamicLimit;
    private final Map<String, EquationSystem> derived = new ConcurrentHashMap<>();

    private CumulantDynamics(String method, int order, boolean thermodynamicLimit) {
        this.method = method;
        this.order = order;
        this.thermodynamicLimit = thermodynamicLimit;
    }

    public static CumulantDynamics meanField() { return new CumulantDynamics("meanfield", 1, true); }
    public static CumulantDynamics cumulant2() { return new CumulantDynamics("cumulant2", 2, false); }
    public static CumulantDynamics cumulant3() { return new CumulantDynamics("cumulant3", 3, false); }

    @Override public String method() { return method; }

    /** The closed system this method integrates (cached per model). */
    public EquationSystem system(Model model) {
        return derived.computeIfAbsent(model.name() + "@" + System.identityHashCode(model), k -> {
            EquationSystem s = Derivation.derive(model, order);
            return thermodynamicLimit ? s.thermodynamicLimit() : s;
        });
    }

    @Override
    public Trajectory evolve(Model model, Map<String, Double> parameters, InitialState initial, double tEnd, double dt) {
        EquationSystem sys = system(model);
        RhsCompiler.Compiled compiled = RhsCompiler.compile(sys.unknowns(), sys.parameters(), sys.rhs());
        double[] y = ProductStateCumulants.initialValues(sys.unknowns(), model, parameters, initial);
        Columns cols = new Columns(model, sys.unknowns());
        List<double[]> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        double[] invariant = {0, 0}; // max | |m_i| - 1 | (mean field), most negative variance (cumulants)

        List<Schedule.Span> spans = model.isPeriodic() ? model.schedule().spans(tEnd, parameters) : Schedule.constant(tEnd);
        int segments = model.isPeriodic() ? model.schedule().segments().size() : 1;
        CompiledRhs[] rhs = new CompiledRhs[segments];
        for (int k = 0; k < segments; k++) rhs[k] = compiled.bind(model.isPeriodic() ? model.schedule().valuesIn(k, parameters) : parameters);
        Evolution.Outcome end = Evolution.run(spans, k -> rhs[k]::rhs, y, dt, Evolution.Tolerances.TIGHT, Evolution.Budget.moments(sys.rhs().size()), (t, state) -> {
            rows.add(cols.row(t, state));
            cols.monitor(state, invariant, order);
        });
        if (!end.complete()) return new Trajectory(cols.names(), rows, warnings, method + ": " + end.failure());
        if (order == 1 && invariant[0] > 1e-8 && thermodynamicLimit && !model.hasLocalDissipation()) // local decay shrinks |m|
            warnings.add(String.format("mean field: |m| drifted from its initial length by %.2e", invariant[0]));
        if (order >= 2 && invariant[1] < -1e-12)
            warnings.add(String.format("%s: a variance K(o,o) became negative (%.2e): the closure is unphysical here", method, invariant[1]));
        return new Trajectory(cols.names(), rows, warnings);
    }

    /** Output columns: t, the model's observables, C_diag and C_all (order ≥ 2), then the other unknowns. */
    private static final class Columns {
        final List<String> names = new ArrayList<>();
        final int[] observableIndex;
        final List<Integer> diag = new ArrayList<>(), all = new ArrayList<>(), variances = new ArrayList<>(), rest = new ArrayList<>();
        final List<int[]> spinTriples = new ArrayList<>();
        final double[] initialNorm;
        boolean hasCumulants;

        Columns(Model model, List<String> unknowns) {
            names.add("t");
            List<Model.Observable> obs = model.observables();
            observableIndex = new int[obs.size()];
            for (int i = 0; i < obs.size(); i++) {
                observableIndex[i] = unknowns.indexOf(obs.get(i).name());
                names.add(obs.get(i).name());
            }
            for (int k = 0; k < unknowns.size(); k++) {
                String u = unknowns.get(k);
                if (!u.startsWith("K(")) continue;
                hasCumulants = true;
                String[] l = u.substring(2, u.length() - 1).split(",");
                if (l.length == 2) {
                    if (l[0].equals(l[1])) variances.add(k);
                    if (l[0].matches("m\\d+[xyz]") && l[1].matches("m\\d+[xyz]")) {
                        int e0 = Integer.parseInt(l[0].substring(1, l[0].length() - 1)), e1 = Integer.parseInt(l[1].substring(1, l[1].length() - 1));
                        if (l[0].equals(l[1])) diag.add(k);
                        // C_all: i <= j, all a, b; an unordered unknown K(a,b) with a != b in one ensemble stands for both orders
                        if (e0 == e1 && !l[0].equals(l[1])) { all.add(k); all.add(k); } else all.add(k);
                    }
                }
                rest.add(k);
            }
            if (hasCumulants) { names.add("C_diag"); names.add("C_all"); }
            for (int k : rest) names.add(unknowns.get(k));
            for (int e = 1; e <= model.ensembles(); e++)
                spinTriples.add(new int[]{unknowns.indexOf("m" + e + "x"), unknowns.indexOf("m" + e + "y"), unknowns.indexOf("m" + e + "z")});
            initialNorm = new double[spinTriples.size()];
            java.util.Arrays.fill(initialNorm, Double.NaN);
        }

        List<String> names() { return names; }

        double[] row(double t, double[] y) {
            double[] r = new double[names.size()];
            int c = 0;
            r[c++] = t;
            for (int i : observableIndex) r[c++] = i >= 0 ? y[i] : Double.NaN;
            if (hasCumulants) {
                double d = 0, a = 0;
                for (int k : diag) d += y[k];
                for (int k : all) a += y[k];
                r[c++] = d;
                r[c++] = a;
            }
            for (int k : rest) r[c++] = y[k];
            return r;
        }

        void monitor(double[] y, double[] inv, int order) {
            for (int e = 0; e < spinTriples.size(); e++) {
                int[] ix = spinTriples.get(e);
                if (ix[0] < 0 || ix[1] < 0 || ix[2] < 0) continue;
                double nrm = Math.sqrt(y[ix[0]] * y[ix[0]] + y[ix[1]] * y[ix[1]] + y[ix[2]] * y[ix[2]]);
                if (Double.isNaN(initialNorm[e])) initialNorm[e] = nrm;
                inv[0] = Math.max(inv[0], Math.abs(nrm - initialNorm[e]));
            }
            for (int k : variances) inv[1] = Math.min(inv[1], y[k]);
        }
    }
}
