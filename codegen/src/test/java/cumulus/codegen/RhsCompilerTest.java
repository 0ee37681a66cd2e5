package cumulus.codegen;

import cumulus.api.Expr;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class RhsCompilerTest {

    /** SPEC.md's btc mean-field equations, written as expression trees. */
    static final List<String> BTC = List.of("m1x", "m1y", "m1z");
    static final List<Expr> BTC_RHS = List.of(
            Expr.parse("kappa*m1x*m1z"),
            Expr.parse("-omega_x*m1z + kappa*m1y*m1z"),
            Expr.parse("omega_x*m1y - kappa*(m1x^2 + m1y^2)"));

    @Test
    void compiledBtcMeanFieldEqualsTheTreeEvaluation() {
        RhsCompiler.Compiled c = RhsCompiler.compile(BTC, List.of("kappa", "omega_x"), BTC_RHS);
        Map<String, Double> p = Map.of("kappa", 1.0, "omega_x", 2.0);
        CompiledRhs f = c.bind(p);
        double[] y = {0.3, -0.4, 0.5}, dy = new double[3];
        f.rhs(0, y, dy);
        for (int k = 0; k < 3; k++) {
            Map<String, Double> env = new HashMap<>(p);
            for (int i = 0; i < 3; i++) env.put(BTC.get(i), y[i]);
            assertEquals(BTC_RHS.get(k).evaluate(env).re(), dy[k], 1e-15);
        }
    }

    @Test
    void sameSystemIsCompiledOnce() {
        RhsCompiler.Compiled a = RhsCompiler.compile(BTC, List.of("kappa", "omega_x"), BTC_RHS);
        int before = RhsCompiler.cacheSize();
        RhsCompiler.Compiled b = RhsCompiler.compile(BTC, List.of("kappa", "omega_x"), BTC_RHS);
        assertSame(a.constructor(), b.constructor());
        assertEquals(before, RhsCompiler.cacheSize());
    }

    @Test
    void largeSystemsAreSplitIntoSmallMethodsAndStayExact() {
        // 600 coupled quadratic equations with shared products and parameter-only subexpressions
        Random rnd = new Random(7);
        int n = 600;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) names.add("K(u" + i + ")");
        List<Expr> rhs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Expr a = Expr.sym(names.get(rnd.nextInt(n))), b = Expr.sym(names.get(rnd.nextInt(n)));
            Expr shared = Expr.sym(names.get(i % 7)).times(Expr.sym(names.get(i % 5)));
            rhs.add(Expr.parse("g/sqrt(N)").times(a).times(b).plus(Expr.parse("-kappa/2").times(shared))
                    .plus(Expr.fn("cos", Expr.T).times(Expr.real(0.25))));
        }
        RhsCompiler.Compiled c = RhsCompiler.compile(names, List.of("g", "N", "kappa"), rhs);
        int methods = c.source().split("private void part").length - 1;
        assertTrue(methods >= n / JavaEmitter.STATEMENTS_PER_METHOD, "body split into " + methods + " methods");
        for (String line : c.source().split("\n")) assertTrue(line.length() < 2000, "no giant statement");
        Map<String, Double> p = Map.of("g", 1.3, "N", 16.0, "kappa", 0.7);
        CompiledRhs f = c.bind(p);
        double[] y = rnd.doubles(n, -1, 1).toArray(), dy = new double[n];
        f.rhs(0.4, y, dy);
        Map<String, Double> env = new HashMap<>(p);
        env.put("t", 0.4);
        for (int i = 0; i < n; i++) env.put(names.get(i), y[i]);
        for (int k = 0; k < n; k++) assertEquals(rhs.get(k).evaluate(env).re(), dy[k], 1e-13);
    }

    @Test
    void complexCoefficientsAreRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RhsCompiler.compile(List.of("x"), List.of(), List.of(Expr.parse("I*x"))));
        assertTrue(e.getMessage().contains("complex"));
    }

    @Test
    void missingParameterValueIsNamed() {
        RhsCompiler.Compiled c = RhsCompiler.compile(BTC, List.of("kappa", "omega_x"), BTC_RHS);
        var ex = assertThrows(cumulus.api.ModelException.class, () -> c.bind(Map.of("kappa", 1.0)));
        assertTrue(ex.getMessage().contains("omega_x"));
    }
}
