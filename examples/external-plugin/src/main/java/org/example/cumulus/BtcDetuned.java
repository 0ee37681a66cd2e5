package org.example.cumulus;

import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import cumulus.api.OpSum;

/**
 * An external model plugin: the boundary time crystal with a detuning,
 * H = omega_x S^x + delta S^z, jump sqrt(kappa/S) S^-.
 * Build this project into a jar and load it with {@code cumulus --plugins JAR ...}
 * (or drop the jar into the {@code plugins/} folder next to the launcher).
 */
public final class BtcDetuned implements ModelPlugin {
    @Override public Model model() {
        return Model.builder("btc-detuned")
                .description("detuned boundary time crystal: H = omega_x S^x + delta S^z, jump sqrt(kappa/S) S^-")
                .spinEnsembles(1, 16)
                .real("omega_x", 2, "Rabi drive frequency")
                .real("delta", 0.5, "detuning")
                .real("kappa", 1, "collective decay rate")
                .hamiltonian(OpSum.sx(1).scale("omega_x").plus(OpSum.sz(1).scale("delta")))
                .jump("kappa/S", OpSum.sm(1))
                .build();
    }
}
