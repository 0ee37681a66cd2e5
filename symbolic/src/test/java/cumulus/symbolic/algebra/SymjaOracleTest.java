package cumulus.symbolic.algebra;

import cumulus.api.Expr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Symja (matheclipse-core, test scope only) as an independent oracle of the coefficient algebra,
 * on 300 seeded random coefficients in N, S and two parameters (p1, p2: names Symja does not fold
 * into built-ins), built from the forms users write (finite-size roots and quotients, exp, sin and
 * cos of decaying arguments) with and without cancelling leading terms.
 *
 * <ul>
 *   <li>Expansion: Symja's Series at f = 0 of the coefficient with N = 1/f² (so half-integer powers
 *       of N are powers of f), at rational parameter values (its Series with symbolic coefficients
 *       was wrong here), put through Together, PowerExpand (twice: it cannot take Sqrt(1/f²)
 *       otherwise) and Together again (Series is silently wrong without); the leading three
 *       half-orders must equal ours.</li>
 *   <li>Numeric oracle, for every expression (and the only one where Symja throws, times out,
 *       leaves Series unevaluated or is wrong): the coefficient in 150 digits at N = 10^6, 10^8,
 *       10^10: the fitted leading power equals ours, and what is left after our truncated series
 *       does not grow faster than our error term (a wrong coefficient above it grows ≥ 100×).</li>
 *   <li>Finite N: Symja's Together of the coefficient minus our exact Poly printed back is 0;
 *       where it cannot show it, equality in double precision at two of N = 3, 5, 40, 1000.</li>
 * </ul>
 * Where Symja's series disagrees and the numeric oracle confirms ours, Symja is wrong (seen: dropped
 * terms, e.g. exp(−1 + p1 p2/N) − sqrt(p1)/3 loses the constant); those are printed, and at most 5% tolerated.
 */
class SymjaOracleTest {
    static final int COUNT = Integer.getInteger("oracle.count", 300);
    static final long SEED = 20261113L;
    static final int DEPTH = 12;
    /** Orders (halves of a power of N) below the leading one that Symja's series is compared on. */
    static final int TERMS = 2;
    /** Parameter points, one drawn per expression. */
    static final String[] P1 = {"0.49", "2.25", "0.64"}, P2 = {"1.69", "0.36", "1.44"};

    /** One evaluator per JVM (Symja's start-up is seconds; the engine is bound to this thread). */
    private static ExprEvaluator symja;
    private static final Map<String, Integer> COUNTS = new java.util.TreeMap<>();
    private static long symjaNanos;

    private static ExprEvaluator symja() {
        if (symja == null) {
            long t0 = System.nanoTime();
            symja = new ExprEvaluator(true, (short) 0);
            symja.eval("1+1");
            symjaNanos += System.nanoTime() - t0;
            count("symja start-up ms", (int) ((System.nanoTime() - t0) / 1_000_000));
        }
        return symja;
    }

    private static void count(String what) { COUNTS.merge(what, 1, Integer::sum); }
    private static void count(String what, int n) { COUNTS.merge(what, n, Integer::sum); }

    private static IExpr eval(String q) {
        long t0 = System.nanoTime();
        try {
            return symja().eval(q);
        } finally {
            symjaNanos += System.nanoTime() - t0;
        }
    }

    @AfterAll static void report() {
        COUNTS.put("symja total wall ms", (int) (symjaNanos / 1_000_000));
        COUNTS.put("symja cpu ms, series", (int) (seriesNanos / 1_000_000));
        COUNTS.put("symja cpu ms, finite N", (int) (finiteNanos / 1_000_000));
        System.out.println("SymjaOracleTest: " + COUNTS);
    }

