package cumulus.symbolic.ops;

import cumulus.symbolic.algebra.Coefficient;
import cumulus.symbolic.algebra.QI;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator algebra of the macroscopic letters (see {@link Letters}) with coefficients in a
 * commutative algebra C. Canonical form: every operator is Σ c_w w over canonical words w
 * (ensembles in order, x &lt; y &lt; z inside an ensemble, then x &lt; p for the boson), which is the
 * PBW basis, so equal operators are equal objects. Products are reduced with the structure
 * constants of su(2) ([S^a,S^b] = iε_abc S^c, in m = S/S: factor 2/N per contraction) and of
 * the Heisenberg algebra ([x, p] = i/N). Products of words are memoized.
 */
public final class MacroAlgebra<C extends Coefficient<C>> {
    public final Letters letters;
    public final Coefficient.CoefficientRing<C> ring;

    /** A structure term: q · N^(nHalves/2) · word. */
    private record STerm(int[] exps, QI q, int nHalves) { }

    private final Map<Long, Map<Integer, QI>> su2RightMul = new ConcurrentHashMap<>();
    private final Map<Long, Map<Integer, QI>> su2Products = new ConcurrentHashMap<>();
    private final Map<List<OpMono>, Map<OpMono, C>> products = new ConcurrentHashMap<>();
    private final Map<OpMono, OpPoly<C>> syms = new ConcurrentHashMap<>();
    private final Map<OpMono, OpPoly<C>> adjoints = new ConcurrentHashMap<>();
    private final Map<Integer, C> nPowers = new ConcurrentHashMap<>();

    public MacroAlgebra(Letters letters, Coefficient.CoefficientRing<C> ring) {
        this.letters = letters;
        this.ring = ring;
    }

    // ---------------- su(2) in the S normalization, words x^a y^b z^c packed as a<<16|b<<8|c -------------

    private static int pack(int a, int b, int c) { return (a << 16) | (b << 8) | c; }

    private static void addTo(Map<Integer, QI> m, int w, QI q) {
        QI r = m.getOrDefault(w, QI.ZERO).plus(q);
        if (r.isZero()) m.remove(w); else m.put(w, r);
    }

    /** w · S^g for a canonical word w and a letter g (0,1,2 = x,y,z), in canonical form. */
    private Map<Integer, QI> rightMul(int w, int g) {
        long key = ((long) w << 2) | g;
        Map<Integer, QI> cached = su2RightMul.get(key);
        if (cached != null) return cached;
        int a = w >> 16, b = (w >> 8) & 0xff, c = w & 0xff;
        Map<Integer, QI> out = new HashMap<>();
        if (g == 2) out.put(pack(a, b, c + 1), QI.ONE);
        else if (g == 1) {
            if (c == 0) out.put(pack(a, b + 1, 0), QI.ONE);
            else { // w' z y = w' y z - i w' x
                int wp = pack(a, b, c - 1);
                for (Map.Entry<Integer, QI> e : rightMul(wp, 1).entrySet())
                    for (Map.Entry<Integer, QI> f : rightMul(e.getKey(), 2).entrySet()) addTo(out, f.getKey(), e.getValue().times(f.getValue()));
                for (Map.Entry<Integer, QI> e : rightMul(wp, 0).entrySet()) addTo(out, e.getKey(), e.getValue().times(QI.I.negate()));
            }
        } else {
            if (b == 0 && c == 0) out.put(pack(a + 1, 0, 0), QI.ONE);
            else if (c > 0) { // w' z x = w' x z + i w' y
                int wp = pack(a, b, c - 1);
                for (Map.Entry<Integer, QI> e : rightMul(wp, 0).entrySet())
                    for (Map.Entry<Integer, QI> f : rightMul(e.getKey(), 2).entrySet()) addTo(out, f.getKey(), e.getValue().times(f.getValue()));
                for (Map.Entry<Integer, QI> e : rightMul(wp, 1).entrySet()) addTo(out, e.getKey(), e.getValue().times(QI.I));
            } else { // w' y x = w' x y - i w' z
                int wp = pack(a, b - 1, 0);
                for (Map.Entry<Integer, QI> e : rightMul(wp, 0).entrySet())
                    for (Map.Entry<Integer, QI> f : rightMul(e.getKey(), 1).entrySet()) addTo(out, f.getKey(), e.getValue().times(f.getValue()));
                for (Map.Entry<Integer, QI> e : rightMul(wp, 2).entrySet()) addTo(out, e.getKey(), e.getValue().times(QI.I.negate()));
            }
        }
        su2RightMul.put(key, out);
        return out;
    }

