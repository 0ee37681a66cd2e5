package cumulus.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ExprTest {
    private static final double TOL = 1e-15;

    @Test
    void jumpRateOfTheBtcIsKappaOverS() {
        Expr rate = Expr.parse("kappa/S");
        Complex v = rate.evaluate(Map.of("kappa", 1.5, "N", 6.0));
        assertEquals(0.5, v.re(), TOL);
        assertEquals(0.0, v.im(), 0.0);
        assertEquals(java.util.Set.of("kappa", "S"), rate.symbols());
    }

    @Test
    void decimalLiteralsAreExactRationals() {
        assertEquals(new Expr.Rat(7, 20), Expr.parse("0.35"));
        assertEquals(Expr.rat(1, 2), Expr.parse("1/2").evaluate(Map.of()).re() == 0.5 ? Expr.rat(1, 2) : null);
    }

    @Test
    void imaginaryUnitConjugatesAndSquaresToMinusOne() {
        Expr e = Expr.parse("2*I*omega + sqrt(kappa)");
        Map<String, Double> v = Map.of("omega", 3.0, "kappa", 4.0);
        Complex z = e.evaluate(v), zc = e.conj().evaluate(v);
        assertEquals(2.0, z.re(), TOL);
        assertEquals(6.0, z.im(), TOL);
        assertEquals(-6.0, zc.im(), TOL);
        assertEquals(-1.0, Expr.parse("I^2").evaluate(Map.of()).re(), TOL);
    }

    @Test
    void precedenceAndUnaryMinusFollowMathematics() {
        assertEquals(-7.0, Expr.parse("-1 - 2*3").evaluate(Map.of()).re(), TOL);
        assertEquals(-9.0, Expr.parse("-3^2").evaluate(Map.of()).re(), TOL);
        assertEquals(2.0, Expr.parse("2^-1*4").evaluate(Map.of()).re(), TOL);
        assertEquals(1e-3, Expr.parse("1e-3").evaluate(Map.of()).re(), TOL);
    }

    @Test
    void malformedExpressionsNameTheColumn() {
        ModelException e = assertThrows(ModelException.class, () -> Expr.parse("kappa * (S"));
        assertTrue(e.getMessage().contains("column 11"), e.getMessage());
        assertTrue(e.getMessage().contains("expected ')'"), e.getMessage());
        ModelException f = assertThrows(ModelException.class, () -> Expr.parse("tan(x)"));
        assertTrue(f.getMessage().contains("unknown function 'tan'"), f.getMessage());
    }

    @Test
    void missingSymbolIsAnErrorNamingIt() {
        ModelException e = assertThrows(ModelException.class, () -> Expr.parse("g*omega").evaluate(Map.of("g", 1.0)));
        assertTrue(e.getMessage().contains("'omega'"), e.getMessage());
    }
}
