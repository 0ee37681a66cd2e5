package cumulus.models;

import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import cumulus.api.OpSum;

/** Hermitian jumps (paper Fig. S2): H = ω_x S^x, jump sqrt(γ/S) S^z. */
public final class Dephasing implements ModelPlugin {
    @Override public Model model() {
        return Model.builder("dephasing")
                .description("collective dephasing: H = omega_x S^x, jump sqrt(gamma/S) S^z")
                .spinEnsembles(1, 16)
                .real("omega_x", 1, "Rabi drive frequency")
                .real("gamma", 1, "collective dephasing rate")
                .hamiltonian(OpSum.sx(1).scale("omega_x"))
                .jump("gamma/S", OpSum.sz(1))
                .build();
    }
}
