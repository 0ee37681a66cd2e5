package cumulus.symbolic.algebra;

import java.math.BigInteger;

/**
 * An exact Gaussian rational (re + i·im)/den with BigInteger parts, den &gt; 0, gcd(re, im, den) = 1.
 * Immutable, structural equality: equal numbers are equal objects and hash alike.
 */
public final class QI {
    public final BigInteger re, im, den;
    private final int hash;

    public static final QI ZERO = new QI(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ONE);
    public static final QI ONE = new QI(BigInteger.ONE, BigInteger.ZERO, BigInteger.ONE);
    public static final QI I = new QI(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE);
    public static final QI MINUS_ONE = new QI(BigInteger.ONE.negate(), BigInteger.ZERO, BigInteger.ONE);
    public static final QI HALF = of(1, 2);

    private QI(BigInteger re, BigInteger im, BigInteger den) {
        this.re = re; this.im = im; this.den = den;
        this.hash = 31 * (31 * re.hashCode() + im.hashCode()) + den.hashCode();
    }

    public static QI make(BigInteger re, BigInteger im, BigInteger den) {
        if (den.signum() == 0) throw new ArithmeticException("zero denominator");
        if (den.signum() < 0) { re = re.negate(); im = im.negate(); den = den.negate(); }
        if (re.signum() == 0 && im.signum() == 0) return ZERO;
        BigInteger g = re.gcd(im).gcd(den);
        if (!g.equals(BigInteger.ONE)) { re = re.divide(g); im = im.divide(g); den = den.divide(g); }
        return new QI(re, im, den);
    }

    public static QI of(long n) { return make(BigInteger.valueOf(n), BigInteger.ZERO, BigInteger.ONE); }
    public static QI of(long p, long q) { return make(BigInteger.valueOf(p), BigInteger.ZERO, BigInteger.valueOf(q)); }
    public static QI complex(long re, long im) { return make(BigInteger.valueOf(re), BigInteger.valueOf(im), BigInteger.ONE); }
    public static QI real(BigInteger p, BigInteger q) { return make(p, BigInteger.ZERO, q); }

    public boolean isZero() { return re.signum() == 0 && im.signum() == 0; }
    public boolean isOne() { return im.signum() == 0 && re.equals(den); }
    public boolean isReal() { return im.signum() == 0; }
    public boolean isImaginary() { return re.signum() == 0; }

    public QI plus(QI o) {
        if (isZero()) return o;
        if (o.isZero()) return this;
        if (den.equals(o.den)) return make(re.add(o.re), im.add(o.im), den);
        return make(re.multiply(o.den).add(o.re.multiply(den)), im.multiply(o.den).add(o.im.multiply(den)), den.multiply(o.den));
    }
    public QI minus(QI o) { return plus(o.negate()); }
    public QI negate() { return isZero() ? this : new QI(re.negate(), im.negate(), den); }
    public QI conj() { return im.signum() == 0 ? this : new QI(re, im.negate(), den); }

    public QI times(QI o) {
        if (isZero() || o.isZero()) return ZERO;
        if (isOne()) return o;
        if (o.isOne()) return this;
        return make(re.multiply(o.re).subtract(im.multiply(o.im)), re.multiply(o.im).add(im.multiply(o.re)), den.multiply(o.den));
    }

    public QI inverse() {
        if (isZero()) throw new ArithmeticException("1/0");
        // den/(re + i im) = den (re - i im)/(re^2 + im^2)
        BigInteger n2 = re.multiply(re).add(im.multiply(im));
        return make(den.multiply(re), den.multiply(im).negate(), n2);
    }

    public QI realPart() { return make(re, BigInteger.ZERO, den); }
    public QI imagPart() { return make(im, BigInteger.ZERO, den); }

    public double reDouble() { return new java.math.BigDecimal(re).divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue(); }
    public double imDouble() { return new java.math.BigDecimal(im).divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue(); }

    @Override public boolean equals(Object o) {
        return o instanceof QI q && hash == q.hash && re.equals(q.re) && im.equals(q.im) && den.equals(q.den);
    }
    @Override public int hashCode() { return hash; }

    private static String frac(BigInteger n, BigInteger d) {
        return d.equals(BigInteger.ONE) ? n.toString() : n + "/" + d;
    }

    /** Plain text: 3/2, -I, (1/2 + 3/4*I). */
    @Override public String toString() {
        if (im.signum() == 0) return frac(re, den);
        String imPart = im.abs().equals(den) ? "I" : frac(im.abs(), den) + "*I";
        if (re.signum() == 0) return (im.signum() < 0 ? "-" : "") + imPart;
        return "(" + frac(re, den) + (im.signum() < 0 ? " - " : " + ") + imPart + ")";
    }
}
