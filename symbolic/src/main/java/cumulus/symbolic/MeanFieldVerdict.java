package cumulus.symbolic;

import java.util.List;

/** The verifier's answer: whether mean field is exact as N → ∞, with one reason per offending term. */
public record MeanFieldVerdict(boolean meanfieldExact, List<String> reasons) {
    public MeanFieldVerdict { reasons = List.copyOf(reasons); }
}
