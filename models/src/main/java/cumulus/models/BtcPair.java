package cumulus.models;

import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import cumulus.api.OpSum;

/**
 * Two coupled boundary time crystals (paper Fig. 3): H_j = ω_x S_j^x + ω_z^(j) S_j^z, jumps
 * sqrt(κ/S) S_j^-, coupled by (1/S)(ω_xx S_1^x S_2^x + ω_zz S_1^z S_2^z).
 */
public final class BtcPair implements ModelPlugin {
    @Override public Model model() { return declare("btc-pair", "1/S", "(1/S)"); }

    /** The pair with coupling prefactor {@code scale}; {@code btc-pair-unscaled} drops the 1/S. */
    static Model declare(String name, String scale, String shown) {
        OpSum h = OpSum.sx(1).plus(OpSum.sx(2)).scale("omega_x")
                .plus(OpSum.sz(1).scale("omega_z1"))
                .plus(OpSum.sz(2).scale("omega_z2"))
                .plus(OpSum.sx(1).times(OpSum.sx(2)).scale("omega_xx*" + scale))
                .plus(OpSum.sz(1).times(OpSum.sz(2)).scale("omega_zz*" + scale));
        return Model.builder(name)
                .description("two BTCs: H_j = omega_x S_j^x + omega_zj S_j^z, jumps sqrt(kappa/S) S_j^-, coupling "
                        + shown + "(omega_xx S_1^x S_2^x + omega_zz S_1^z S_2^z)")
                .spinEnsembles(2, 4)
                .real("omega_x", 2, "Rabi drive frequency of both ensembles")
                .real("kappa", 1, "collective decay rate of each ensemble")
                .real("omega_z1", 0.1, "detuning of ensemble 1")
                .real("omega_z2", 0.02, "detuning of ensemble 2")
                .real("omega_xx", 3, "x-x coupling")
                .real("omega_zz", 0.35, "z-z coupling")
                .hamiltonian(h)
                .jump("kappa/S", OpSum.sm(1))
                .jump("kappa/S", OpSum.sm(2))
                .build();
    }
}
