package cumulus.symbolic.algebra;

import cumulus.api.Expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * Real coefficient expressions evaluated in BigDecimal (test only): the numeric oracle of the
 * expansion at N = 1e6 ... 1e10, where double precision cannot see the cancellations. Powers with
 * rational exponents by Newton's method for the q-th root; exp, sin and cos by their Taylor series
 * (exp after halving the argument until it is below 1 and squaring back).
 */
final class HighPrecision {
    final MathContext mc;
    private final BigDecimal eps;

    HighPrecision(int digits) {
        mc = new MathContext(digits);
        eps = BigDecimal.ONE.movePointLeft(digits + 5);
    }

    BigDecimal eval(Expr e, Map<String, BigDecimal> v) {
        if (e instanceof Expr.Rat r) return new BigDecimal(r.num()).divide(new BigDecimal(r.den()), mc);
        if (e instanceof Expr.Real r) return new BigDecimal(r.value());
        if (e instanceof Expr.Sym s) {
            if (s.name().equals("S")) return v.get("N").divide(BigDecimal.valueOf(2), mc);
            BigDecimal x = v.get(s.name());
            if (x == null) throw new IllegalArgumentException("no value for " + s.name());
            return x;
        }
        if (e instanceof Expr.Add a) {
            BigDecimal r = BigDecimal.ZERO;
            for (Expr t : a.terms()) r = r.add(eval(t, v), mc);
            return r;
        }
        if (e instanceof Expr.Mul m) {
            BigDecimal r = BigDecimal.ONE;
            for (Expr t : m.factors()) r = r.multiply(eval(t, v), mc);
            return r;
        }
        if (e instanceof Expr.Pow p) {
            if (!(p.exponent() instanceof Expr.Rat q)) throw new IllegalArgumentException("exponent " + p.exponent());
            BigDecimal b = eval(p.base(), v);
            BigDecimal root = q.den() == 1 ? b : root(b, (int) q.den());
            BigDecimal r = root.pow((int) Math.abs(q.num()), mc);
            return q.num() < 0 ? BigDecimal.ONE.divide(r, mc) : r;
        }
        Expr.Fn f = (Expr.Fn) e;
        BigDecimal x = eval(f.arg(), v);
        return switch (f.name()) {
            case "sqrt" -> x.sqrt(mc);
            case "exp" -> exp(x);
            case "sin" -> taylorTrig(x, true);
            default -> taylorTrig(x, false);
        };
    }

    /** The positive q-th root of b &gt; 0 by Newton's iteration x ← ((q−1) x + b/x^(q−1))/q. */
    BigDecimal root(BigDecimal b, int q) {
        if (b.signum() <= 0) throw new ArithmeticException("root of " + b);
        BigDecimal x = new BigDecimal(Math.pow(b.doubleValue(), 1.0 / q));
        BigDecimal qq = BigDecimal.valueOf(q), q1 = BigDecimal.valueOf(q - 1L);
        for (int it = 0; it < 200; it++) {
            BigDecimal next = q1.multiply(x, mc).add(b.divide(x.pow(q - 1, mc), mc), mc).divide(qq, mc);
            if (next.subtract(x, mc).abs().compareTo(x.abs().multiply(eps, mc)) <= 0) return next;
            x = next;
        }
        return x;
    }

    BigDecimal exp(BigDecimal x) {
        int halvings = 0;
        while (x.abs().compareTo(BigDecimal.ONE) > 0) { x = x.divide(BigDecimal.valueOf(2), mc); halvings++; }
        BigDecimal sum = BigDecimal.ONE, term = BigDecimal.ONE;
        for (int k = 1; k < 400 && term.abs().compareTo(eps) > 0; k++) {
            term = term.multiply(x, mc).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
        }
        for (int k = 0; k < halvings; k++) sum = sum.multiply(sum, mc);
        return sum;
    }

    /** sin or cos by Σ (−1)^k x^(2k+1)/(2k+1)! or Σ (−1)^k x^(2k)/(2k)! (arguments here are below 10). */
    BigDecimal taylorTrig(BigDecimal x, boolean sine) {
        BigDecimal term = sine ? x : BigDecimal.ONE, sum = term, x2 = x.multiply(x, mc);
        for (int k = 1; k < 400 && term.abs().compareTo(eps) > 0; k++) {
            int a = sine ? 2 * k : 2 * k - 1, b = sine ? 2 * k + 1 : 2 * k;
            term = term.multiply(x2, mc).divide(BigDecimal.valueOf((long) a * b), mc).negate();
            sum = sum.add(term, mc);
        }
        return sum;
    }
}
