package cumulus.symbolic;

import cumulus.api.Model;
import cumulus.models.Btc;
import cumulus.models.BtcPair;
import cumulus.models.Dicke;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closure orders, automatic completion, unknown counts and the data structure handed to codegen / CLI. */
class ClosureTest {

    @Test void btcHasThreeUnknownsAtMeanFieldAndNineAtSecondOrder() {
        Model m = new Btc().model();
        assertEquals(3, Derivation.derive(m, 1).size());
        EquationSystem s2 = Derivation.derive(m, 2);
        assertEquals(9, s2.size());
        assertEquals(List.of("m1x", "m1y", "m1z", "K(m1x,m1x)", "K(m1x,m1y)", "K(m1x,m1z)", "K(m1y,m1y)", "K(m1y,m1z)", "K(m1z,m1z)"), s2.unknowns());
        // third order: 3 + 6 + 10 symmetric cumulants
        assertEquals(19, Derivation.derive(m, 3).size());
    }

    @Test void btcPairHasSixUnknownsAtMeanFieldAndTwentySevenAtSecondOrder() {
        Model m = new BtcPair().model();
        assertEquals(6, Derivation.derive(m, 1).size());
        assertEquals(27, Derivation.derive(m, 2).size());
    }

    @Test void btcPairThirdOrderClosesOnSixPlusTwentyOnePlusFiftySixUnknowns() {
        EquationSystem s = Derivation.derive(new BtcPair().model(), 3);
        assertEquals(83, s.size());
        assertEquals(56, s.cumulantOrders().stream().filter(o -> o == 3).count());
    }

    @Test void dickeSecondOrderClosesOnFivePlusFifteenUnknowns() {
        assertEquals(20, Derivation.derive(new Dicke().model(), 2).size());
    }

    @Test void jsonTreeListsUnknownsParametersAndEquations() {
        EquationSystem s = Derivation.derive(new Btc().model(), 2);
        Map<String, Object> j = s.toJsonTree();
        assertEquals(s.unknowns(), j.get("unknowns"));
        assertEquals(List.of("N", "omega_x", "kappa"), j.get("parameters"));
        List<?> eqs = (List<?>) j.get("equations");
        assertEquals(9, eqs.size());
        Map<?, ?> first = (Map<?, ?>) eqs.get(0);
        assertEquals("d/dt m1x", first.get("lhs"));
        assertTrue(((String) first.get("rhs")).contains("kappa*m1x*m1z"));
        assertEquals(Boolean.TRUE, first.get("real"));
        assertTrue(s.toText().startsWith("d/dt m1x = "));
        assertTrue(s.toLatex().contains("\\frac{d}{dt} m_{1}^{x}"));
    }

    @Test void everyRightHandSideOfAHermitianModelIsReal() {
        for (Model m : List.of(new Btc().model(), new BtcPair().model(), new Dicke().model())) {
            EquationSystem s = Derivation.derive(m, 2);
            for (String u : s.unknowns()) assertTrue(s.isReal(u), m.name() + " " + u);
        }
    }

    @Test void numericRightHandSidesEvaluateTheTrees() {
        EquationSystem s = Derivation.derive(new Btc().model(), 1);
        Map<String, Double> p = new HashMap<>(Map.of("N", 1e12, "omega_x", 2.0, "kappa", 1.0));
        double[] y = {0.6, 0.0, 0.8};
        double[] f = s.rhs(0, y, p);
        // SPEC check value at N -> infinity, tolerance covers the 1/N terms at N = 1e12
        assertEquals(1 * 0.6 * 0.8, f[0], 1e-10);
        assertEquals(-2 * 0.8 + 0, f[1], 1e-10);
        assertEquals(2 * 0.0 - (0.36 + 0), f[2], 1e-10);
        // the expression trees evaluate to the same numbers
        Map<String, Double> all = new HashMap<>(p);
        for (int k = 0; k < 3; k++) all.put(s.unknowns().get(k), y[k]);
        for (int k = 0; k < 3; k++) assertEquals(f[k], s.rhs().get(k).evaluate(all).re(), 1e-12);
    }

    @Test void secondOrderBtcKeepsTheMeanFieldLimitAndAddsCumulantFeedback() {
        EquationSystem s = Derivation.derive(new Btc().model(), 2).thermodynamicLimit();
        var expected = PaperEquationsTest.p("kappa*m1x*m1z").plus(PaperEquationsTest.p("kappa").times(cumulus.symbolic.algebra.Poly.atom("K(m1x,m1z)")));
        assertEquals(cumulus.symbolic.algebra.Poly.ZERO, s.rhsPoly("m1x").minus(expected));
    }

    @Test void expressionTreesAndCompiledEvaluationAgreeForTheDickeModelWithSquareRoots() {
        EquationSystem s = Derivation.derive(new Dicke().model(), 2);
        java.util.Random r = new java.util.Random(4);
        Map<String, Double> p = new HashMap<>(Map.of("N", 7.0, "omega_b", 1.3, "omega_z", 0.7, "kappa_b", 0.4, "g", 1.1));
        double[] y = new double[s.size()];
        Map<String, Double> all = new HashMap<>(p);
        for (int k = 0; k < y.length; k++) { y[k] = r.nextGaussian(); all.put(s.unknowns().get(k), y[k]); }
        double[] f = s.rhs(0.5, y, p);
        for (int k = 0; k < y.length; k++) {
            var v = s.rhs().get(k).evaluate(all);
            assertEquals(f[k], v.re(), 1e-12 * Math.max(1, Math.abs(f[k])), s.unknowns().get(k));
            assertEquals(0, v.im(), 1e-12);
        }
    }
}
