package cumulus.models;

import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import cumulus.api.OpSum;
import cumulus.api.Parameter;
import cumulus.api.Schedule;

import java.util.List;
import java.util.Map;

/**
 * Open Dicke model with the coupling switched (paper Eq. 13): g for 0 ≤ t &lt; T/2, 0 for
 * T/2 ≤ t &lt; T. H = ω_b a†a + ω_z S^z + on(t) (g/sqrt(N)) (a + a†) S^x, loss κ_b D[a].
 */
public final class DickeFloquet implements ModelPlugin {
    @Override public Model model() {
        OpSum h = OpSum.adag().times(OpSum.a()).scale("omega_b")
                .plus(OpSum.sz(1).scale("omega_z"))
                .plus(OpSum.a().plus(OpSum.adag()).times(OpSum.sx(1)).scale("on*g/sqrt(N)"));
        Expr half = Expr.parse("period/2");
        Schedule s = new Schedule(List.of(
                new Schedule.Segment(half, Map.of("on", Expr.ONE)),
                new Schedule.Segment(half, Map.of("on", Expr.ZERO))));
        return Model.builder("dicke-floquet")
                .description("open Dicke model with the coupling g on for the first half of each period T, off for the second (Eq. 13)")
                .spinEnsembles(1, 4)
                .real("omega_b", 1, "boson frequency")
                .real("omega_z", 1, "spin splitting")
                .real("kappa_b", 0.1, "boson loss rate")
                .real("g", 1.5, "spin-boson coupling while switched on")
                .parameter(Parameter.real("period", 2 * Math.PI, "drive period T"))
                .boson(Expr.sym("omega_b"), 20)
                .hamiltonian(h)
                .bosonLoss(Expr.sym("kappa_b"))
                .schedule(s)
                .build();
    }
}
