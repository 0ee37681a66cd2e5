package cumulus.symbolic;

import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.ops.Letters;
import cumulus.symbolic.ops.OpMono;
import cumulus.symbolic.ops.OpPoly;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moments ↔ cumulants and the closure at order k, in symmetrized (Weyl-ordered) variables.
 *
 * <p>Unknowns are the symmetrized cumulants K_s(u) of multisets u of Hermitian letters, defined
 * through the classical partition formula from the symmetrized moments
 * ⟨sym(u)⟩ = Σ_{partitions π of u} Π_{B∈π} K_s(B) (the generating function ⟨exp(Σ t_j o_j)⟩; the
 * second-order case is SPEC.md's K_s(A,B) = ⟨{A,B}⟩/2 − ⟨A⟩⟨B⟩). They are real for Hermitian
 * letters, and the ordered cumulants of Eq. (6) differ from them only by commutator terms, which
 * the operator algebra evaluates exactly (e.g. K(A,B) = K_s(A,B) + ½⟨[A,B]⟩). Closure at order k
 * sets every K_s of more than k letters to zero; order {@link #UNBOUNDED} keeps all (exact).
 *
 * <p>d K_s(u)/dt = d⟨sym u⟩/dt − Σ_{π ≠ {u}} Σ_{B∈π} dK_s(B)/dt Π_{B'∈π, B'≠B} K_s(B'), with
 * d⟨sym u⟩/dt = ⟨L†(sym u)⟩ expanded in symmetrized moments by the Weyl decomposition and then in
 * (closed) cumulants.
 */
public final class CumulantEngine {
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public final Heisenberg heisenberg;
    public final Letters letters;
    public final int order;
    private final Map<OpMono, Map<OpMono, Poly>> momentRhs = new HashMap<>();
    private final Map<OpMono, Poly> closedMoments = new HashMap<>();
    private final Map<OpMono, Poly> cumulantRhs = new HashMap<>();
    private final Map<String, OpMono> unknownByName = new HashMap<>();
    private final Map<Integer, List<List<List<Integer>>>> partitionsBySize = new HashMap<>();

    public CumulantEngine(Heisenberg h, int order) {
        this.heisenberg = h;
        this.letters = h.letters;
        this.order = order;
    }

    /** The atom name of K_s(u): the letter name for one letter, K(a,b,...) otherwise. */
    public String name(OpMono u) {
        String n = u.name(letters);
        unknownByName.putIfAbsent(n, u);
        return n;
    }

    /** The multiset of a cumulant atom name created by this engine, or null. */
    public OpMono multiset(String atomName) { return unknownByName.get(atomName); }

    public Poly atom(OpMono u) { return Poly.atom(name(u)); }

    /** The Weyl coefficients of L†(sym(u)): d⟨sym u⟩/dt = Σ_v c_v ⟨sym v⟩, exact. */
    public Map<OpMono, Poly> momentRhs(OpMono u) {
        Map<OpMono, Poly> r = momentRhs.get(u);
        if (r == null) {
            OpPoly<Poly> gen = heisenberg.adjointGenerator(heisenberg.algebra.sym(u));
            r = heisenberg.algebra.weyl(gen);
            momentRhs.put(u, r);
        }
        return r;
    }

    /** Set partitions of {0..n-1}, each a list of blocks. */
    public List<List<List<Integer>>> partitions(int n) {
        return partitionsBySize.computeIfAbsent(n, k -> {
            List<List<List<Integer>>> out = new ArrayList<>();
            build(0, k, new ArrayList<>(), out);
            return out;
        });
    }

    private static void build(int i, int n, List<List<Integer>> cur, List<List<List<Integer>>> out) {
        if (i == n) {
            List<List<Integer>> copy = new ArrayList<>();
            for (List<Integer> b : cur) copy.add(List.copyOf(b));
            out.add(copy);
            return;
        }
        int blocks = cur.size();
        for (int k = 0; k < blocks; k++) { List<Integer> b = cur.get(k); b.add(i); build(i + 1, n, cur, out); b.remove(b.size() - 1); }
        List<Integer> nb = new ArrayList<>(List.of(i));
        cur.add(nb); build(i + 1, n, cur, out); cur.remove(cur.size() - 1);
    }

    private OpMono block(List<Integer> ls, List<Integer> positions) {
        List<Integer> sub = new ArrayList<>();
        for (int p : positions) sub.add(ls.get(p));
        return OpMono.ofLetters(letters.count, sub);
    }

    /** ⟨sym v⟩ in cumulants, higher cumulants than the closure order set to zero. */
    public Poly closedMoment(OpMono v) {
        Poly r = closedMoments.get(v);
        if (r != null) return r;
        if (v.degree() == 0) return Poly.ONE;
        List<Integer> ls = v.letters();
        r = Poly.ZERO;
        for (List<List<Integer>> pi : partitions(ls.size())) {
            Poly t = Poly.ONE;
            for (List<Integer> b : pi) {
                if (b.size() > order) { t = Poly.ZERO; break; }
                t = t.times(atom(block(ls, b)));
            }
            r = r.plus(t);
        }
        closedMoments.put(v, r);
        return r;
    }

    /** d K_s(u)/dt under the closure, a polynomial in the unknowns (cumulant atoms). */
    public Poly cumulantRhs(OpMono u) {
        Poly r = cumulantRhs.get(u);
        if (r != null) return r;
        r = Poly.ZERO;
        for (Map.Entry<OpMono, Poly> e : momentRhs(u).entrySet()) r = r.plus(e.getValue().times(closedMoment(e.getKey())));
        List<Integer> ls = u.letters();
        for (List<List<Integer>> pi : partitions(ls.size())) {
            if (pi.size() < 2) continue;
            for (int k = 0; k < pi.size(); k++) {
                Poly t = cumulantRhs(block(ls, pi.get(k)));
                for (int j = 0; j < pi.size() && !t.isZero(); j++) if (j != k) t = t.times(atom(block(ls, pi.get(j))));
                r = r.minus(t);
            }
        }
        cumulantRhs.put(u, r);
        return r;
    }

    /** The sub-multisets whose derivative {@link #cumulantRhs} uses (blocks of the non-trivial partitions). */
    public List<OpMono> subBlocks(OpMono u) {
        List<OpMono> out = new ArrayList<>();
        List<Integer> ls = u.letters();
        for (List<List<Integer>> pi : partitions(ls.size())) if (pi.size() >= 2) for (List<Integer> b : pi) {
            OpMono m = block(ls, b);
            if (!out.contains(m)) out.add(m);
        }
        return out;
    }

    /** ⟨o_1 o_2 ... o_n⟩ of the ordered product of letters, in cumulants (the closure applies). */
    public Poly orderedMoment(List<Integer> ls) {
        Poly r = Poly.ZERO;
        for (Map.Entry<OpMono, Poly> e : heisenberg.algebra.weyl(heisenberg.algebra.orderedProduct(ls)).entrySet())
            r = r.plus(e.getValue().times(closedMoment(e.getKey())));
        return r;
    }

    /**
     * The ordered joint cumulant of Eq. (6) and its generalization,
     * K(o_1,...,o_n) = Σ_π (−1)^(|π|−1) (|π|−1)! Π_{B∈π} ⟨Π_{k∈B} o_k⟩ (order kept inside blocks),
     * in the symmetrized cumulants.
     */
    public Poly orderedCumulant(List<Integer> ls) {
        Poly r = Poly.ZERO;
        for (List<List<Integer>> pi : partitions(ls.size())) {
            long f = 1;
            for (int k = 2; k < pi.size(); k++) f *= k;
            Poly t = Poly.constant(pi.size() % 2 == 1 ? f : -f);
            for (List<Integer> b : pi) {
                List<Integer> sub = new ArrayList<>();
                for (int pos : b) sub.add(ls.get(pos));
                t = t.times(orderedMoment(sub));
            }
            r = r.plus(t);
        }
        return r;
    }
}
