package cumulus.symbolic.algebra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * An exact multivariate Laurent polynomial with half-integer exponents over the Gaussian rationals
 * Q(i): Σ c_k Π atom^(e/2). Atoms are real symbols (model parameters, N, unknowns), prime square
 * roots and opaque real subexpressions ({@link Atoms}). Immutable; equal polynomials are equal
 * objects and hash alike. This is the coefficient algebra of the operator algebra and also the
 * representation of closed right-hand sides (unknowns are atoms too).
 *
 * <p>Why not Symja here: with opaque atoms treated as independent real symbols this exact form is
 * canonical (difference = 0 is a structural test), hashable and fast; the order in 1/N of a
 * coefficient is {@link NExpansion}'s (opaque atoms of N are expanded there). Symja is a test
 * oracle only (see the package-info of cumulus.symbolic).
 */
public final class Poly implements Coefficient<Poly> {
    private final Map<Mono, QI> terms;
    private final int hash;

    public static final Poly ZERO = new Poly(Map.of());
    public static final Poly ONE = new Poly(Map.of(Mono.ONE, QI.ONE));

    public static final CoefficientRing<Poly> RING = new CoefficientRing<>() {
        public Poly zero() { return ZERO; }
        public Poly one() { return ONE; }
        public Poly of(QI q) { return constant(q); }
        public Poly nPower(int halves) { return atom("N", halves); }
    };

    private Poly(Map<Mono, QI> terms) {
        this.terms = terms;
        this.hash = terms.hashCode();
    }

    static Poly fromMap(Map<Mono, QI> m) {
        m.values().removeIf(QI::isZero);
        if (m.isEmpty()) return ZERO;
        return new Poly(Collections.unmodifiableMap(m));
    }

    public static Poly constant(QI q) { return q.isZero() ? ZERO : new Poly(Map.of(Mono.ONE, q)); }
    public static Poly constant(long n) { return constant(QI.of(n)); }
    public static Poly atom(String name) { return atom(name, 2); }
    /** name^(halves/2). */
    public static Poly atom(String name, int halves) { return term(QI.ONE, Mono.of(Atoms.symbol(name), halves)); }
    public static Poly term(QI c, Mono m) { return c.isZero() ? ZERO : new Poly(Map.of(m, c)); }
    static Poly primeRoot(long p) { return term(QI.ONE, Mono.of(Atoms.prime(p), 1)); }
    static Poly opaque(cumulus.api.Expr e, int halves) { return term(QI.ONE, Mono.of(Atoms.opaque(e), halves)); }

    public Map<Mono, QI> terms() { return terms; }
    public boolean isZero() { return terms.isEmpty(); }
    public boolean isConstant() { return terms.isEmpty() || (terms.size() == 1 && terms.containsKey(Mono.ONE)); }
    public QI constantValue() { QI q = terms.get(Mono.ONE); return q == null ? QI.ZERO : q; }
    /** A single term c·m (or zero). */
    public boolean isMonomial() { return terms.size() <= 1; }

    public Poly plus(Poly o) {
        if (o.isZero()) return this;
        if (isZero()) return o;
        Map<Mono, QI> m = new HashMap<>(terms);
        for (Map.Entry<Mono, QI> e : o.terms.entrySet()) m.merge(e.getKey(), e.getValue(), QI::plus);
        return fromMap(m);
    }

    public Poly negate() {
        Map<Mono, QI> m = new HashMap<>();
        terms.forEach((k, v) -> m.put(k, v.negate()));
        return fromMap(m);
    }

    public Poly scale(QI q) {
        if (q.isZero()) return ZERO;
        if (q.isOne()) return this;
        Map<Mono, QI> m = new HashMap<>();
        terms.forEach((k, v) -> m.put(k, v.times(q)));
        return fromMap(m);
    }

    public Poly times(Poly o) {
        if (isZero() || o.isZero()) return ZERO;
        if (o == ONE) return this;
        if (this == ONE) return o;
        Map<Mono, QI> m = new HashMap<>();
        QI[] f = new QI[1];
        for (Map.Entry<Mono, QI> a : terms.entrySet())
            for (Map.Entry<Mono, QI> b : o.terms.entrySet()) {
                Mono p = a.getKey().times(b.getKey(), f);
                m.merge(p, a.getValue().times(b.getValue()).times(f[0]), QI::plus);
            }
        return fromMap(m);
    }

    public Poly pow(int e) {
        if (e < 0) {
            Poly inv = inverse();
            if (inv == null) throw new ArithmeticException("not invertible: " + this);
            return inv.pow(-e);
        }
        Poly r = ONE;
        for (int k = 0; k < e; k++) r = r.times(this);
        return r;
    }

    /** The inverse of a single-term polynomial, null otherwise. */
    public Poly inverse() {
        if (terms.size() != 1) return null;
        Map.Entry<Mono, QI> e = terms.entrySet().iterator().next();
        QI[] f = new QI[1];
        Mono m = Mono.ONE.times(e.getKey().inverseRaw(), f);
        return term(e.getValue().inverse().times(f[0]), m);
    }

    public Poly conj() {
        Map<Mono, QI> m = new HashMap<>();
        terms.forEach((k, v) -> m.put(k, v.conj()));
        return fromMap(m);
    }

