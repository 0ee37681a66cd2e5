package cumulus.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A symbolic coefficient: a commutative expression over exact rationals, the imaginary unit,
 * floating constants and named real symbols (model parameters, {@code N}, {@code S}, {@code t}).
 * Models declare coefficients with it so that the symbolic engine sees the exact dependence on
 * N, and the numerical engines evaluate it. Immutable; structural equality.
 */
public sealed interface Expr permits Expr.Rat, Expr.Real, Expr.Imag, Expr.Sym, Expr.Add, Expr.Mul, Expr.Pow, Expr.Fn {

    /** Exact rational p/q, q &gt; 0, in lowest terms. */
    record Rat(long num, long den) implements Expr {
        public Rat {
            if (den == 0) throw new ArithmeticException("zero denominator");
            if (den < 0) { num = -num; den = -den; }
            long g = gcd(Math.abs(num), den);
            if (g > 1) { num /= g; den /= g; }
        }
        static long gcd(long a, long b) { while (b != 0) { long t = a % b; a = b; b = t; } return a == 0 ? 1 : a; }
        @Override public String toString() { return den == 1 ? Long.toString(num) : "(" + num + "/" + den + ")"; }
    }

    /** A floating-point constant (for user input such as 0.35 that is not meant as exact). */
    record Real(double value) implements Expr {
        @Override public String toString() { return Double.toString(value); }
    }

    /** The imaginary unit i. */
    record Imag() implements Expr {
        @Override public String toString() { return "I"; }
    }

    /** A real-valued symbol: a parameter name, N, S or t. */
    record Sym(String name) implements Expr {
        @Override public String toString() { return name; }
    }

    record Add(List<Expr> terms) implements Expr {
        public Add { terms = List.copyOf(terms); }
        @Override public String toString() { return "(" + String.join(" + ", terms.stream().map(Object::toString).toList()) + ")"; }
    }

    record Mul(List<Expr> factors) implements Expr {
        public Mul { factors = List.copyOf(factors); }
        @Override public String toString() { return String.join("*", factors.stream().map(Object::toString).toList()); }
    }

    record Pow(Expr base, Expr exponent) implements Expr {
        @Override public String toString() { return "(" + base + ")^(" + exponent + ")"; }
    }

    /** Elementary functions: sqrt, exp, sin, cos. */
    record Fn(String name, Expr arg) implements Expr {
        public static final Set<String> NAMES = Set.of("sqrt", "exp", "sin", "cos");
        public Fn {
            if (!NAMES.contains(name)) throw new ModelException("unknown function '" + name + "': use one of " + new TreeSet<>(NAMES));
        }
        @Override public String toString() { return name + "(" + arg + ")"; }
    }

    Expr ZERO = new Rat(0, 1);
    Expr ONE = new Rat(1, 1);
    Expr I = new Imag();
    /** Number of spins per ensemble. */
    Expr N = new Sym("N");
    /** Total spin of an ensemble, S = N/2. */
    Expr S = new Sym("S");
    /** Time, for time-dependent coefficients. */
    Expr T = new Sym("t");

    static Expr num(long n) { return new Rat(n, 1); }
    static Expr rat(long p, long q) { return new Rat(p, q); }
    static Expr real(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return num((long) v);
        return new Real(v);
    }
    static Expr sym(String name) { return new Sym(name); }
    static Expr sqrt(Expr e) { return new Fn("sqrt", e); }
    static Expr fn(String name, Expr e) { return new Fn(name, e); }

    default Expr plus(Expr o) { return sum(List.of(this, o)); }
    default Expr minus(Expr o) { return sum(List.of(this, o.negate())); }
    default Expr times(Expr o) { return product(List.of(this, o)); }
    default Expr times(long n) { return product(List.of(num(n), this)); }
    default Expr div(Expr o) { return product(List.of(this, new Pow(o, num(-1)))); }
    default Expr pow(Expr e) { return new Pow(this, e); }
    default Expr negate() { return product(List.of(num(-1), this)); }

    /** A sum with nested sums flattened and zeros dropped (no further simplification). */
    static Expr sum(List<Expr> terms) {
        List<Expr> out = new ArrayList<>();
        for (Expr t : terms) {
            if (t instanceof Add a) out.addAll(a.terms());
            else if (!t.isZero()) out.add(t);
        }
        if (out.isEmpty()) return ZERO;
        return out.size() == 1 ? out.get(0) : new Add(out);
    }

