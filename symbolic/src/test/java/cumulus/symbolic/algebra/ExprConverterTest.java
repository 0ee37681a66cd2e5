package cumulus.symbolic.algebra;

import cumulus.api.Complex;
import cumulus.api.Expr;
import cumulus.api.ModelException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The exact finite-N form of coefficients: same value as the api's complex evaluation, real opaque atoms, one atom per value. */
class ExprConverterTest {
    static final Map<String, Double> AT = Map.of("N", 5.0, "kappa", 0.7, "omega", 1.3, "gamma", 0.4, "t", 0.9, "a", 0.25, "b", -0.6);

    static void assertSameValue(String coefficient) {
        Expr e = Expr.parse(coefficient);
        Complex expected = e.evaluate(AT);
        double[] got = ExprConverter.toPoly(e).evaluate(AT::get);
        assertEquals(expected.re(), got[0], 1e-13 * Math.max(1, expected.abs()), coefficient + " (real part)");
        assertEquals(expected.im(), got[1], 1e-13 * Math.max(1, expected.abs()), coefficient + " (imaginary part)");
    }

    @Test void complexCoefficientsKeepTheirValueAtFiniteN() {
        for (String c : new String[]{"exp(I*omega*t)", "1/(kappa + I*omega)", "1/(kappa + I*omega*N)^2", "sin(a + I*b)", "cos(a - I*b*N)",
                "exp(a + I*b)*sqrt(kappa/(S+1))", "(kappa - I*omega)/(kappa + I*omega)", "I*exp(-I*omega*t)/(N+1)"})
            assertSameValue(c);
    }

    @Test void realFiniteSizeFormsKeepTheirValue() {
        for (String c : new String[]{"kappa/(N+1)", "sqrt(N*(N+1))/S", "sqrt(kappa/(S+1))", "omega*sqrt(N^2+1)", "exp(gamma/N)", "(S+1/2)*(N-1)",
                "N - sqrt(N^2+1)", "(N+a)^(1/3)", "N^a", "cos(omega*t)/sqrt(N+kappa)"})
            assertSameValue(c);
    }

    @Test void opaqueAtomsAreRealSoConjugationIsExact() {
        Poly p = ExprConverter.toPoly(Expr.parse("exp(I*omega*t)/(kappa + I*omega)"));
        Poly q = ExprConverter.toPoly(Expr.parse("exp(I*omega*t)/(kappa + I*omega)").conj());
        assertEquals(q, p.conj());
        for (var e : p.terms().keySet())
            for (int k = 0; k < e.size(); k++) if (Atoms.kind(e.id(k)) == Atoms.Kind.OPAQUE) assertFalse(Atoms.opaqueExpr(e.id(k)).symbols().contains("I"));
    }

    @Test void equalValuesWrittenDifferentlyAreOneAtom() {
        assertEquals(ExprConverter.toPoly(Expr.parse("kappa/(S+1)")), ExprConverter.toPoly(Expr.parse("2*kappa/(N+2)")));
        assertEquals(ExprConverter.toPoly(Expr.parse("sqrt(1+N^2)")), ExprConverter.toPoly(Expr.parse("sqrt(N*N+1)")));
        assertEquals(ExprConverter.toPoly(Expr.parse("sin(-a)")), ExprConverter.toPoly(Expr.parse("-sin(a)")));
        assertEquals(Poly.ONE, ExprConverter.toPoly(Expr.parse("exp(0*a) * cos(0)")));
    }

    @Test void rootsOfComplexQuantitiesAreAModelError() {
        ModelException e = assertThrows(ModelException.class, () -> ExprConverter.toPoly(Expr.parse("sqrt(kappa + I*omega)")));
        assertTrue(e.getMessage().contains("complex"), e.getMessage());
    }
}