    public Poly realPart() {
        Map<Mono, QI> m = new HashMap<>();
        terms.forEach((k, v) -> m.put(k, v.realPart()));
        return fromMap(m);
    }

    public Poly imagPart() {
        Map<Mono, QI> m = new HashMap<>();
        terms.forEach((k, v) -> m.put(k, v.imagPart()));
        return fromMap(m);
    }

    public boolean isReal() { return terms.values().stream().allMatch(QI::isReal); }

    /** Names of all atoms. */
    public Set<String> atomNames() {
        Set<String> out = new TreeSet<>();
        for (Mono m : terms.keySet()) for (int k = 0; k < m.size(); k++) out.add(Atoms.name(m.id(k)));
        return out;
    }

    /** Names of the real symbols the value depends on: symbol atoms and the symbols inside opaque atoms (t included). */
    public Set<String> symbolNames() {
        Set<String> out = new TreeSet<>();
        for (Mono m : terms.keySet())
            for (int k = 0; k < m.size(); k++) {
                int id = m.id(k);
                if (Atoms.kind(id) == Atoms.Kind.SYMBOL) out.add(Atoms.name(id));
                else if (Atoms.kind(id) == Atoms.Kind.OPAQUE) out.addAll(Atoms.opaqueExpr(id).symbols());
            }
        return out;
    }

    /** Whether any term has an opaque atom. */
    boolean dependsOnOpaque() {
        for (Mono m : terms.keySet()) for (int k = 0; k < m.size(); k++) if (Atoms.kind(m.id(k)) == Atoms.Kind.OPAQUE) return true;
        return false;
    }

    /** Whether any term depends on N (through N itself or an opaque atom of N). */
    public boolean dependsOnN() {
        for (Mono m : terms.keySet()) for (int k = 0; k < m.size(); k++) if (Atoms.dependsOnN(m.id(k))) return true;
        return false;
    }

    /**
     * This polynomial as Σ_key key · coefficient(key): key the product of the symbol atoms named by
     * {@code isKey} (the unknowns of an equation), coefficient the rest (parameters, N, roots, opaque atoms).
     */
    public Map<Mono, Poly> groupBy(java.util.function.Predicate<String> isKey) {
        Map<Mono, Map<Mono, QI>> groups = new java.util.LinkedHashMap<>();
        for (Map.Entry<Mono, QI> e : sortedTerms()) {
            Mono m = e.getKey(), key = m;
            for (int k = 0; k < m.size(); k++) {
                int id = m.id(k);
                if (Atoms.kind(id) != Atoms.Kind.SYMBOL || !isKey.test(Atoms.name(id))) key = key.without(id);
            }
            Mono rest = m;
            for (int k = 0; k < key.size(); k++) rest = rest.without(key.id(k));
            groups.computeIfAbsent(key, x -> new HashMap<>()).merge(rest, e.getValue(), QI::plus);
        }
        Map<Mono, Poly> out = new java.util.LinkedHashMap<>();
        groups.forEach((k, v) -> { Poly p = fromMap(v); if (!p.isZero()) out.put(k, p); });
        return out;
    }

    /** Exponent (in halves) of the named atom in each term, maximum over terms; Integer.MIN_VALUE for zero. */
    public int maxHalves(String atom) {
        int id = Atoms.idOf(atom), best = Integer.MIN_VALUE;
        for (Mono m : terms.keySet()) best = Math.max(best, id < 0 ? 0 : m.halvesOf(id));
        return best;
    }

    /** Terms sorted deterministically (by atom names). */
    public List<Map.Entry<Mono, QI>> sortedTerms() {
        List<Map.Entry<Mono, QI>> l = new ArrayList<>(terms.entrySet());
        l.sort(Map.Entry.comparingByKey());
        return l;
    }

    /** Numerical value; atom values for symbols come from {@code symbolValue}. */
    public double[] evaluate(ToDoubleFunction<String> symbolValue) {
        double re = 0, im = 0;
        for (Map.Entry<Mono, QI> e : terms.entrySet()) {
            double v = monoValue(e.getKey(), symbolValue);
            re += e.getValue().reDouble() * v;
            im += e.getValue().imDouble() * v;
        }
        return new double[]{re, im};
    }

    static double monoValue(Mono m, ToDoubleFunction<String> symbolValue) {
        double v = 1;
        for (int k = 0; k < m.size(); k++) v *= Math.pow(atomValue(m.id(k), symbolValue), m.halves(k) / 2.0);
        return v;
    }

    static double atomValue(int id, ToDoubleFunction<String> symbolValue) {
        switch (Atoms.kind(id)) {
            case PRIME: return Atoms.primeValue(id);
            case OPAQUE: {
                java.util.Map<String, Double> vals = new HashMap<>();
                for (String s : Atoms.opaqueExpr(id).symbols()) vals.put(s, symbolValue.applyAsDouble(s));
                return Atoms.opaqueExpr(id).evaluate(vals).re();
            }
            default: return symbolValue.applyAsDouble(Atoms.name(id));
        }
    }

    @Override public boolean equals(Object o) { return o instanceof Poly p && hash == p.hash && terms.equals(p.terms); }
    @Override public int hashCode() { return hash; }

    @Override public String toString() { return PolyFormat.text(this); }
    public String toLatex() { return PolyFormat.latex(this); }
}
