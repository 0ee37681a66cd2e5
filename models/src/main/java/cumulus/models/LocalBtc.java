package cumulus.models;

import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import cumulus.api.OpSum;

/**
 * Boundary time crystal with local decay (paper Eq. 18): H = ω_x S^x, collective jump sqrt(κ/S) S^-,
 * and every spin decays on its own, γ_local Σ_k D[σ_k^-]. Total spin is not conserved; the exact
 * engine works in the permutation-invariant space of all total spins j.
 */
public final class LocalBtc implements ModelPlugin {
    @Override public Model model() {
        return Model.builder("local-btc")
                .description("boundary time crystal with local decay: H = omega_x S^x, jump sqrt(kappa/S) S^-, gamma_local sum_k D[sigma_k^-]")
                .spinEnsembles(1, 10)
                .real("omega_x", 1, "Rabi drive frequency")
                .real("kappa", 1, "collective decay rate")
                .real("gamma_local", 1, "decay rate of each single spin")
                .hamiltonian(OpSum.sx(1).scale("omega_x"))
                .jump("kappa/S", OpSum.sm(1))
                .localEmission(1, "gamma_local")
                .build();
    }
}
