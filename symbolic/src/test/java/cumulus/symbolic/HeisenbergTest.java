package cumulus.symbolic;

import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.OpSum;
import cumulus.models.Btc;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.ops.OpMono;
import cumulus.symbolic.ops.OpPoly;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The jump form and the Γ-matrix form of Eq. (4) give the same adjoint generator, exactly at finite N. */
class HeisenbergTest {

    @Test void jumpSqrtKappaOverSSMinusEqualsGammaMatrixWithGammaXYEqualToIKappa() {
        Expr k = Expr.sym("kappa");
        Expr[][] g = {
                {k, Expr.I.times(k), Expr.ZERO},
                {Expr.I.times(k).negate(), k, Expr.ZERO},
                {Expr.ZERO, Expr.ZERO, Expr.ZERO}};
        Model gamma = Model.builder("btc-gamma").spinEnsembles(1, 4).real("omega_x", 2, "").real("kappa", 1, "")
                .hamiltonian(OpSum.sx(1).scale("omega_x")).gamma(1, g).build();
        Heisenberg hj = new Heisenberg(new Btc().model()), hg = new Heisenberg(gamma);
        int n = hj.letters.count;
        for (List<Integer> w : List.of(List.of(0), List.of(1), List.of(2), List.of(0, 1), List.of(2, 2), List.of(1, 0, 2), List.of(0, 0, 1, 2))) {
            OpPoly<Poly> a = hj.adjointGenerator(hj.algebra.orderedProduct(w));
            OpPoly<Poly> b = hg.adjointGenerator(hg.algebra.orderedProduct(w));
            assertEquals(a.terms(), b.terms(), "d/dt of word " + w);
        }
        assertEquals(Derivation.derive(new Btc().model(), 2).rhsPolys(), Derivation.derive(gamma, 2).rhsPolys());
        assertEquals(OpMono.letter(n, 0), OpMono.ofLetters(n, List.of(0)));
    }
}