    @Test void expansionsAndFiniteNFormsAgreeWithSymjaAndTheNumericOracle() {
        Random rnd = new Random(SEED);
        HighPrecision hp = new HighPrecision(150);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Expr e = Generator.coefficient(rnd);
            Poly p = ExprConverter.toPoly(e);
            NSeries mine = NExpansion.expand(p, DEPTH);
            assertFalse(mine.terms().isEmpty(), e + ": expected a leading term, got " + mine);
            count("expressions");
            Map<String, BigDecimal> params = Map.of("p1", new BigDecimal(P1[rnd.nextInt(3)]), "p2", new BigDecimal(P2[rnd.nextInt(3)]));
            numericOracle(e, mine, hp, params);
            symja();
            long t0 = cpuNanos();
            String symjaSays = i < SERIES_QUOTA && budgetLeft(seriesNanos, SERIES_BUDGET_NANOS, "series") ? symjaSeries(e, mine, params) : null;
            if (symjaSays != null) disagreements.add(e + ": " + symjaSays);
            long t1 = cpuNanos();
            seriesNanos += t1 - t0;
            finiteN(e, p, params, budgetLeft(finiteNanos, FINITE_BUDGET_NANOS, "finite N"));
            finiteNanos += cpuNanos() - t1;
        }
        // Symja disagreeing where the 150-digit oracle confirms us is Symja's error: few are tolerated, each is printed
        disagreements.forEach(d -> System.out.println("SymjaOracleTest: Symja's Series disagrees, the numeric oracle confirms ours: " + d));
        assertTrue(disagreements.size() <= COUNT / 20, disagreements.toString());
        assertTrue(COUNTS.getOrDefault("series checked by Symja", 0) >= COUNT / 2, "Symja must check most expansions: " + COUNTS);
        assertTrue(COUNTS.getOrDefault("finite N shown 0 by Symja", 0) >= COUNT / 2, "Symja must confirm most finite-N forms: " + COUNTS);
    }

    // ------------------------------------------------------------------ the oracles

    /** Leading power fitted at N = 10^8, 10^10, and the residual of our truncated series at 10^6 ... 10^10. */
    private static void numericOracle(Expr e, NSeries mine, HighPrecision hp, Map<String, BigDecimal> params) {
        int top = mine.terms().firstKey();
        int err = Math.max(mine.isExact() ? Integer.MIN_VALUE : mine.err(), top - 16);
        double[] rho = new double[3];
        BigDecimal[] value = new BigDecimal[3];
        int k = 0;
        for (int exp10 = 6; exp10 <= 10; exp10 += 2, k++) {
            BigDecimal n = BigDecimal.TEN.pow(exp10);
            Map<String, BigDecimal> v = new HashMap<>(params);
            v.put("N", n);
            value[k] = hp.eval(e, v);
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<Integer, Ratio> t : mine.terms().entrySet())
                if (t.getKey() > err) sum = sum.add(hp.eval(ExprConverter.toExpr(t.getValue().toPoly()), v).multiply(halfPower(n, t.getKey(), hp), hp.mc), hp.mc);
            BigDecimal residual = value[k].subtract(sum, hp.mc).abs();
            rho[k] = residual.divide(halfPower(n, err, hp), hp.mc).doubleValue();
        }
        double fitted = Math.log10(value[2].abs().doubleValue() / value[1].abs().doubleValue()); // = h/2 · log10(100) = h halves
        assertEquals(top, Math.round(fitted), e + ": leading power N^(" + top + "/2) but the values at 1e8, 1e10 give " + fitted + " halves");
        assertTrue(rho[2] <= 10 * rho[0] + 1e-30, e + ": our series " + mine + " leaves a residual growing faster than N^(" + err + "/2): " + java.util.Arrays.toString(rho));
        count("numeric oracle");
    }

    private static BigDecimal halfPower(BigDecimal n, int halves, HighPrecision hp) {
        BigDecimal r = n.sqrt(hp.mc).pow(Math.abs(halves), hp.mc);
        return halves < 0 ? BigDecimal.ONE.divide(r, hp.mc) : r;
    }

    /**
     * Null when Symja's series agrees (or cannot be had), else what it says. Symja gets the
     * coefficient at rational parameter values (its Series with symbolic coefficients was wrong
     * here, e.g. for p2 N + p1 p2 + 1/(N + p2) − 1/(N + p2 + 1)), times f^(h+2) for our leading power
     * N^(h/2) so that the series is regular and starts at f² (a wrong h of ours is the numeric
     * oracle's to catch), plus 1 (Symja's Series of a bare monomial, f², is O(f^9)).
     */
    private static String symjaSeries(Expr e, NSeries mine, Map<String, BigDecimal> params) {
        int top = mine.terms().firstKey(), shift = top + 2;
        IExpr r;
        try {
            eval(limited("pre=", "1+Together(PowerExpand(PowerExpand(Together(f^(" + shift + ")*" + symjaText(e, true, params) + "))))"));
            r = eval(limited("ser=", "Series(pre,{f,0," + (2 + TERMS) + "})"));
        } catch (RuntimeException | StackOverflowError x) {
            count("symja series threw (numeric oracle only)");
            return null;
        }
        if (!r.head().toString().equals("SeriesData")) {
            count(r.toString().equals("$Aborted") ? "symja series timed out (numeric oracle only)" : "symja series unevaluated (numeric oracle only)");
            return null;
        }
        IExpr list = eval("N(Table(SeriesCoefficient(ser,j),{j,0," + (2 + TERMS) + "}),30)");
        Map<String, Double> at = Map.of("p1", params.get("p1").doubleValue(), "p2", params.get("p2").doubleValue());
        int lowest = mine.isExact() ? Integer.MIN_VALUE : mine.err() + 1;
        for (int j = 0; j <= 2 + TERMS; j++) {
            int h = shift - j; // f^j of f^shift·g is N^(h/2) of g
            if (h < lowest) break;
            double theirs;
            try {
                theirs = symja().evalf(((IAST) list).get(j + 1)) - (j == 0 ? 1 : 0);
            } catch (RuntimeException x) {
                count("symja coefficient not numeric (numeric oracle only)");
                return null;
            }
            double ours = mine.coefficient(h).toPoly().evaluate(at::get)[0];
            if (Math.abs(theirs - ours) > 1e-9 * Math.max(1, Math.abs(ours))) return "N^(" + h + "/2): Symja " + theirs + ", ours " + ours + " in " + mine;
        }
        count("series checked by Symja");
        return null;
    }

    /** A Symja query under TimeConstrained (one second: a hanging Series must not hang the build). */
    private static String limited(String assign, String q) { return assign + "TimeConstrained(" + q + ",1)"; }

    /**
     * CPU-time budgets (of the whole test JVM: Symja's TimeConstrained evaluates on its own threads) of
     * the Symja calls after its start-up: a series costs Symja about 0.1 s of CPU, a Together 0.02 s, so
     * the budgets cover most of the 300 expressions, and the checks done do not depend on
     * the machine's load (only the wall time does). Expressions beyond a budget keep the numeric checks.
     * The series are asked for the first {@link #SERIES_QUOTA} expressions, under a budget three times what
     * they take on a slow machine (~0.2 s each): a CPU budget alone made the coverage depend on the machine's
     * speed (24 s gave 195 series on 2026-12-03 and 117 on a machine 1.7 times slower on 2026-12-07, failing
     * the count below).
     */
    static final int SERIES_QUOTA = 200;
    static final long SERIES_BUDGET_NANOS = 120_000_000_000L, FINITE_BUDGET_NANOS = 6_000_000_000L;
    private static long seriesNanos, finiteNanos;

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static boolean budgetLeft(long spent, long budget, String what) {
        if (spent < budget) return true;
        count("symja " + what + " skipped: time budget spent");
        return false;
    }

    private static String symjaRational(BigDecimal d) { return "(" + d.unscaledValue() + "/10^" + d.scale() + ")"; }

    /** Our exact finite-N form against Symja's Together; numeric at two N where Symja cannot show 0. */
    private static void finiteN(Expr e, Poly p, Map<String, BigDecimal> params, boolean askSymja) {
        String diff = symjaText(e, false) + " - (" + symjaText(ExprConverter.toExpr(p), false) + ")";
        if (askSymja) try {
            IExpr r = eval(limited("", "Together(PowerExpand(" + diff + "))"));
            if (r.isZero()) { count("finite N shown 0 by Symja"); return; }
        } catch (RuntimeException | StackOverflowError x) {
            count("symja simplification threw");
        }
        int points = 0;
        for (double n : new double[]{3, 5, 40, 1000}) { // two N where the coefficient is real (a root may be negative at N = 3)
            Map<String, Double> v = Map.of("N", n, "p1", params.get("p1").doubleValue(), "p2", params.get("p2").doubleValue());
            cumulus.api.Complex exact = e.evaluate(v);
            if (exact.im() != 0 || points == 2) continue;
            double expected = exact.re(), got = p.evaluate(v::get)[0];
            assertEquals(expected, got, 1e-9 * Math.max(1, Math.abs(expected)), e + " at N = " + n);
            points++;
        }
        assertEquals(2, points, e + ": no two N with a real value");
        count("finite N by numbers only");
    }

    /** Symja input: N → 1/f² (S → 1/(2 f²)) for series, N → n otherwise; functions capitalized. */
    static String symjaText(Expr e, boolean series) { return symjaText(e, series, Map.of()); }

    /** With the parameters in {@code params} replaced by their (exact decimal) values. */
    static String symjaText(Expr e, boolean series, Map<String, BigDecimal> params) {
        if (e instanceof Expr.Rat r) return r.den() == 1 ? "(" + r.num() + ")" : "(" + r.num() + "/" + r.den() + ")";
        if (e instanceof Expr.Real r) { BigDecimal d = new BigDecimal(r.value()); return "(" + d.unscaledValue() + "/10^" + d.scale() + ")"; }
        if (e instanceof Expr.Imag) return "I";
        if (e instanceof Expr.Sym s) return switch (s.name()) {
            case "N" -> series ? "(1/f^2)" : "n";
            case "S" -> series ? "(1/(2*f^2))" : "(n/2)";
            default -> params.containsKey(s.name()) ? symjaRational(params.get(s.name())) : s.name();
        };
        if (e instanceof Expr.Add a) return "(" + String.join("+", a.terms().stream().map(t -> symjaText(t, series, params)).toList()) + ")";
        if (e instanceof Expr.Mul m) return "(" + String.join("*", m.factors().stream().map(t -> symjaText(t, series, params)).toList()) + ")";
        if (e instanceof Expr.Pow p) return "(" + symjaText(p.base(), series, params) + ")^(" + symjaText(p.exponent(), series, params) + ")";
        Expr.Fn f = (Expr.Fn) e;
        String name = Character.toUpperCase(f.name().charAt(0)) + f.name().substring(1);
        return name + "(" + symjaText(f.arg(), series, params) + ")";
    }

    // ------------------------------------------------------------------ random coefficients

    /** Seeded random coefficients in N, S, p1, p2 built from the forms users write, with and without cancellations. */
    static final class Generator {
        private Generator() { }

        static Expr coefficient(Random r) {
            Expr e = form(r);
            int more = r.nextInt(2);
            for (int k = 0; k < more; k++) {
                Expr f = form(r);
                e = switch (r.nextInt(4)) {
                    case 0 -> e.plus(f);
                    case 1 -> e.minus(f.times(Expr.rat(1, 3)));
                    case 2 -> e.times(f);
                    default -> e.div(positive(r));
                };
            }
            return e;
        }

        static Expr param(Random r) { return Expr.sym(r.nextBoolean() ? "p1" : "p2"); }

        static Expr positiveConstant(Random r) {
            return switch (r.nextInt(5)) {
                case 0 -> param(r);
                case 1 -> Expr.rat(1 + r.nextInt(4), 1 + r.nextInt(3));
                case 2 -> Expr.sym("p1").times(Expr.sym("p2"));
                case 3 -> Expr.sqrt(param(r));
                default -> Expr.num(1);
            };
        }

        static Expr constant(Random r) { return r.nextInt(3) == 0 ? positiveConstant(r).negate() : positiveConstant(r); }

        static Expr n(Random r) { return r.nextInt(4) == 0 ? Expr.S : Expr.N; }

        /** A polynomial in N (or S) of the given degree with positive coefficients. */
        static Expr polynomial(Random r, int degree) {
            List<Expr> terms = new ArrayList<>();
            for (int k = 0; k <= degree; k++)
                if (k == degree || r.nextBoolean()) terms.add(positiveConstant(r).times(k == 0 ? Expr.ONE : n(r).pow(Expr.num(k))));
            return Expr.sum(terms);
        }

        /** A coefficient that is positive for N ≥ 3 and whose leading coefficient is definite. */
        static Expr positive(Random r) {
            return switch (r.nextInt(3)) {
                case 0 -> polynomial(r, 1 + r.nextInt(2));
                case 1 -> Expr.sqrt(polynomial(r, 1 + r.nextInt(2)));
                default -> Expr.N.plus(positiveConstant(r));
            };
        }

        static Expr form(Random r) {
            Expr c = constant(r), a = positiveConstant(r), b = positiveConstant(r);
            return switch (r.nextInt(14)) {
                case 0 -> polynomial(r, r.nextInt(3));
                case 1 -> polynomial(r, 1 + r.nextInt(2)).pow(new Expr[]{Expr.num(-1), Expr.num(-2), Expr.rat(1, 2), Expr.rat(-1, 2), Expr.rat(3, 2), Expr.num(2)}[r.nextInt(6)]);
                case 2 -> Expr.sqrt(a.times(a).times(Expr.N.pow(Expr.num(2))).plus(c.times(Expr.N)).plus(b)).minus(a.times(Expr.N)); // cancels to O(1)
                case 3 -> Expr.N.times(Expr.fn("exp", c.div(Expr.N)).minus(Expr.ONE));                     // → c
                case 4 -> Expr.fn("exp", c.plus(a.div(n(r))));
                case 5 -> Expr.N.times(Expr.fn("sin", c.div(Expr.N)));                                      // → c
                case 6 -> Expr.fn("cos", c.plus(a.div(Expr.sqrt(Expr.N))));
                case 7 -> Expr.N.plus(a).pow(Expr.rat(3, 2)).div(Expr.N.pow(Expr.rat(3, 2))).minus(Expr.ONE); // O(1/N)
                case 8 -> Expr.ONE.div(Expr.N.plus(a)).minus(Expr.ONE.div(Expr.N.plus(a).plus(Expr.num(1)))); // O(1/N²)
                case 9 -> Expr.N.pow(Expr.num(3)).plus(a.times(Expr.N)).pow(Expr.rat(1, 3));
                case 10 -> Expr.sqrt(Expr.N.times(Expr.N.plus(Expr.ONE))).div(Expr.S);
                case 11 -> c.times(a.div(Expr.S.plus(Expr.ONE)));
                case 12 -> r.nextBoolean() ? Expr.S.plus(Expr.rat(1, 2)) : Expr.N.minus(Expr.ONE);
                default -> c;
            };
        }
    }
}