    /** Product of two canonical su(2) words in the S normalization. */
    private Map<Integer, QI> su2Product(int w1, int w2) {
        long key = ((long) w1 << 32) | w2;
        Map<Integer, QI> cached = su2Products.get(key);
        if (cached != null) return cached;
        Map<Integer, QI> cur = new HashMap<>();
        cur.put(w1, QI.ONE);
        int[] counts = {w2 >> 16, (w2 >> 8) & 0xff, w2 & 0xff};
        for (int g = 0; g < 3; g++) for (int k = 0; k < counts[g]; k++) {
            Map<Integer, QI> next = new HashMap<>();
            for (Map.Entry<Integer, QI> e : cur.entrySet())
                for (Map.Entry<Integer, QI> f : rightMul(e.getKey(), g).entrySet()) addTo(next, f.getKey(), e.getValue().times(f.getValue()));
            cur = next;
        }
        su2Products.put(key, cur);
        return cur;
    }

    private static long binom(int n, int k) {
        long r = 1;
        for (int j = 1; j <= k; j++) r = r * (n - k + j) / j;
        return r;
    }

    /** Product of two canonical words. */
    public Map<OpMono, C> product(OpMono u, OpMono v) {
        List<OpMono> key = List.of(u, v);
        Map<OpMono, C> cached = products.get(key);
        if (cached != null) return cached;
        int n = letters.count;
        List<STerm> acc = new ArrayList<>();
        acc.add(new STerm(new int[n], QI.ONE, 0));
        for (int e = 0; e < letters.ensembles; e++) {
            int o = 3 * e;
            int w1 = pack(u.exps[o], u.exps[o + 1], u.exps[o + 2]), w2 = pack(v.exps[o], v.exps[o + 1], v.exps[o + 2]);
            int d1 = u.exps[o] + u.exps[o + 1] + u.exps[o + 2], d2 = v.exps[o] + v.exps[o + 1] + v.exps[o + 2];
            Map<Integer, QI> pr = (d1 == 0 || d2 == 0) ? Map.of(d1 == 0 ? w2 : w1, QI.ONE) : su2Product(w1, w2);
            List<STerm> next = new ArrayList<>();
            for (STerm t : acc) for (Map.Entry<Integer, QI> f : pr.entrySet()) {
                int w = f.getKey();
                int a = w >> 16, b = (w >> 8) & 0xff, c = w & 0xff;
                int drop = d1 + d2 - (a + b + c);
                int[] ex = t.exps.clone();
                ex[o] = a; ex[o + 1] = b; ex[o + 2] = c;
                // m-words: S^{-(d1+d2)} (S-word product) = Σ q S^{-drop} m-word, S^{-1} = 2/N
                next.add(new STerm(ex, t.q.times(f.getValue()).times(QI.of(1L << drop)), t.nHalves - 2 * drop));
            }
            acc = next;
        }
        for (int mode = 1; mode <= letters.modes; mode++) {
            // CCR per mode, [x_k, p_k] = i/N; different modes commute
            int ix = letters.x(mode), ip = letters.p(mode);
            int a = u.exps[ix], b = u.exps[ip], c = v.exps[ix], d = v.exps[ip];
            List<STerm> next = new ArrayList<>();
            QI minusI = QI.I.negate();
            for (STerm t : acc) {
                QI pw = QI.ONE;
                long fact = 1;
                for (int k = 0; k <= Math.min(b, c); k++) {
                    if (k > 0) { pw = pw.times(minusI); fact *= k; }
                    int[] ex = t.exps.clone();
                    ex[ix] = a + c - k; ex[ip] = b + d - k;
                    QI q = t.q.times(pw).times(QI.of(binom(b, k) * binom(c, k) * fact));
                    next.add(new STerm(ex, q, t.nHalves - 2 * k));
                }
            }
            acc = next;
        }
        Map<OpMono, C> out = new HashMap<>();
        for (STerm t : acc) {
            C coef = ring.of(t.q).times(nPower(t.nHalves));
            out.merge(new OpMono(t.exps), coef, C::plus);
        }
        out.values().removeIf(C::isZero);
        products.put(key, out);
        return out;
    }

