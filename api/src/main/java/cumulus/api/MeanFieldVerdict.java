package cumulus.api;

import java.util.List;

/**
 * The verifier's answer: mean field is exact as N → ∞, it is not (a term breaks the scaling for
 * generic parameters), or it could not be decided (a coefficient whose expansion in 1/N is not
 * known, or whose leading order depends on the parameters); one reason per offending or
 * undecided term, or a summary of the orders when exact.
 */
public record MeanFieldVerdict(Answer answer, List<String> reasons) {
    public enum Answer { EXACT, NOT_EXACT, UNDECIDED }

    public MeanFieldVerdict { reasons = List.copyOf(reasons); }

    /** True only when exactness is proved (never when an order is unknown). */
    public boolean meanfieldExact() { return answer == Answer.EXACT; }

    /** The value of the JSON key meanfield_exact: true, false or "undecided". */
    public Object jsonValue() {
        return switch (answer) {
            case EXACT -> Boolean.TRUE;
            case NOT_EXACT -> Boolean.FALSE;
            case UNDECIDED -> "undecided";
        };
    }
}
