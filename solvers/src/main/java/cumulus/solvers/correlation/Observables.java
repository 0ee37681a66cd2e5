package cumulus.solvers.correlation;

import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.OpSum;

/**
 * The operators {@code correlate} and {@code psd} take: SPEC.md's macroscopic observables
 * ({@code m1x}, {@code m1y}, {@code m1z}, ..., {@code x}, {@code p}), the ladder combinations
 * {@code m1+} = S_1^+/S and {@code m1-} = S_1^-/S, and products of these joined by {@code *}
 * ({@code m1+*m1-} = S^+S^-/S², in the order written).
 */
public final class Observables {
    private Observables() { }

    public static OpSum parse(Model model, String spec, String field) {
        if (spec == null || spec.isBlank()) throw new ModelException(field + " is empty: give an observable such as m1x, m1+, x or a product m1+*m1-");
        OpSum out = null;
        for (String f : spec.split("\\*", -1)) {
            OpSum o = factor(model, f.trim(), field, spec);
            out = out == null ? o : out.times(o);
        }
        return out;
    }

    private static OpSum factor(Model model, String name, String field, String spec) {
        for (Model.Observable o : model.observables()) if (o.name().equals(name)) return o.operator();
        if (name.matches("m\\d+[+-]")) {
            int i = Integer.parseInt(name.substring(1, name.length() - 1));
            if (i >= 1 && i <= model.ensembles()) {
                OpSum s = name.endsWith("+") ? OpSum.sp(i) : OpSum.sm(i);
                return s.scale(Expr.ONE.div(Expr.S));
            }
        }
        StringBuilder known = new StringBuilder();
        for (Model.Observable o : model.observables()) known.append(o.name()).append(", ");
        for (int i = 1; i <= model.ensembles(); i++) known.append('m').append(i).append("+, m").append(i).append("-, ");
        throw new ModelException(field + " '" + spec + "': unknown observable '" + name + "' for model " + model.name()
                + "; known: " + known + "and products joined by * (m1+*m1-)");
    }
}