    private C nPower(int halves) { return nPowers.computeIfAbsent(halves, ring::nPower); }

    public OpPoly<C> zero() { return new OpPoly<>(this, Map.of()); }
    public OpPoly<C> identity() { return word(OpMono.identity(letters.count)); }
    public OpPoly<C> word(OpMono m) { return new OpPoly<>(this, Map.of(m, ring.one())); }
    public OpPoly<C> letter(int k) { return word(OpMono.letter(letters.count, k)); }
    public OpPoly<C> constant(C c) { return identity().scale(c); }

    /** The ordered product of the given letters, in canonical form. */
    public OpPoly<C> orderedProduct(List<Integer> ls) {
        OpPoly<C> r = identity();
        for (int l : ls) r = r.times(letter(l));
        return r;
    }

    /** Adjoint of a canonical word (letters are Hermitian): the reversed product, canonicalized. */
    OpPoly<C> adjointWord(OpMono m) {
        OpPoly<C> cached = adjoints.get(m);
        if (cached != null) return cached;
        List<Integer> ls = m.letters();
        List<Integer> rev = new ArrayList<>();
        for (int k = ls.size() - 1; k >= 0; k--) rev.add(ls.get(k));
        OpPoly<C> r = orderedProduct(rev);
        adjoints.put(m, r);
        return r;
    }

    /**
     * The symmetrized (Weyl-ordered) product of the multiset u: the average of the ordered products
     * over all orderings, in canonical form. It is Hermitian and equals u + lower-degree terms.
     */
    public OpPoly<C> sym(OpMono u) {
        OpPoly<C> cached = syms.get(u);
        if (cached != null) return cached;
        List<Integer> ls = u.letters();
        List<List<Integer>> perms = new ArrayList<>();
        distinctPermutations(u.exps.clone(), new ArrayList<>(), ls.size(), perms);
        OpPoly<C> sum = zero();
        for (List<Integer> p : perms) sum = sum.plus(orderedProduct(p));
        OpPoly<C> r = sum.scale(ring.of(QI.of(1, perms.size())));
        syms.put(u, r);
        return r;
    }

    private static void distinctPermutations(int[] remaining, List<Integer> prefix, int len, List<List<Integer>> out) {
        if (prefix.size() == len) { out.add(List.copyOf(prefix)); return; }
        for (int k = 0; k < remaining.length; k++) if (remaining[k] > 0) {
            remaining[k]--; prefix.add(k);
            distinctPermutations(remaining, prefix, len, out);
            prefix.remove(prefix.size() - 1); remaining[k]++;
        }
    }

    /**
     * Weyl decomposition: the unique coefficients c_u with op = Σ_u c_u sym(u) (the map from the
     * symmetric algebra to the operator algebra is a linear isomorphism). Expectations then read
     * ⟨op⟩ = Σ_u c_u ⟨sym(u)⟩ in symmetrized moments, which are real for Hermitian letters.
     */
    public Map<OpMono, C> weyl(OpPoly<C> op) {
        Map<OpMono, C> work = new HashMap<>(op.terms());
        Map<OpMono, C> out = new HashMap<>();
        while (!work.isEmpty()) {
            OpMono top = null;
            for (OpMono m : work.keySet()) if (top == null || m.degree() > top.degree()) top = m;
            C c = work.remove(top);
            out.merge(top, c, C::plus);
            for (Map.Entry<OpMono, C> t : sym(top).terms().entrySet()) {
                if (t.getKey().equals(top)) continue;
                C v = c.times(t.getValue()).negate();
                C r = work.containsKey(t.getKey()) ? work.get(t.getKey()).plus(v) : v;
                if (r.isZero()) work.remove(t.getKey()); else work.put(t.getKey(), r);
            }
        }
        out.values().removeIf(C::isZero);
        return out;
    }
}
