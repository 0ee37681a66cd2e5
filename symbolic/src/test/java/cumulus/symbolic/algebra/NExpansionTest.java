package cumulus.symbolic.algebra;

import cumulus.api.Expr;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Each rule of the expansion in 1/N, with the exact coefficients it must give (orders in halves of a power of N). */
class NExpansionTest {
    static final int DEPTH = 12;

    static NSeries series(String coefficient) { return NExpansion.expand(Expr.parse(coefficient), DEPTH); }
    static Growth growth(String coefficient) { return NExpansion.growth(ExprConverter.toPoly(Expr.parse(coefficient))); }
    static Poly poly(String e) { return ExprConverter.toPoly(Expr.parse(e)); }

    /** The series has exactly these coefficients at these orders (halves → coefficient) above its error term. */
    static void assertTerms(NSeries s, Map<Integer, String> expected) {
        for (Map.Entry<Integer, String> e : expected.entrySet())
            assertEquals(poly(e.getValue()), s.coefficient(e.getKey()).toPoly(), "coefficient of N^(" + e.getKey() + "/2) in " + s);
        for (int h : s.terms().keySet()) assertTrue(expected.containsKey(h) || h < minKey(expected), "unexpected term N^(" + h + "/2) in " + s);
    }

    private static int minKey(Map<Integer, String> m) { return m.keySet().stream().mapToInt(Integer::intValue).min().orElse(0); }

    @Test void binomialRuleForPowersOfNPlusAConstant() {
        // (N + a)^p = N^p (1 + p a/N + p(p−1)/2 a²/N² + ...)
        assertTerms(series("(N+a)^(-1)"), Map.of(-2, "1", -4, "-a", -6, "a^2"));
        assertTerms(series("(N+a)^(1/2)"), Map.of(1, "1", -1, "a/2", -3, "-a^2/8"));
        assertTerms(series("(N+a)^(3/2)"), Map.of(3, "1", 1, "3*a/2", -1, "3*a^2/8"));
        assertTerms(series("(N+a)^(-1/2)"), Map.of(-1, "1", -3, "-a/2", -5, "3*a^2/8"));
        assertTerms(series("(N^3+a)^(1/3)"), Map.of(2, "1", -4, "a/3"));
        NSeries square = series("(N+a)^2");
        assertTrue(square.isExact(), "an integer power of a polynomial stays exact: " + square);
        assertTerms(square, Map.of(4, "1", 2, "2*a", 0, "a^2"));
    }

    @Test void squareRootOfAPolynomialInN() {
        assertTerms(series("sqrt(N^2+N)"), Map.of(2, "1", 0, "1/2", -2, "-1/8", -4, "1/16"));
        assertTerms(series("sqrt(N*(N+1))/S"), Map.of(0, "2", -2, "1", -4, "-1/4"));
        assertTerms(series("sqrt(N*(kappa+omega))"), Map.of(1, "sqrt(kappa+omega)"));
    }

    @Test void inverseOfAPolynomialInN() {
        assertTerms(series("1/(N^2+a*N)"), Map.of(-4, "1", -6, "-a", -8, "a^2"));
        assertTerms(series("kappa/(N+1)*N"), Map.of(0, "kappa", -2, "-kappa", -4, "kappa"));
        assertTerms(series("omega_xx/(S+1)"), Map.of(-2, "2*omega_xx", -4, "-4*omega_xx", -6, "8*omega_xx"));
        // the kappa/(S+1) jump: sqrt(kappa/(S+1)) = sqrt(2 kappa/N) (1 − 1/N + ...)
        assertTerms(series("sqrt(kappa/(S+1))"), Map.of(-1, "sqrt(2*kappa)", -3, "-sqrt(2*kappa)"));
    }

    @Test void expOfCOverNIsOnePlusCOverN() {
        assertTerms(series("exp(c/N)"), Map.of(0, "1", -2, "c", -4, "c^2/2", -6, "c^3/6"));
        assertTerms(series("exp(a + c/N)"), Map.of(0, "exp(a)", -2, "c*exp(a)"));
        assertTerms(series("N*(exp(c/N) - 1)"), Map.of(0, "c", -2, "c^2/2"));
    }

    @Test void sinAndCosOfADecayingArgument() {
        assertTerms(series("N*sin(c/N)"), Map.of(0, "c", -4, "-c^3/6"));
        assertTerms(series("cos(1/N)"), Map.of(0, "1", -4, "-1/2"));
        assertTerms(series("sin(a + 1/N)"), Map.of(0, "sin(a)", -2, "cos(a)", -4, "-sin(a)/2"));
        assertTerms(series("cos(a + 1/sqrt(N))"), Map.of(0, "cos(a)", -1, "-sin(a)", -2, "-cos(a)/2"));
    }

