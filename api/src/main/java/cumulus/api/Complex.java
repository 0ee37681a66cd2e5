package cumulus.api;

/** An immutable complex number; the value type of evaluated coefficients. */
public record Complex(double re, double im) {
    public static final Complex ZERO = new Complex(0, 0);
    public static final Complex ONE = new Complex(1, 0);
    public static final Complex I = new Complex(0, 1);

    public static Complex real(double re) { return new Complex(re, 0); }

    public Complex plus(Complex o) { return new Complex(re + o.re, im + o.im); }
    public Complex minus(Complex o) { return new Complex(re - o.re, im - o.im); }
    public Complex times(Complex o) { return new Complex(re * o.re - im * o.im, re * o.im + im * o.re); }
    public Complex times(double s) { return new Complex(re * s, im * s); }
    public Complex conj() { return new Complex(re, -im); }
    public Complex negate() { return new Complex(-re, -im); }
    public double abs() { return Math.hypot(re, im); }
    public boolean isFinite() { return Double.isFinite(re) && Double.isFinite(im); }

    public Complex divide(Complex o) {
        double d = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
    }

    /** Principal square root. */
    public Complex sqrt() {
        if (im == 0 && re >= 0) return new Complex(Math.sqrt(re), 0);
        double r = abs();
        double a = Math.sqrt((r + re) / 2), b = Math.copySign(Math.sqrt((r - re) / 2), im);
        return new Complex(a, b);
    }

    public Complex exp() {
        double e = Math.exp(re);
        return new Complex(e * Math.cos(im), e * Math.sin(im));
    }

    /** Principal power z^w = exp(w log z); integer exponents are exact repeated products. */
    public Complex pow(Complex w) {
        if (w.im == 0 && w.re == Math.rint(w.re) && Math.abs(w.re) <= 64) {
            int n = (int) w.re;
            Complex r = ONE, b = n >= 0 ? this : ONE.divide(this);
            for (int k = 0; k < Math.abs(n); k++) r = r.times(b);
            return r;
        }
        if (im == 0 && re >= 0 && w.im == 0) return real(Math.pow(re, w.re));
        if (re == 0 && im == 0) return ZERO;
        Complex log = new Complex(Math.log(abs()), Math.atan2(im, re));
        return log.times(w).exp();
    }

    @Override public String toString() {
        if (im == 0) return Double.toString(re);
        return re + (im < 0 ? "-" : "+") + Math.abs(im) + "i";
    }
}
