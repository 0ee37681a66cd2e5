package cumulus.symbolic;

import cumulus.symbolic.algebra.Atoms;
import cumulus.symbolic.algebra.Mono;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.algebra.QI;

import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Orders in N of right-hand-side terms. A term's order (in halves of a power of N) is its explicit
 * N exponent plus, for every cumulant atom of n letters, −(n−1) per power (S10: K_n = O(N^(1−n))
 * for product initial states; first moments are O(1)). Since every coefficient is a Laurent
 * monomial in N, the leading order is read off the exponents exactly (no series or limits needed).
 */
public final class Asymptotics {
    private Asymptotics() { }

    /** Order in halves of N^·; {@code letters} gives the cumulant order of an atom name (0 if not an unknown). */
    public static int orderHalves(Mono m, ToIntFunction<String> letters) {
        int w = 0;
        for (int k = 0; k < m.size(); k++) {
            String name = Atoms.name(m.id(k));
            if (name.equals("N")) w += m.halves(k);
            else {
                int n = letters.applyAsInt(name);
                if (n > 1) w -= (n - 1) * m.halves(k);
            }
        }
        return w;
    }

    /** Maximum order over the terms, Integer.MIN_VALUE for zero. */
    public static int leadingHalves(Poly p, ToIntFunction<String> letters) {
        int best = Integer.MIN_VALUE;
        for (Mono m : p.terms().keySet()) best = Math.max(best, orderHalves(m, letters));
        return best;
    }

    /** The N → ∞ limit of a polynomial with no positive powers of N: keeps the N^0 terms. */
    public static Poly limitNInfinity(Poly p) {
        int id = Atoms.idOf("N");
        Poly r = Poly.ZERO;
        for (Map.Entry<Mono, QI> e : p.terms().entrySet()) {
            int h = id < 0 ? 0 : e.getKey().halvesOf(id);
            if (h > 0) throw new ArithmeticException("N → ∞ limit diverges: term " + Poly.term(e.getValue(), e.getKey()) + " grows with N");
            if (h == 0) r = r.plus(Poly.term(e.getValue(), e.getKey()));
        }
        return r;
    }

    public static String orderText(int halves) {
        if (halves == Integer.MIN_VALUE) return "0 (identically)";
        if (halves % 2 == 0) return "N^" + (halves / 2);
        return "N^(" + halves + "/2)";
    }
}
