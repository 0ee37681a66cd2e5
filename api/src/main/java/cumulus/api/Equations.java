package cumulus.api;

import java.util.List;
import java.util.Map;

/**
 * A closed system of equations of motion dy_k/dt = rhs_k(y; parameters) as the symbolic engine
 * derived it: the cumulant order of the closure (1 = mean field), whether the N → ∞ limit was
 * taken, the unknowns (moments and symmetrized cumulants K(a,b), SPEC.md) and parameters in
 * order, the right-hand sides as exact coefficients, and its renderings (SPEC.md's JSON tree).
 */
public record Equations(String model, int order, boolean limit, List<String> unknowns, List<String> parameters, List<Expr> rhs,
                        String text, String latex, Map<String, Object> json) {
    public Equations {
        unknowns = List.copyOf(unknowns);
        parameters = List.copyOf(parameters);
        rhs = List.copyOf(rhs);
    }
}
