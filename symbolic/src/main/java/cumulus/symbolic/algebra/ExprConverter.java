package cumulus.symbolic.algebra;

import cumulus.api.Expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Between the api's coefficient trees ({@link Expr}) and exact {@link Poly}: S becomes N/2, square
 * roots of Laurent monomials become half-integer exponents (prime square roots for the numeric
 * part), anything else (sqrt of a sum, 1/(a+b), exp, sin, cos, symbolic exponents) an opaque real
 * atom. Floating constants are read as the decimal they print as (0.35 → 7/20).
 */
public final class ExprConverter {
    private ExprConverter() { }

    public static Poly toPoly(Expr e) {
        if (e instanceof Expr.Rat r) return Poly.constant(QI.of(r.num(), r.den()));
        if (e instanceof Expr.Real r) {
            BigDecimal d = BigDecimal.valueOf(r.value());
            BigInteger num = d.unscaledValue(), den = BigInteger.ONE;
            if (d.scale() > 0) den = BigInteger.TEN.pow(d.scale());
            else num = num.multiply(BigInteger.TEN.pow(-d.scale()));
            return Poly.constant(QI.real(num, den));
        }
        if (e instanceof Expr.Imag) return Poly.constant(QI.I);
        if (e instanceof Expr.Sym s) {
            if (s.name().equals("S")) return Poly.atom("N").scale(QI.HALF);
            return Poly.atom(s.name());
        }
        if (e instanceof Expr.Add a) {
            Poly r = Poly.ZERO;
            for (Expr t : a.terms()) r = r.plus(toPoly(t));
            return r;
        }
        if (e instanceof Expr.Mul m) {
            Poly r = Poly.ONE;
            for (Expr t : m.factors()) r = r.times(toPoly(t));
            return r;
        }
        if (e instanceof Expr.Pow p) {
            Poly ex = toPoly(p.exponent());
            if (ex.isConstant() && ex.constantValue().isReal()) {
                QI q = ex.constantValue();
                if (q.den.equals(BigInteger.ONE) || q.den.equals(BigInteger.TWO))
                    return power(p.base(), q.re.intValueExact(), q.den.intValue());
            }
            return Poly.opaque(e, 2);
        }
        Expr.Fn f = (Expr.Fn) e;
        if (f.name().equals("sqrt")) return power(f.arg(), 1, 2);
        return Poly.opaque(e, 2);
    }

    /** base^(num/den), den ∈ {1, 2}. */
    private static Poly power(Expr baseExpr, int num, int den) {
        Poly base = toPoly(baseExpr);
        if (den == 1) {
            if (num >= 0 || base.inverse() != null) return base.pow(num);
            return Poly.opaque(baseExpr, 2 * num);
        }
        if (base.isZero()) return Poly.ZERO;
        if (base.terms().size() == 1) {
            Map.Entry<Mono, QI> t = base.terms().entrySet().iterator().next();
            QI c = t.getValue();
            Mono scaled = t.getKey().scaleExponents(num, den);
            if (c.isReal() && c.re.signum() > 0 && scaled != null) {
                // c^(num/2) = (sqrt(c))^num with sqrt(p/q) = sqrt(p q)/q
                Poly root = sqrtRational(c.re.multiply(c.den)).scale(QI.real(BigInteger.ONE, c.den));
                Poly r = root.pow(Math.abs(num));
                if (num < 0) r = r.inverse();
                QI[] f = new QI[1];
                Mono m = Mono.ONE.times(scaled, f);
                return r.times(Poly.term(f[0], m));
            }
        }
        return Poly.opaque(baseExpr, num);
    }

    /** sqrt(n) for a positive integer n: square part times prime square roots. */
    static Poly sqrtRational(BigInteger n) {
        Poly r = Poly.ONE;
        BigInteger outside = BigInteger.ONE;
        long p = 2;
        while (BigInteger.valueOf(p).multiply(BigInteger.valueOf(p)).compareTo(n) <= 0 && p < 1_000_000) {
            BigInteger bp = BigInteger.valueOf(p);
            int k = 0;
            while (n.mod(bp).signum() == 0) { n = n.divide(bp); k++; }
            for (int j = 0; j < k / 2; j++) outside = outside.multiply(bp);
            if (k % 2 == 1) r = r.times(Poly.primeRoot(p));
            p++;
        }
        if (!n.equals(BigInteger.ONE)) r = r.times(Poly.primeRoot(n.longValueExact()));
        return r.scale(QI.real(outside, BigInteger.ONE));
    }

    /** The expression tree of a polynomial (unknowns and parameters become {@link Expr.Sym}). */
    public static Expr toExpr(Poly p) {
        List<Expr> terms = new ArrayList<>();
        for (Map.Entry<Mono, QI> e : p.sortedTerms()) {
            List<Expr> f = new ArrayList<>();
            f.add(coefficient(e.getValue()));
            Mono m = e.getKey();
            for (int k = 0; k < m.size(); k++) f.add(atomExpr(m.id(k), m.halves(k)));
            terms.add(Expr.product(f));
        }
        return Expr.sum(terms);
    }

    static Expr rational(BigInteger n, BigInteger d) {
        if (n.bitLength() < 63 && d.bitLength() < 63) return Expr.rat(n.longValue(), d.longValue());
        return new Expr.Real(new BigDecimal(n).divide(new BigDecimal(d), java.math.MathContext.DECIMAL64).doubleValue());
    }

    static Expr coefficient(QI c) {
        Expr re = rational(c.re, c.den);
        if (c.isReal()) return re;
        Expr im = Expr.product(List.of(rational(c.im, c.den), Expr.I));
        return c.re.signum() == 0 ? im : Expr.sum(List.of(re, im));
    }

    static Expr atomExpr(int id, int halves) {
        Expr base = switch (Atoms.kind(id)) {
            case SYMBOL -> Expr.sym(Atoms.name(id));
            case PRIME -> Expr.num(Atoms.primeValue(id));
            case OPAQUE -> Atoms.opaqueExpr(id);
        };
        if (halves == 2) return base;
        if (halves == 1) return Expr.sqrt(base);
        if (halves % 2 == 0) return new Expr.Pow(base, Expr.num(halves / 2));
        return new Expr.Pow(base, Expr.rat(halves, 2));
    }
}
