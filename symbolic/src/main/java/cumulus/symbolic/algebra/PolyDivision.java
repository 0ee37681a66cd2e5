package cumulus.symbolic.algebra;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Exact division f/g of polynomials when g divides f (the quotient is again a Laurent polynomial),
 * null otherwise. Multivariate division by a single polynomial in lex order (Cox, Little, O'Shea,
 * Ideals, Varieties and Algorithms, §2.3): {g} is a Gröbner basis of (g), so the remainder is zero
 * iff g | f. Laurent and half-integer exponents are handled by shifting both to non-negative
 * exponents (of atom^(1/2)) with g free of monomial content, which keeps divisibility (a monomial
 * is coprime to a content-free g). Prime square roots are scalars: the leading scalar of g must be
 * a single term (a rational times roots), which covers the coefficients met here; otherwise null.
 * Written here because Poly's atoms (opaque subexpressions, prime roots) are not a library's ring.
 */
final class PolyDivision {
    /** Reduction steps before giving up (each step lowers the leading monomial strictly). */
    static final int BUDGET = 4000;

    private PolyDivision() { }

    static Poly exactQuotient(Poly f, Poly g) {
        if (g.isZero()) return null;
        if (f.isZero()) return Poly.ZERO;
        Poly gi = g.inverse();
        if (gi != null) return f.times(gi);
        Poly mg = shift(g), mf = shift(f);
        Poly gs = g.times(mg), r = f.times(mf);
        Lead lg = lead(gs);
        Poly scalarInverse = lg.scalar.inverse();
        if (scalarInverse == null) return null;
        Poly q = Poly.ZERO;
        for (int step = 0; step < BUDGET && !r.isZero(); step++) {
            Lead lr = lead(r);
            QI[] unit = new QI[1];
            Mono quot = lr.mono.times(lg.mono.inverseRaw(), unit);
            for (int k = 0; k < quot.size(); k++) if (quot.halves(k) < 0) return null; // remainder is not zero
            Poly t = lr.scalar.times(scalarInverse).times(Poly.term(unit[0], quot));
            q = q.plus(t);
            r = r.minus(t.times(gs));
        }
        if (!r.isZero()) return null;
        return q.times(mg).times(mf.inverse());
    }

    /** The monomial content of p (lowest power of each atom, prime roots excluded) times its first coefficient. */
    static Poly content(Poly p) {
        Poly m = shift(p).inverse();
        return m.scale(p.times(shift(p)).sortedTerms().get(0).getValue());
    }

    /** The monomial m (no prime roots) with p·m of minimal exponent 0 in every other atom. */
    private static Poly shift(Poly p) {
        TreeSet<Integer> atoms = new TreeSet<>();
        for (Mono m : p.terms().keySet())
            for (int k = 0; k < m.size(); k++) if (Atoms.kind(m.id(k)) != Atoms.Kind.PRIME) atoms.add(m.id(k));
        int[] ids = new int[atoms.size()], halves = new int[atoms.size()];
        int n = 0;
        for (int id : atoms) {
            int min = Integer.MAX_VALUE;
            for (Mono m : p.terms().keySet()) min = Math.min(min, m.halvesOf(id));
            if (min != 0) { ids[n] = id; halves[n++] = -min; }
        }
        return Poly.term(QI.ONE, new Mono(java.util.Arrays.copyOf(ids, n), java.util.Arrays.copyOf(halves, n)));
    }

    private record Lead(Mono mono, Poly scalar) { }

    /** The lex-largest monomial without prime roots and its scalar (a polynomial in prime roots). */
    private static Lead lead(Poly p) {
        Mono best = null;
        Map<Mono, Poly> scalars = new HashMap<>();
        for (Map.Entry<Mono, QI> e : p.terms().entrySet()) {
            Mono m = e.getKey(), free = m, roots = m;
            for (int k = 0; k < m.size(); k++) {
                if (Atoms.kind(m.id(k)) == Atoms.Kind.PRIME) free = free.without(m.id(k));
                else roots = roots.without(m.id(k));
            }
            scalars.merge(free, Poly.term(e.getValue(), roots), Poly::plus);
            if (best == null || lexCompare(free, best) > 0) best = free;
        }
        return new Lead(best, scalars.get(best));
    }

    /** Lex order with atoms ranked by id (smallest id most significant). */
    static int lexCompare(Mono a, Mono b) {
        int i = 0, j = 0;
        while (i < a.size() || j < b.size()) {
            int ia = i < a.size() ? a.id(i) : Integer.MAX_VALUE, ib = j < b.size() ? b.id(j) : Integer.MAX_VALUE;
            int ha, hb;
            if (ia == ib) { ha = a.halves(i++); hb = b.halves(j++); }
            else if (ia < ib) { ha = a.halves(i++); hb = 0; }
            else { ha = 0; hb = b.halves(j++); }
            if (ha != hb) return Integer.compare(ha, hb);
        }
        return 0;
    }
}