    /** A product with nested products flattened, ones dropped and rationals folded. */
    static Expr product(List<Expr> factors) {
        List<Expr> out = new ArrayList<>();
        long p = 1, q = 1;
        for (Expr f : flatten(factors)) {
            if (f instanceof Rat r) {
                if (r.num() == 0) return ZERO;
                long g1 = Rat.gcd(Math.abs(r.num()), q), g2 = Rat.gcd(p == 0 ? 1 : Math.abs(p), r.den());
                p = Math.multiplyExact(p / g2, r.num() / g1);
                q = Math.multiplyExact(q / g1, r.den() / g2);
            } else out.add(f);
        }
        if (p != 1 || q != 1) out.add(0, new Rat(p, q));
        if (out.isEmpty()) return ONE;
        return out.size() == 1 ? out.get(0) : new Mul(out);
    }

    private static List<Expr> flatten(List<Expr> factors) {
        List<Expr> out = new ArrayList<>();
        for (Expr f : factors) {
            if (f instanceof Mul m) out.addAll(flatten(m.factors()));
            else out.add(f);
        }
        return out;
    }

    default boolean isZero() { return this instanceof Rat r && r.num() == 0; }

    /** Complex conjugate; every symbol is real, so only i changes sign (principal branches assumed real-positive). */
    default Expr conj() {
        if (this instanceof Imag) return num(-1).times(I);
        if (this instanceof Add a) return sum(a.terms().stream().map(Expr::conj).toList());
        if (this instanceof Mul m) return product(m.factors().stream().map(Expr::conj).toList());
        if (this instanceof Pow p) return new Pow(p.base().conj(), p.exponent().conj());
        if (this instanceof Fn f) return new Fn(f.name(), f.arg().conj());
        return this;
    }

    /** The names of all symbols in this expression. */
    default Set<String> symbols() {
        Set<String> out = new TreeSet<>();
        collect(this, out);
        return Collections.unmodifiableSet(out);
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Sym s) out.add(s.name());
        else if (e instanceof Add a) a.terms().forEach(t -> collect(t, out));
        else if (e instanceof Mul m) m.factors().forEach(t -> collect(t, out));
        else if (e instanceof Pow p) { collect(p.base(), out); collect(p.exponent(), out); }
        else if (e instanceof Fn f) collect(f.arg(), out);
    }

    /**
     * Numerical value with every symbol taken from {@code values}. S defaults to N/2 when only N is
     * given. Unknown symbols are an error naming the symbol.
     */
    default Complex evaluate(Map<String, Double> values) {
        if (this instanceof Rat r) return Complex.real((double) r.num() / r.den());
        if (this instanceof Real r) return Complex.real(r.value());
        if (this instanceof Imag) return Complex.I;
        if (this instanceof Sym s) {
            Double v = values.get(s.name());
            if (v == null && s.name().equals("S") && values.containsKey("N")) v = values.get("N") / 2;
            if (v == null) throw new ModelException("no value for symbol '" + s.name() + "': declare it as a parameter or give it with --set " + s.name() + "=VALUE");
            return Complex.real(v);
        }
        if (this instanceof Add a) {
            Complex acc = Complex.ZERO;
            for (Expr t : a.terms()) acc = acc.plus(t.evaluate(values));
            return acc;
        }
        if (this instanceof Mul m) {
            Complex acc = Complex.ONE;
            for (Expr t : m.factors()) acc = acc.times(t.evaluate(values));
            return acc;
        }
        if (this instanceof Pow p) return p.base().evaluate(values).pow(p.exponent().evaluate(values));
        Fn f = (Fn) this;
        Complex a = f.arg().evaluate(values);
        switch (f.name()) {
            case "sqrt": return a.sqrt();
            case "exp": return a.exp();
            case "sin": return a.im() == 0 ? Complex.real(Math.sin(a.re()))
                    : a.times(Complex.I).exp().minus(a.times(Complex.I).negate().exp()).divide(new Complex(0, 2));
            case "cos": return a.im() == 0 ? Complex.real(Math.cos(a.re()))
                    : a.times(Complex.I).exp().plus(a.times(Complex.I).negate().exp()).times(0.5);
            default: throw new IllegalStateException(f.name());
        }
    }

    /** Parses an infix expression such as {@code sqrt(kappa/S)} or {@code 2*I*omega}; see {@link ExprParser}. */
    static Expr parse(String text) { return ExprParser.parse(text); }
}
