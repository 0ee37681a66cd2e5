package cumulus.symbolic.algebra;

import java.util.Set;

/**
 * How a coefficient behaves as N → ∞ ({@link NExpansion#growth}): identically zero; a leading
 * term c·N^(h/2) with its series (next orders included); only a bound O(N^(h/2)) because every
 * computed order cancelled; or unknown, with the reason (the subexpression it could not expand).
 */
public record Growth(Kind kind, NSeries series, String reason) {
    public enum Kind { ZERO, LEADING, BOUND, UNKNOWN }

    static Growth zero() { return new Growth(Kind.ZERO, NSeries.ZERO, null); }
    static Growth leading(NSeries s) { return new Growth(Kind.LEADING, s, null); }
    static Growth bound(NSeries s) { return new Growth(Kind.BOUND, s, null); }
    static Growth unknown(String reason) { return new Growth(Kind.UNKNOWN, null, reason); }

    /** The leading exponent (LEADING) or the bound's exponent (BOUND), in halves of a power of N. */
    public int halves() {
        return switch (kind) {
            case LEADING -> series.top();
            case BOUND -> series.err();
            default -> throw new IllegalStateException("no order for a " + kind + " coefficient");
        };
    }

    /** The leading coefficient (an exact expression in the parameters). */
    public Ratio leading() { return series.coefficient(halves()); }

    /** Expressions assumed nonzero on the way (leading coefficients inverted or rooted). */
    public Set<Poly> assumed() { return series == null ? Set.of() : series.assumed(); }

    /** A leading term whose coefficient cannot vanish on its own and that needed no assumption. */
    public boolean definite() { return kind == Kind.LEADING && leading().isDefinite() && assumed().isEmpty(); }
}
