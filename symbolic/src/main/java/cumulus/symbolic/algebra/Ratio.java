package cumulus.symbolic.algebra;

import cumulus.api.Expr;

/**
 * An exact quotient num/den of N-free polynomials: the coefficients of an asymptotic series,
 * where leading coefficients that are sums (kappa + gamma) get inverted. Reduced when den is a
 * monomial (folded into num) or divides num exactly ({@link PolyDivision}), so that
 * (a + b)/(a + b) is 1; zero iff num is the zero polynomial. Immutable.
 */
public final class Ratio {
    public final Poly num, den;

    public static final Ratio ZERO = new Ratio(Poly.ZERO, Poly.ONE);
    public static final Ratio ONE = new Ratio(Poly.ONE, Poly.ONE);

    private Ratio(Poly num, Poly den) { this.num = num; this.den = den; }

    public static Ratio of(Poly p) { return p.isZero() ? ZERO : new Ratio(p, Poly.ONE); }
    public static Ratio of(QI q) { return of(Poly.constant(q)); }

    public static Ratio of(Poly num, Poly den) {
        if (den.isZero()) throw new ArithmeticException("division by zero");
        if (num.isZero()) return ZERO;
        if (den.equals(Poly.ONE)) return new Ratio(num, Poly.ONE);
        Poly inv = den.inverse();
        if (inv != null) return new Ratio(num.times(inv), Poly.ONE);
        Poly q = PolyDivision.exactQuotient(num, den);
        if (q != null) return new Ratio(q, Poly.ONE);
        if (num.terms().size() > 1) {
            Poly d = PolyDivision.exactQuotient(den, num);
            if (d != null) return of(Poly.ONE, d);
        }
        // den without its monomial content and with its first coefficient 1: kappa/((kappa + gamma)/2) = 2 kappa/(gamma + kappa)
        Poly content = PolyDivision.content(den);
        return new Ratio(num.times(content.inverse()), den.times(content.inverse()));
    }

    public boolean isZero() { return num.isZero(); }
    public boolean isPolynomial() { return den.equals(Poly.ONE); }

    public Ratio plus(Ratio o) {
        if (o.isZero()) return this;
        if (isZero()) return o;
        if (den.equals(o.den)) return of(num.plus(o.num), den);
        return of(num.times(o.den).plus(o.num.times(den)), den.times(o.den));
    }
    public Ratio negate() { return new Ratio(num.negate(), den); }
    public Ratio minus(Ratio o) { return plus(o.negate()); }
    public Ratio times(Ratio o) {
        if (isZero() || o.isZero()) return ZERO;
        if (isPolynomial() && o.isPolynomial()) return of(num.times(o.num));
        return of(num.times(o.num), den.times(o.den));
    }
    public Ratio scale(QI q) { return q.isZero() ? ZERO : new Ratio(num.scale(q), den); }
    public Ratio inverse() { return of(den, num); }

    /**
     * Nonzero wherever its parameters are (a product of parameters and functions of them, or a sum
     * of such terms that are each ≥ 0: even powers, square roots, exp, with positive rational
     * coefficients) — as opposed to a sum such as a − b that vanishes on a surface of nonzero values.
     * Only the numerator counts: where the denominator vanishes the coefficient is not defined.
     */
    public boolean isDefinite() { return definite(num); }

    static boolean definite(Poly p) {
        if (p.isZero()) return false;
        if (p.terms().size() == 1) return true;
        for (var t : p.terms().entrySet()) {
            QI c = t.getValue();
            if (!c.isReal() || c.re.signum() <= 0) return false;
            Mono m = t.getKey();
            for (int k = 0; k < m.size(); k++) {
                int id = m.id(k), h = m.halves(k);
                boolean nonNegative = Atoms.kind(id) == Atoms.Kind.PRIME || h % 2 != 0 || h % 4 == 0
                        || (Atoms.kind(id) == Atoms.Kind.OPAQUE && Atoms.opaqueExpr(id) instanceof Expr.Fn f && f.name().equals("exp"));
                if (!nonNegative) return false;
            }
        }
        return true;
    }

    /** The numerator divided by its monomial content and first coefficient: −g1/2 + g2/2 becomes g1 − g2. */
    public Poly numeratorWithoutContent() { return num.times(PolyDivision.content(num).inverse()); }

    /** As one exact polynomial: a denominator that is a sum becomes an opaque atom 1/(den). */
    public Poly toPoly() {
        if (isPolynomial()) return num;
        return num.times(ExprConverter.rationalPower(den, -1, 1, null));
    }

    @Override public boolean equals(Object o) { return o instanceof Ratio r && num.equals(r.num) && den.equals(r.den); }
    @Override public int hashCode() { return 31 * num.hashCode() + den.hashCode(); }
    @Override public String toString() { return isPolynomial() ? num.toString() : "(" + num + ")/(" + den + ")"; }
}
