package cumulus.symbolic.algebra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A truncated Puiseux series in 1/N: Σ_h c_h N^(h/2) + O(N^(err/2)), exponents in halves, the
 * coefficients exact {@link Ratio}s of N-free polynomials; {@code err} = {@link #EXACT} when the
 * sum is the exact value (a Laurent polynomial in N). Sums and products are exact on the kept
 * terms; inverses, rational powers (binomial series), exp, sin and cos (Taylor series around the
 * N^0 part of the argument) keep {@code depth} halves of relative precision. Leading coefficients
 * that were assumed nonzero to invert or root a series (a sum such as a − b that is not a common
 * factor of the whole series) are carried along ({@link #assumed()}). Immutable.
 */
public final class NSeries {
    /** The error exponent of an exact series. */
    public static final int EXACT = Integer.MIN_VALUE;
    /** Most terms of an integer power expanded by repeated multiplication. */
    static final int MAX_INTEGER_POWER = 64;

    private final NavigableMap<Integer, Ratio> terms; // halves -> coefficient, descending
    private final int err;
    private final Set<Poly> assumed;

    private NSeries(NavigableMap<Integer, Ratio> terms, int err, Set<Poly> assumed) {
        this.terms = terms;
        this.err = err;
        this.assumed = assumed;
    }

    static NSeries of(NavigableMap<Integer, Ratio> raw, int err, Set<Poly> assumed) {
        NavigableMap<Integer, Ratio> t = new TreeMap<>(Collections.reverseOrder());
        for (Map.Entry<Integer, Ratio> e : raw.entrySet())
            if (!e.getValue().isZero() && (err == EXACT || e.getKey() > err)) t.put(e.getKey(), e.getValue());
        return new NSeries(Collections.unmodifiableNavigableMap(t), err, Collections.unmodifiableSet(assumed));
    }

    static NSeries constant(Ratio c) { return monomial(c, 0); }
    static NSeries monomial(Ratio c, int halves) {
        NavigableMap<Integer, Ratio> t = new TreeMap<>();
        t.put(halves, c);
        return of(t, EXACT, Set.of());
    }
    static final NSeries ZERO = of(new TreeMap<>(), EXACT, Set.of());
    static final NSeries ONE = constant(Ratio.ONE);

    public boolean isExact() { return err == EXACT; }
    public boolean isExactZero() { return terms.isEmpty() && isExact(); }
    /** The error exponent (halves): the value is the kept terms + O(N^(err/2)). */
    public int err() { return err; }
    public NavigableMap<Integer, Ratio> terms() { return terms; }
    public Set<Poly> assumed() { return assumed; }
    public Ratio coefficient(int halves) { return terms.getOrDefault(halves, Ratio.ZERO); }

    /** Exponent of the largest kept term, or the error exponent when every computed term cancelled. */
    int top() { return terms.isEmpty() ? err : terms.firstKey(); }

    /** The leading exponent; a series whose computed terms all cancelled needs more depth. */
    int lead() {
        if (terms.isEmpty()) {
            if (isExact()) throw new NotExpandable("division by a coefficient that is identically zero", false);
            throw new NotExpandable("all computed orders cancel down to " + powerText(err), true);
        }
        return terms.firstKey();
    }

    private static Set<Poly> union(Set<Poly> a, Set<Poly> b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        Set<Poly> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    public NSeries plus(NSeries o) {
        NavigableMap<Integer, Ratio> t = new TreeMap<>(terms);
        for (Map.Entry<Integer, Ratio> e : o.terms.entrySet()) t.merge(e.getKey(), e.getValue(), Ratio::plus);
        return of(t, Math.max(err, o.err), union(assumed, o.assumed));
    }

    public NSeries negate() { return scale(Ratio.ONE.negate()); }
    public NSeries minus(NSeries o) { return plus(o.negate()); }

    public NSeries scale(Ratio c) {
        if (c.isZero()) return ZERO;
        NavigableMap<Integer, Ratio> t = new TreeMap<>();
        terms.forEach((k, v) -> t.put(k, v.times(c)));
        return of(t, err, assumed);
    }

    /** Times N^(halves/2). */
    public NSeries shift(int halves) {
        NavigableMap<Integer, Ratio> t = new TreeMap<>();
        terms.forEach((k, v) -> t.put(k + halves, v));
        return of(t, err == EXACT ? EXACT : err + halves, assumed);
    }

    public NSeries times(NSeries o) {
        if (isExactZero() || o.isExactZero()) return ZERO;
        int e = Math.max(err == EXACT ? EXACT : err + o.top(), o.err == EXACT ? EXACT : o.err + top());
        NavigableMap<Integer, Ratio> t = new TreeMap<>();
        for (Map.Entry<Integer, Ratio> a : terms.entrySet())
            for (Map.Entry<Integer, Ratio> b : o.terms.entrySet()) {
                int k = a.getKey() + b.getKey();
                if (e == EXACT || k > e) t.merge(k, a.getValue().times(b.getValue()), Ratio::plus);
            }
        return of(t, e, union(assumed, o.assumed));
    }

    /** The same series known only down to N^(newErr/2). */
    NSeries truncate(int newErr) {
        if (newErr == EXACT || (err != EXACT && err >= newErr)) return this;
        return of(new TreeMap<>(terms), newErr, assumed);
    }

    NSeries assuming(Poly p) {
        Set<Poly> a = new LinkedHashSet<>(assumed);
        a.add(p);
        return new NSeries(terms, err, Collections.unmodifiableSet(a));
    }

    /** The relative series r of this = c N^(h/2) (1 + r), with the relative error exponent {@code rel}. */
    private NSeries relative(int h, Ratio c, int rel) {
        NavigableMap<Integer, Ratio> t = new TreeMap<>(terms);
        t.remove(h);
        return of(t, err, assumed).shift(-h).scale(c.inverse()).truncate(rel);
    }

    private int relativePrecision(int h, int depth) { return isExact() ? -depth : Math.max(err - h, -depth); }

    /** Σ_j a_j r^j for a relative series r (top ≤ −1), truncated at {@code rel}. */
    private static NSeries powerSeries(NSeries r, int rel, java.util.function.IntFunction<QI> a) {
        if (r.isExactZero()) return constant(Ratio.of(a.apply(0)));
        NSeries sum = ONE.scale(Ratio.of(a.apply(0))), p = ONE;
        for (int j = 1; j <= -rel + 1; j++) {
            p = p.times(r).truncate(rel);
            if (p.terms.isEmpty()) break;
            QI aj = a.apply(j);
            if (!aj.isZero()) sum = sum.plus(p.scale(Ratio.of(aj)));
        }
        return sum.truncate(rel).withAssumed(union(sum.assumed, r.assumed));
    }

    private NSeries withAssumed(Set<Poly> a) { return new NSeries(terms, err, Collections.unmodifiableSet(a)); }

    /**
     * Whether the leading coefficient c may vanish on its own: it is not definite and not a factor
     * of every coefficient (c = 0 would then change the order, not make the whole series vanish).
     */
    private boolean leadingMayVanishAlone(Ratio c) {
        if (c.isDefinite()) return false;
        for (Ratio a : terms.values())
            if (PolyDivision.exactQuotient(a.num.times(c.den), c.num) == null) return true;
        return false;
    }

    public NSeries inverse(int depth) {
        int h = lead();
        Ratio c = terms.get(h);
        int rel = relativePrecision(h, depth);
        NSeries r = relative(h, c, rel);
        NSeries s = powerSeries(r, rel, j -> j % 2 == 0 ? QI.ONE : QI.MINUS_ONE).scale(c.inverse()).shift(-h);
        return leadingMayVanishAlone(c) ? s.assuming(c.num) : s;
    }

    /** this^(num/den) for a rational exponent (den &gt; 0); integer powers stay exact on exact series. */
    public NSeries pow(int num, int den, int depth) {
        if (den == 1) {
            if (Math.abs(num) > MAX_INTEGER_POWER) throw new NotExpandable("power " + num + " is larger than " + MAX_INTEGER_POWER, false);
            NSeries b = num >= 0 ? this : inverse(depth);
            NSeries r = ONE;
            for (int k = 0; k < Math.abs(num); k++) r = r.times(b);
            return r;
        }
        if (isExactZero()) {
            if (num < 0) throw new NotExpandable("0 to a negative power", false);
            return ZERO;
        }
        int h = lead();
        if (((long) h * num) % den != 0)
            throw new NotExpandable("the power " + num + "/" + den + " of " + powerText(h) + " is not an integer or half-integer power of N", false);
        int hr = (int) ((long) h * num / den);
        Ratio c = terms.get(h);
        Ratio croot = rootOf(c, num, den);
        int rel = relativePrecision(h, depth);
        NSeries r = relative(h, c, rel);
        QI a = QI.of(num, den);
        NSeries s = powerSeries(r, rel, j -> binomial(a, j)).scale(croot).shift(hr);
        return leadingMayVanishAlone(c) ? s.assuming(c.num) : s;
    }

    /** c^(num/den) with the principal branch; a root of a negative or complex number is not expanded. */
    private static Ratio rootOf(Ratio c, int num, int den) {
        for (Poly p : List.of(c.num, c.den))
            if (p.isConstant() && (!p.constantValue().isReal() || p.constantValue().re.signum() < 0))
                throw new NotExpandable("root of " + c + ", which is negative or complex for large N", false);
        try {
            return Ratio.of(ExprConverter.rationalPower(c.num, num, den, null), ExprConverter.rationalPower(c.den, num, den, null));
        } catch (cumulus.api.ModelException e) {
            throw new NotExpandable(e.getMessage(), false);
        }
    }

    /** binom(a, j) = a (a−1) ... (a−j+1) / j!. */
    static QI binomial(QI a, int j) {
        QI b = QI.ONE;
        for (int k = 0; k < j; k++) b = b.times(a.minus(QI.of(k))).times(QI.of(1, k + 1));
        return b;
    }

    /** The N^0 coefficient and the decaying rest of an argument of exp, sin or cos. */
    private Ratio[] splitArgument(String fn) {
        if (!terms.isEmpty() && terms.firstKey() > 0)
            throw new NotExpandable(fn + " of a quantity that grows like " + powerText(terms.firstKey()), false);
        if (!isExact() && err >= 0 && terms.isEmpty())
            throw new NotExpandable("the argument of " + fn + " cancels beyond the computed orders", true);
        return new Ratio[]{coefficient(0)};
    }

    private NSeries decaying() {
        NavigableMap<Integer, Ratio> t = new TreeMap<>(terms);
        t.remove(0);
        return of(t, err, assumed);
    }

    public NSeries exp(int depth) {
        Ratio a0 = splitArgument("exp")[0];
        NSeries r = decaying();
        int rel = isExact() ? -depth : Math.max(err, -depth);
        NSeries e = powerSeries(r, rel, NSeries::inverseFactorial);
        return e.scale(Ratio.of(ExprConverter.exp(a0.toPoly())));
    }

    /** sin ({@code sine}) or cos of this series: sin(a0 + r) = sin a0 cos r + cos a0 sin r, cos likewise. */
    public NSeries trig(boolean sine, int depth) {
        Ratio a0 = splitArgument(sine ? "sin" : "cos")[0];
        NSeries r = decaying();
        int rel = isExact() ? -depth : Math.max(err, -depth);
        NSeries cosR = powerSeries(r, rel, j -> j % 2 != 0 ? QI.ZERO : (j % 4 == 0 ? QI.ONE : QI.MINUS_ONE).times(inverseFactorial(j)));
        NSeries sinR = powerSeries(r, rel, j -> j % 2 == 0 ? QI.ZERO : (j % 4 == 1 ? QI.ONE : QI.MINUS_ONE).times(inverseFactorial(j)));
        Poly s0 = ExprConverter.sin(a0.toPoly()), c0 = ExprConverter.cos(a0.toPoly());
        if (sine) return cosR.scale(Ratio.of(s0)).plus(sinR.scale(Ratio.of(c0)));
        return cosR.scale(Ratio.of(c0)).minus(sinR.scale(Ratio.of(s0)));
    }

    private static QI inverseFactorial(int j) {
        java.math.BigInteger f = java.math.BigInteger.ONE;
        for (int k = 2; k <= j; k++) f = f.multiply(java.math.BigInteger.valueOf(k));
        return QI.real(java.math.BigInteger.ONE, f);
    }

    /** N^k or N^(k/2) for an exponent in halves. */
    public static String powerText(int halves) { return halves % 2 == 0 ? "N^" + (halves / 2) : "N^(" + halves + "/2)"; }

    /** Terms as text, largest first: "kappa*N - 1/2*kappa + O(N^-1)". */
    @Override public String toString() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Integer, Ratio> e : terms.entrySet()) {
            int h = e.getKey();
            String n = h == 0 ? "" : h == 2 ? "N" : powerText(h);
            String c = e.getValue().toString();
            parts.add(n.isEmpty() ? "(" + c + ")" : "(" + c + ")*" + n);
        }
        if (!isExact()) parts.add("O(" + powerText(err) + ")");
        return parts.isEmpty() ? "0" : String.join(" + ", parts);
    }
}
