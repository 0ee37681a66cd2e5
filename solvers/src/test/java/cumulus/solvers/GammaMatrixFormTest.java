package cumulus.solvers;

import cumulus.solvers.dicke.NumericModel;
import cumulus.solvers.dicke.Liouvillian;

import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.OpSum;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eq. (4) against the jump form: Γ_xx = Γ_yy = κ, Γ_xy = iκ, Γ_yx = −iκ (c = (1, −i, 0)) is the
 * jump sqrt(κ/S) S^-; the paper's Eq. (12) orientation, Γ_yx = +iκ = conj(Γ_xy) (so Γ_xy = −iκ),
 * is the jump sqrt(κ/S) S^+ (SPEC.md "Known typos"). Liouvillian entries agree to 1e-13 absolute.
 */
class GammaMatrixFormTest {

    /** H = ω_x S^x with the Γ matrix of S^- ({@code paperOrientation = false}) or of S^+ (Eq. 12 as printed). */
    static Model gammaModel(boolean paperOrientation) {
        Expr k = Expr.sym("kappa"), ik = Expr.I.times(k), mik = Expr.num(-1).times(ik), z = Expr.num(0);
        Expr[][] g = paperOrientation
                ? new Expr[][]{{k, mik, z}, {ik, k, z}, {z, z, z}}
                : new Expr[][]{{k, ik, z}, {mik, k, z}, {z, z, z}};
        return Model.builder(paperOrientation ? "gamma-eq12" : "gamma-sminus")
                .spinEnsembles(1, 4)
                .real("omega_x", 2, "drive")
                .real("kappa", 1, "rate")
                .hamiltonian(OpSum.sx(1).scale("omega_x"))
                .gamma(1, g)
                .build();
    }

    static Model jumpModel(boolean plus) {
        return Model.builder(plus ? "jump-splus" : "jump-sminus")
                .spinEnsembles(1, 4)
                .real("omega_x", 2, "drive")
                .real("kappa", 1, "rate")
                .hamiltonian(OpSum.sx(1).scale("omega_x"))
                .jump("kappa/S", plus ? OpSum.sp(1) : OpSum.sm(1))
                .build();
    }

    static double maxDiff(Model a, Model b, Map<String, String> set) {
        DMatrixSparseCSC la = Liouvillian.assemble(new NumericModel(a, a.resolve(set))).matrix();
        DMatrixSparseCSC lb = Liouvillian.assemble(new NumericModel(b, b.resolve(set))).matrix();
        double m = 0;
        for (int i = 0; i < la.numRows; i++) for (int j = 0; j < la.numCols; j++) m = Math.max(m, Math.abs(la.get(i, j) - lb.get(i, j)));
        return m;
    }

    @Test
    void gammaOfSMinusEqualsCollectiveDecayJump() {
        for (String n : new String[]{"3", "6"}) {
            Map<String, String> set = Map.of("N", n, "kappa", "0.8", "omega_x", "1.3");
            double d = maxDiff(gammaModel(false), jumpModel(false), set);
            assertTrue(d < 1e-13, "N=" + n + ": max |L_Gamma - L_jump| = " + d);
        }
    }

    @Test
    void paperEq12GammaIsTheSPlusJump() {
        Map<String, String> set = Map.of("N", "5", "kappa", "0.8", "omega_x", "1.3");
        assertTrue(maxDiff(gammaModel(true), jumpModel(true), set) < 1e-13);
        assertTrue(maxDiff(gammaModel(true), jumpModel(false), set) > 0.1, "Eq. 12 as printed must not be the S^- jump");
    }
}
