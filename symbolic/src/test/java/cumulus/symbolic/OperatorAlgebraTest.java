package cumulus.symbolic;

import cumulus.api.Op;
import cumulus.models.Dicke;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.algebra.QI;
import cumulus.symbolic.ops.Letters;
import cumulus.symbolic.ops.MacroAlgebra;
import cumulus.symbolic.ops.OpMono;
import cumulus.symbolic.ops.OpPoly;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Canonical forms and commutation relations of the macroscopic operator algebra (exact, symbolic in N). */
class OperatorAlgebraTest {
    final Letters L = new Letters(2, true);
    final MacroAlgebra<Poly> alg = new MacroAlgebra<>(L, Poly.RING);
    final Poly twoIOverN = Poly.atom("N", -2).scale(QI.complex(0, 2));

    OpPoly<Poly> l(String n) { return alg.letter(L.index(n)); }

    @Test void spinComponentsObeyTheSu2AlgebraScaledByTwoOverN() {
        // [S^a, S^b] = i ε_abc S^c  ⇒  [m^a, m^b] = (2i/N) ε_abc m^c
        assertEquals(l("m1z").scale(twoIOverN), l("m1x").commutator(l("m1y")));
        assertEquals(l("m1x").scale(twoIOverN), l("m1y").commutator(l("m1z")));
        assertEquals(l("m1y").scale(twoIOverN), l("m1z").commutator(l("m1x")));
        assertTrue(l("m1x").commutator(l("m2y")).isZero(), "different ensembles commute");
        assertTrue(l("m1z").commutator(l("x")).isZero(), "spins commute with the boson");
    }

    @Test void bosonQuadraturesObeyXPEqualsIOverNAndAAdaggerEqualsOne() {
        assertEquals(alg.identity().scale(Poly.atom("N", -2).scale(QI.I)), l("x").commutator(l("p")));
        Heisenberg h = new Heisenberg(new Dicke().model());
        OpPoly<Poly> a = h.convert(new Op.Boson(false)), ad = h.convert(new Op.Boson(true));
        assertEquals(h.algebra.identity(), a.commutator(ad));
        assertEquals(ad, a.adjoint());
    }

    @Test void productsHaveOneCanonicalFormSoEqualOperatorsAreEqualObjects() {
        OpPoly<Poly> yx = l("m1y").times(l("m1x"));
        OpPoly<Poly> expected = l("m1x").times(l("m1y")).minus(l("m1z").scale(twoIOverN));
        assertEquals(expected, yx);
        assertEquals(expected.hashCode(), yx.hashCode());
        assertEquals(Map.of(OpMono.ofLetters(L.count, List.of(L.index("m1x"), L.index("m1y"))), Poly.ONE), l("m1x").times(l("m1y")).terms());
    }

    private OpPoly<Poly> randomOp(Random r) {
        OpPoly<Poly> o = alg.zero();
        for (int t = 0; t < 3; t++) {
            List<Integer> w = new ArrayList<>();
            for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) w.add(r.nextInt(L.count));
            o = o.plus(alg.orderedProduct(w).scale(Poly.constant(QI.complex(r.nextInt(5) - 2, r.nextInt(3) - 1))));
        }
        return o;
    }

    @Test void productIsAssociativeAndTheJacobiIdentityHolds() {
        Random r = new Random(1);
        for (int k = 0; k < 20; k++) {
            OpPoly<Poly> a = randomOp(r), b = randomOp(r), c = randomOp(r);
            assertEquals(a.times(b).times(c), a.times(b.times(c)));
            OpPoly<Poly> jac = a.commutator(b.commutator(c)).plus(b.commutator(c.commutator(a))).plus(c.commutator(a.commutator(b)));
            assertTrue(jac.isZero());
        }
    }

    @Test void adjointIsAnAntiLinearAntiAutomorphism() {
        Random r = new Random(2);
        for (int k = 0; k < 20; k++) {
            OpPoly<Poly> a = randomOp(r), b = randomOp(r);
            assertEquals(a, a.adjoint().adjoint());
            assertEquals(b.adjoint().times(a.adjoint()), a.times(b).adjoint());
        }
    }

    @Test void symmetrizedProductsAreHermitianAndWeylDecompositionInvertsThem() {
        Random r = new Random(3);
        for (int k = 0; k < 20; k++) {
            List<Integer> w = new ArrayList<>();
            for (int j = 0, n = 1 + r.nextInt(4); j < n; j++) w.add(r.nextInt(L.count));
            OpMono u = OpMono.ofLetters(L.count, w);
            OpPoly<Poly> s = alg.sym(u);
            assertEquals(s, s.adjoint());
            assertEquals(Map.of(u, Poly.ONE), alg.weyl(s));
            // and an arbitrary operator is rebuilt from its Weyl coefficients
            OpPoly<Poly> o = randomOp(r), back = alg.zero();
            for (Map.Entry<OpMono, Poly> e : alg.weyl(o).entrySet()) back = back.plus(alg.sym(e.getKey()).scale(e.getValue()));
            assertEquals(o, back);
        }
    }
}
