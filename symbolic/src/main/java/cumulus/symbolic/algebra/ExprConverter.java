package cumulus.symbolic.algebra;

import cumulus.api.Expr;
import cumulus.api.ModelException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Between the api's coefficient trees ({@link Expr}) and exact {@link Poly}: S becomes N/2, square
 * roots of Laurent monomials become half-integer exponents (prime square roots for the numeric
 * part), anything else (sqrt of a sum, 1/(a+b), exp, sin, cos, other rational or symbolic powers)
 * an opaque atom. Opaque atoms are always real for real parameters (so that conjugation stays a
 * map on the rational coefficients): a complex argument is split first, 1/(a + ib) = (a − ib)/(a² + b²),
 * exp(a + ib) = exp(a)(cos b + i sin b), sin and cos through cosh and sinh written with exp; the
 * atom's expression is the canonical form of its argument (printed back from its Poly, so S + 1 and
 * 1 + N/2 are one atom). Floating constants are read as the decimal they print as (0.35 → 7/20).
 * The asymptotic meaning of an atom (its expansion in 1/N) is {@link NExpansion}'s business.
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
        if (e instanceof Expr.Pow p) return power(p.base(), p.exponent());
        Expr.Fn f = (Expr.Fn) e;
        Poly arg = toPoly(f.arg());
        return switch (f.name()) {
            case "sqrt" -> rationalPower(arg, 1, 2, e);
            case "exp" -> exp(arg);
            case "sin" -> sin(arg);
            default -> cos(arg);
        };
    }

    /** The expression of a polynomial as this class prints it back: the key of opaque atoms. */
    static Expr canonical(Poly p) { return toExpr(p); }

    private static Poly power(Expr baseExpr, Expr exponentExpr) {
        Poly ex = toPoly(exponentExpr);
        Poly base = toPoly(baseExpr);
        if (ex.isConstant() && ex.constantValue().isReal()) {
            QI q = ex.constantValue();
            if (q.re.bitLength() < 31 && q.den.bitLength() < 31) return rationalPower(base, q.re.intValue(), q.den.intValue(), null);
        }
        if (!base.isReal() || !ex.isReal())
            throw new ModelException("coefficient (" + baseExpr + ")^(" + exponentExpr + "): a complex base or exponent of a non-integer power is not supported; write it with exp, sin and cos of real arguments");
        if (ex.isZero()) return Poly.ONE;
        return Poly.opaque(new Expr.Pow(canonical(base), canonical(ex)), 2);
    }

    /**
     * base^(num/den) for a rational exponent. Monomials with num/den in halves stay exact; 1/(sum)
     * becomes a real opaque atom (complex sums through their modulus); other powers of a real base
     * are opaque atoms. {@code original} only names the coefficient in an error (null: rebuilt).
     */
    static Poly rationalPower(Poly base, int num, int den, Expr original) {
        if (num == 0) return Poly.ONE;
        if (den == 1) {
            if (num > 0 || base.inverse() != null) return base.pow(num);
            if (base.isZero()) throw new ModelException("coefficient 1/0: division by zero");
            if (base.isReal()) {
                Poly[] split = splitContent(base);
                return split[0].pow(num).times(Poly.opaque(canonical(split[1]), 2 * num));
            }
            // 1/(a + ib)^k = (a − ib)^k / (a² + b²)^k
            Poly re = base.realPart(), im = base.imagPart();
            Poly modulus2 = re.times(re).plus(im.times(im));
            return base.conj().pow(-num).times(Poly.opaque(canonical(modulus2), 2 * num));
        }
        if (base.isZero()) {
            if (num < 0) throw new ModelException("coefficient 0^(" + num + "/" + den + "): division by zero");
            return Poly.ZERO;
        }
        if (den == 2 && base.terms().size() == 1) {
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
        if (!base.isReal())
            throw new ModelException("coefficient " + (original != null ? original : "(" + base + ")^(" + num + "/" + den + ")")
                    + ": a root of a complex quantity is not supported; write it with exp, sin and cos of real arguments");
        if (den == 2) {
            if (base.terms().size() > 1) { // sqrt(c m P) = sqrt(c m) sqrt(P) with P free of content
                Poly[] split = splitContent(base);
                Poly outside = rationalPower(split[0], num, 2, original);
                if (!outside.dependsOnOpaque()) return outside.times(Poly.opaque(canonical(split[1]), num));
            }
            return Poly.opaque(canonical(base), num);
        }
        return Poly.opaque(new Expr.Pow(canonical(base), Expr.rat(num, den)), 2);
    }

    /**
     * A sum as content × rest: the monomial content (lowest power of each atom) times the absolute
     * value of the first coefficient, so that 1/(S + 1) and 2/(N + 2) share the atom 1/(2 + N).
     */
    private static Poly[] splitContent(Poly base) {
        Poly c = PolyDivision.content(base);
        QI first = c.terms().values().iterator().next();
        if (first.re.signum() < 0) c = c.negate();
        return new Poly[]{c, base.times(c.inverse())};
    }

    /** exp(a + ib) = exp(a) (cos b + i sin b), with exp(0) = 1. */
    static Poly exp(Poly arg) {
        Poly re = arg.realPart(), im = arg.imagPart();
        Poly r = re.isZero() ? Poly.ONE : Poly.opaque(Expr.fn("exp", canonical(re)), 2);
        if (im.isZero()) return r;
        return r.times(realCos(im).plus(realSin(im).scale(QI.I)));
    }

    /** sin(a + ib) = sin a cosh b + i cos a sinh b. */
    static Poly sin(Poly arg) {
        Poly re = arg.realPart(), im = arg.imagPart();
        if (im.isZero()) return realSin(re);
        return realSin(re).times(cosh(im)).plus(realCos(re).times(sinh(im)).scale(QI.I));
    }

    /** cos(a + ib) = cos a cosh b − i sin a sinh b. */
    static Poly cos(Poly arg) {
        Poly re = arg.realPart(), im = arg.imagPart();
        if (im.isZero()) return realCos(re);
        return realCos(re).times(cosh(im)).minus(realSin(re).times(sinh(im)).scale(QI.I));
    }

    private static Poly cosh(Poly x) { return exp(x).plus(exp(x.negate())).scale(QI.HALF); }
    private static Poly sinh(Poly x) { return exp(x).minus(exp(x.negate())).scale(QI.HALF); }

    /** sin of a real argument; odd, so the argument is taken with a positive first term. */
    private static Poly realSin(Poly x) {
        if (x.isZero()) return Poly.ZERO;
        if (firstTermNegative(x)) return realSin(x.negate()).negate();
        return Poly.opaque(Expr.fn("sin", canonical(x)), 2);
    }

    /** cos of a real argument; even, so the argument is taken with a positive first term. */
    private static Poly realCos(Poly x) {
        if (x.isZero()) return Poly.ONE;
        if (firstTermNegative(x)) x = x.negate();
        return Poly.opaque(Expr.fn("cos", canonical(x)), 2);
    }

    private static boolean firstTermNegative(Poly x) { return x.sortedTerms().get(0).getValue().re.signum() < 0; }

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
