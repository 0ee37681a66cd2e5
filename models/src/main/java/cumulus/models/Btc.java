package cumulus.models;

import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import cumulus.api.OpSum;

/** Boundary time crystal: H = ω_x S^x, jump sqrt(κ/S) S^- (SPEC.md, paper Eq. 12). */
public final class Btc implements ModelPlugin {
    @Override public Model model() {
        return Model.builder("btc")
                .description("boundary time crystal: H = omega_x S^x, jump sqrt(kappa/S) S^-")
                .spinEnsembles(1, 16)
                .real("omega_x", 2, "Rabi drive frequency")
                .real("kappa", 1, "collective decay rate")
                .hamiltonian(OpSum.sx(1).scale("omega_x"))
                .jump("kappa/S", OpSum.sm(1))
                .build();
    }
}
