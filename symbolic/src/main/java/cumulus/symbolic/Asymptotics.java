package cumulus.symbolic;

import cumulus.api.ModelException;
import cumulus.symbolic.algebra.Atoms;
import cumulus.symbolic.algebra.Growth;
import cumulus.symbolic.algebra.Mono;
import cumulus.symbolic.algebra.NExpansion;
import cumulus.symbolic.algebra.NSeries;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.algebra.QI;
import cumulus.symbolic.algebra.Ratio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Orders in N of right-hand sides. A right-hand side is split into its monomials in the unknowns,
 * each with its coefficient (parameters, N and functions of them); terms of different unknown
 * monomials cannot cancel, terms of one monomial are one coefficient, whose growth comes from its
 * expansion in 1/N ({@link NExpansion}: leading power, exact leading coefficient, next orders).
 * The order of a term is that of its coefficient plus, for every cumulant atom of n letters,
 * −(n−1) per power (S10: K_n = O(N^(1−n)) for product initial states; first moments are O(1)).
 */
public final class Asymptotics {
    private Asymptotics() { }

    /** One monomial of a right-hand side in the unknowns, its exact coefficient and that coefficient's growth. */
    public record Term(Mono unknowns, Poly coefficient, Growth growth) {
        /** The exact term, coefficient times monomial. */
        public Poly exact() { return Poly.term(QI.ONE, unknowns).times(coefficient); }

        /** The leading term c N^h times the monomial, for messages. */
        public Poly leadingTerm() {
            return Poly.term(QI.ONE, unknowns).times(growth.leading().toPoly()).times(Poly.RING.nPower(growth.halves()));
        }

        /** Whether the leading term says more than the exact term (the coefficient is not just c N^h). */
        public boolean expanded() { return !exact().equals(leadingTerm()); }

        /** The condition under which the leading coefficient vanishes, normalized: "g1 - g2 = 0". */
        public String vanishing() {
            return growth.leading().numeratorWithoutContent() + " = 0";
        }
    }

    /** The terms of a right-hand side grouped by their monomial in the unknowns. */
    public static List<Term> terms(Poly rhs, Predicate<String> isUnknown) {
        List<Term> out = new ArrayList<>();
        for (Map.Entry<Mono, Poly> e : rhs.groupBy(isUnknown).entrySet())
            out.add(new Term(e.getKey(), e.getValue(), NExpansion.growth(e.getValue())));
        return out;
    }

    /** The order (halves) contributed by the unknowns: −(n−1) per power of a cumulant of n letters. */
    public static int cumulantHalves(Mono unknowns, ToIntFunction<String> letters) {
        int w = 0;
        for (int k = 0; k < unknowns.size(); k++) {
            int n = letters.applyAsInt(Atoms.name(unknowns.id(k)));
            if (n > 1) w -= (n - 1) * unknowns.halves(k);
        }
        return w;
    }

    /**
     * The N → ∞ limit of a right-hand side (unknowns held fixed): each coefficient's N^0 term.
     * A term that grows with N, or whose growth is unknown, is a {@link ModelException} naming it.
     */
    public static Poly limitNInfinity(Poly rhs, Predicate<String> isUnknown, String where) {
        Poly r = Poly.ZERO;
        for (Term t : terms(rhs, isUnknown)) {
            Growth g = t.growth();
            switch (g.kind()) {
                case ZERO -> { }
                case LEADING -> {
                    if (g.halves() > 0)
                        throw new ModelException(where + ": the N -> infinity limit does not exist: the term " + t.exact() + " grows like "
                                + NSeries.powerText(g.halves()) + (t.expanded() ? " (leading term " + t.leadingTerm() + ")" : "")
                                + (g.leading().isDefinite() ? "" : " unless " + t.vanishing())
                                + "; scale its coupling with 1/S (spin-spin), 1/sqrt(N) (spin-boson) or sqrt(1/S) (jumps)");
                    Ratio c = g.series().coefficient(0);
                    if (!c.isZero()) r = r.plus(Poly.term(QI.ONE, t.unknowns()).times(c.toPoly()));
                }
                case BOUND -> {
                    if (g.halves() >= 0)
                        throw new ModelException(where + ": cannot take the N -> infinity limit of the term " + t.exact()
                                + ": its expansion cancels to every computed order down to " + NSeries.powerText(g.halves()));
                }
                case UNKNOWN -> throw new ModelException(where + ": cannot take the N -> infinity limit of the term " + t.exact() + ": " + g.reason());
            }
        }
        return r;
    }

    public static String orderText(int halves) {
        if (halves == Integer.MIN_VALUE) return "0 (identically)";
        return NSeries.powerText(halves);
    }
}
