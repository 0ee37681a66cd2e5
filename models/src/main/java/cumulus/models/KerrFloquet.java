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
 * The boson-only effective model of the Floquet Dicke time crystal (paper Eqs. 15–16):
 * H = ω_b a†a − O2(t)/4 (a + a†)² + O4(t)/(32 N) (a + a†)⁴, with O2 = O4 = 1.5 ω_b for
 * 0 ≤ t &lt; π/ω_b and 0 until T = (2 − ε) π/ω_b; loss κ_b D[a].
 */
public final class KerrFloquet implements ModelPlugin {
    @Override public Model model() {
        OpSum q = OpSum.a().plus(OpSum.adag());
        OpSum q2 = q.times(q);
        OpSum h = OpSum.adag().times(OpSum.a()).scale("omega_b")
                .plus(q2.scale("-(3/2)*omega_b*on/4"))
                .plus(q2.times(q2).scale("(3/2)*omega_b*on/(32*N)"));
        Schedule s = new Schedule(List.of(
                new Schedule.Segment(Expr.parse("pi/omega_b"), Map.of("on", Expr.ONE)),
                new Schedule.Segment(Expr.parse("(1-eps)*pi/omega_b"), Map.of("on", Expr.ZERO))));
        return Model.builder("kerr-floquet")
                .description("boson-only effective Floquet model (Eqs. 15-16): O2 = O4 = 1.5 omega_b on for pi/omega_b, off until T = (2-eps) pi/omega_b")
                .parameter(Parameter.count("N", 60, "number of spins the effective model stands for (sets the Kerr term 1/N)"))
                .real("omega_b", 1, "boson frequency")
                .real("kappa_b", 0.1, "boson loss rate")
                .real("eps", 0.1, "detuning of the period from 2 pi/omega_b")
                .boson(Expr.sym("omega_b"), 65)
                .hamiltonian(h)
                .bosonLoss(Expr.sym("kappa_b"))
                .schedule(s)
                .build();
    }
}
