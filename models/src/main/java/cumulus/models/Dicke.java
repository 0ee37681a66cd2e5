package cumulus.models;

import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import cumulus.api.OpSum;

/** Open Dicke model: H = ω_b a†a + ω_z S^z + (g/sqrt(N))(a + a†) S^x, boson loss κ_b D[a]. */
public final class Dicke implements ModelPlugin {
    @Override public Model model() { return declare("dicke", "g/sqrt(N)", "(g/sqrt(N))"); }

    static Model declare(String name, String coupling, String shown) {
        OpSum h = OpSum.adag().times(OpSum.a()).scale("omega_b")
                .plus(OpSum.sz(1).scale("omega_z"))
                .plus(OpSum.a().plus(OpSum.adag()).times(OpSum.sx(1)).scale(coupling));
        return Model.builder(name)
                .description("open Dicke model: H = omega_b a^dag a + omega_z S^z + " + shown + " (a + a^dag) S^x, loss kappa_b D[a]")
                .spinEnsembles(1, 8)
                .real("omega_b", 1, "boson frequency")
                .real("omega_z", 1, "spin splitting")
                .real("kappa_b", 1, "boson loss rate")
                .real("g", 1, "spin-boson coupling")
                .boson(Expr.sym("omega_b"), 16)
                .hamiltonian(h)
                .bosonLoss(Expr.sym("kappa_b"))
                .build();
    }
}
