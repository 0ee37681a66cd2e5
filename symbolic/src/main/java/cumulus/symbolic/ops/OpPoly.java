package cumulus.symbolic.ops;

import cumulus.symbolic.algebra.Coefficient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An operator Σ c_w w in canonical form (see {@link MacroAlgebra}). Immutable, structural equality. */
public final class OpPoly<C extends Coefficient<C>> {
    private final MacroAlgebra<C> alg;
    private final Map<OpMono, C> terms;

    OpPoly(MacroAlgebra<C> alg, Map<OpMono, C> terms) {
        this.alg = alg;
        this.terms = terms;
    }

    private static <C extends Coefficient<C>> OpPoly<C> of(MacroAlgebra<C> alg, Map<OpMono, C> m) {
        m.values().removeIf(C::isZero);
        return new OpPoly<>(alg, Collections.unmodifiableMap(m));
    }

    public Map<OpMono, C> terms() { return terms; }
    public boolean isZero() { return terms.isEmpty(); }
    public MacroAlgebra<C> algebra() { return alg; }

    public OpPoly<C> plus(OpPoly<C> o) {
        if (o.isZero()) return this;
        if (isZero()) return o;
        Map<OpMono, C> m = new HashMap<>(terms);
        for (Map.Entry<OpMono, C> e : o.terms.entrySet()) m.merge(e.getKey(), e.getValue(), C::plus);
        return of(alg, m);
    }

    public OpPoly<C> minus(OpPoly<C> o) { return plus(o.negate()); }

    public OpPoly<C> negate() {
        Map<OpMono, C> m = new HashMap<>();
        terms.forEach((k, v) -> m.put(k, v.negate()));
        return of(alg, m);
    }

    public OpPoly<C> scale(C c) {
        if (c.isZero()) return alg.zero();
        Map<OpMono, C> m = new HashMap<>();
        terms.forEach((k, v) -> m.put(k, v.times(c)));
        return of(alg, m);
    }

    public OpPoly<C> times(OpPoly<C> o) {
        Map<OpMono, C> m = new HashMap<>();
        for (Map.Entry<OpMono, C> a : terms.entrySet())
            for (Map.Entry<OpMono, C> b : o.terms.entrySet()) {
                C ab = a.getValue().times(b.getValue());
                for (Map.Entry<OpMono, C> p : alg.product(a.getKey(), b.getKey()).entrySet())
                    m.merge(p.getKey(), ab.times(p.getValue()), C::plus);
            }
        return of(alg, m);
    }

    /** [this, o]. */
    public OpPoly<C> commutator(OpPoly<C> o) { return times(o).minus(o.times(this)); }

    /** {this, o}. */
    public OpPoly<C> anticommutator(OpPoly<C> o) { return times(o).plus(o.times(this)); }

    public OpPoly<C> adjoint() {
        OpPoly<C> r = alg.zero();
        for (Map.Entry<OpMono, C> e : terms.entrySet()) r = r.plus(alg.adjointWord(e.getKey()).scale(e.getValue().conj()));
        return r;
    }

    @Override public boolean equals(Object o) { return o instanceof OpPoly<?> p && terms.equals(p.terms); }
    @Override public int hashCode() { return terms.hashCode(); }

    @Override public String toString() {
        if (terms.isEmpty()) return "0";
        List<OpMono> keys = new ArrayList<>(terms.keySet());
        Collections.sort(keys);
        List<String> parts = new ArrayList<>();
        for (OpMono k : keys) {
            List<String> ls = new ArrayList<>();
            for (int l : k.letters()) ls.add(alg.letters.name(l));
            parts.add("(" + terms.get(k) + ")" + (ls.isEmpty() ? "" : " " + String.join(" ", ls)));
        }
        return String.join(" + ", parts);
    }
}
