package cumulus.solvers;

import cumulus.api.Model;
import cumulus.solvers.dicke.DickeFockSpace;
import cumulus.solvers.piqs.PermutationInvariantSpace;
import cumulus.solvers.piqs.ProductPermutationSpace;
import cumulus.solvers.space.LiouvillianSpace;

import java.util.Map;

/** The one place that chooses a model's exact space. */
public final class Spaces {
    private Spaces() { }

    /**
     * The permutation-invariant space for models with local dissipation (total spin is not
     * conserved): ⊕_j of one ensemble, or the product space of several ensembles and bosonic modes;
     * else the Dicke ⊗ Fock space. A periodic model's space is built at its first
     * segment's values; the engines ask it for each segment's generator.
     */
    public static LiouvillianSpace of(Model model, Map<String, Double> parameters) {
        Map<String, Double> base = model.isPeriodic() ? model.schedule().valuesIn(0, parameters) : parameters;
        if (!model.hasLocalDissipation()) return new DickeFockSpace(model, base);
        if (model.hasBoson() || model.ensembles() > 1) return new ProductPermutationSpace(model, base);
        return new PermutationInvariantSpace(model, base);
    }
}
