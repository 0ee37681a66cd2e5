package cumulus.solvers;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Schedule;
import cumulus.api.Trajectory;
import cumulus.solvers.ode.Evolution;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exact dynamics dρ/dt = L(t) ρ of a model whose coefficients depend on t, on either exact space
 * (Dicke ⊗ Fock or permutation-invariant): L(t) = L_0 + Σ_j φ_j(t) M_j ({@link SmoothGenerator})
 * evaluated at every time the integrator ({@link Evolution}, Dormand–Prince 8(5,3), default
 * tolerances) asks for, span by span of a schedule if there is one. Same columns as
 * {@link ExactEngine#evolve}.
 */
public final class SmoothDynamics {
    private SmoothDynamics() { }

    public static Trajectory evolve(Model model, Map<String, Double> parameters, InitialState initial, double tEnd, double dt) {
        SmoothGenerator g = SmoothGenerator.of(model, parameters, tEnd);
        List<String> warnings = new ArrayList<>(g.space().warnings());
        for (String w : g.warnings()) if (!warnings.contains(w)) warnings.add(w);
        List<Schedule.Span> spans = model.isPeriodic() ? model.schedule().spans(tEnd, parameters) : Schedule.constant(tEnd);
        double[] x0 = g.space().initialState(initial, warnings);
        StateRows rows = new StateRows(g.space());
        long cost = 0;
        for (DMatrixSparseCSC m : g.matrices()) cost += m.nz_length;
        Evolution.Outcome end = Evolution.run(spans, k -> (t, y, dy) -> g.derivative(k, t, y, dy), x0, dt,
                Evolution.Budget.densityMatrix(cost / g.segmentCount()), rows::add);
        ExactEngine.fockWarning(rows.maxTopFock(), rows.maxTopFockMode(), warnings);
        return new Trajectory(rows.columns(), rows.rows(), warnings, end.failure());
    }
}