    @Test void productsMultiplyTheLeadingTerms() {
        assertTerms(series("(N+1)*(N-1)/N"), Map.of(2, "1", -2, "-1"));
        assertTerms(series("sqrt(N+1)*sqrt(N-1)"), Map.of(2, "1", -2, "-1/2"));
        assertTerms(series("(S+1/2)*(N-1)"), Map.of(4, "1/2", 0, "-1/2"));
    }

    @Test void sumsCancelTheirLeadingTerms() {
        Growth g = growth("N - sqrt(N^2+1)");
        assertEquals(Growth.Kind.LEADING, g.kind());
        assertEquals(-2, g.halves(), "N − sqrt(N² + 1) = −1/(2N) + ...: O(1/N), not O(N)");
        assertEquals(poly("-1/2"), g.leading().toPoly());
        assertTerms(series("N - sqrt(N^2+1)"), Map.of(-2, "-1/2", -6, "1/8"));
        assertEquals(-1, growth("sqrt(N+1) - sqrt(N)").halves(), "sqrt(N + 1) − sqrt(N) = 1/(2 sqrt N)");
        assertEquals(poly("1/2"), growth("sqrt(N+1) - sqrt(N)").leading().toPoly());
    }

    @Test void aCoefficientThatIsIdenticallyZeroOnlyGetsABound() {
        Growth g = growth("sqrt(N^2+2*N+1) - N - 1");
        assertEquals(Growth.Kind.BOUND, g.kind(), "sqrt((N+1)^2) − N − 1 = 0 cancels at every order");
        assertTrue(g.halves() < -20, "bound " + g.halves());
        assertEquals(Growth.Kind.ZERO, growth("(N+1)^2 - N^2 - 2*N - 1").kind(), "a polynomial identity is exactly zero");
    }

    @Test void leadingCoefficientsThatAreSumsMayVanish() {
        Growth g = growth("(a-b)*N");
        assertEquals(2, g.halves());
        assertFalse(g.definite(), "a − b vanishes for a = b");
        assertTrue(growth("a*b*N").definite(), "a product vanishes only when a coupling is switched off");
        assertTrue(growth("(a^2+b^2)*N").definite(), "a sum of squares vanishes only when both are zero");
        assertTrue(growth("(1 + exp(a))*N").definite());
    }

    @Test void dividingByASumIsAnAssumptionUnlessItIsACommonFactor() {
        Growth g = growth("1/((a-b)*N+1)");
        assertEquals(-2, g.halves());
        assertEquals(Set.of(poly("a-b")), g.assumed(), "O(1/N) only for a != b (it is 1 for a = b)");
        Growth jump = growth("kappa/((kappa+gamma)*S)");
        assertTrue(jump.assumed().isEmpty(), "kappa + gamma = 0 makes the coefficient singular, not of another order");
        assertEquals(poly("2*kappa/(gamma+kappa)"), jump.leading().toPoly());
        assertEquals(poly("kappa - gamma"), growth("(kappa^2-gamma^2)/((kappa+gamma)*N)").leading().toPoly(), "exact division");
    }

    @Test void complexCoefficientsExpandWithComplexLeadingCoefficients() {
        assertTerms(series("1/(kappa + I*omega*N)"), Map.of(-2, "-I/omega", -4, "kappa/omega^2"));
        assertTerms(series("exp(I*w/N)"), Map.of(0, "1", -2, "I*w", -4, "-w^2/2"));
    }

    @Test void coefficientsWithoutAnExpansionAreReportedNotGuessed() {
        for (String[] c : new String[][]{{"N^a", "symbolic exponent"}, {"N^(1/3)", "not an integer or half-integer"},
                {"exp(N)", "grows like N^1"}, {"sin(N)", "grows like N^1"}, {"sqrt(1-N)", "negative"}, {"2^N", "depends on N"}}) {
            Growth g = growth(c[0]);
            assertEquals(Growth.Kind.UNKNOWN, g.kind(), c[0]);
            assertTrue(g.reason().contains(c[1]), c[0] + ": " + g.reason());
        }
    }

    @Test void nFreeCoefficientsAreTheirOwnLeadingTerm() {
        Growth g = growth("sqrt(kappa+gamma)*exp(-a)*sin(omega*t)");
        assertEquals(0, g.halves());
        assertEquals(poly("sqrt(kappa+gamma)*exp(-a)*sin(omega*t)"), g.leading().toPoly());
    }
}
