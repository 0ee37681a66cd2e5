package cumulus.solvers.space;

import cumulus.api.InitialState;
import cumulus.api.Model;
import org.ejml.data.DMatrixSparseCSC;

import java.util.List;
import java.util.Map;

/**
 * The one contract between a model's exact state space and the engines (steady state, spectrum,
 * dynamics, Floquet), which are written once against it. A space fixes the real coordinates x of
 * ρ (Hermitian-basis coordinates, so that L is a real matrix), builds the generator L at given
 * parameter values (one per schedule segment), and reads states back: trace, observables, initial
 * product states. Implementations: the Dicke ⊗ Fock space of collective models
 * ({@code cumulus.solvers.dicke}) and the permutation-invariant space ⊕_j of models with local
 * dissipation ({@code cumulus.solvers.piqs}); {@code cumulus.solvers.Spaces} picks one.
 * This is how QuTiP keeps PIQS a generator of Liouvillians and its solvers generic.
 */
public interface LiouvillianSpace {
    Model model();

    /** The parameter values this space was built at (with S and t). */
    Map<String, Double> values();

    /** SPEC.md's {@code dimension}: the number of basis states (Dicke ⊗ Fock states, or Dicke states |j, m⟩). */
    int dimension();

    /** Real unknowns: the size of every generator. */
    int size();

    /** Dimension of the grid the unknowns form (for {@link Resources}): 2 per ensemble and per boson, 3 for ⊕_j. */
    int gridDims();

    /** For the {@code method} field: which space, how many unknowns, what its spectrum means. */
    String description();

    /** The real generator L at {@code values} (the base values, or a schedule segment's). */
    DMatrixSparseCSC generator(Map<String, Double> values);

    /** Warnings about the model at the base values (e.g. a Γ that is not positive semidefinite). */
    List<String> warnings();

    /** The row t with Tr ρ = t·x. */
    double[] traceFunctional();

    /**
     * w_i = ‖E_i‖₁, the trace norm of the operator each coordinate multiplies (ρ = Σ x_i E_i), or null when this
     * space does not state them: then ‖δρ‖₁ ≤ Σ w_i |δx_i| bounds what a change δx of the coordinates does to every
     * expectation value, |Tr(O δρ)| ≤ ‖O‖ ‖δρ‖₁, and the Lindblad semigroup never enlarges it (it is contractive in
     * the trace norm on Hermitian operators). Dynamics use it to bound what dropping negligible entries costs.
     */
    default double[] traceNormWeights() { return null; }

    /** A population coordinate: the steady-state solve replaces its equation by the trace row. */
    int traceAnchor();

    /** Coordinates of a product initial state (SPEC.md's syntax); truncation warnings are added to {@code warnings}. */
    double[] initialState(InitialState state, List<String> warnings);

    /**
     * A collective operator (a sum of products of the model's S_i^a, a, a†, coefficients at the base values)
     * acting on this space's states, for two-time correlations (quantum regression).
     */
    StateOperator operator(cumulus.api.OpSum operator);

    /** The model's observables on this space. */
    Moments moments();

    /** Whether the space truncates a boson at a Fock cutoff (then {@link #topFock} is checked). */
    default boolean truncated() { return false; }

    /** Population of the top Fock state, NaN without a boson (SPEC.md: every truncation reports it). */
    double topFock(double[] x);

    /** The largest of the modes' top-Fock populations (SPEC.md), NaN without a mode. */
    static double largestTopFock(double[] perMode) {
        double top = perMode.length == 0 ? Double.NaN : 0;
        for (double v : perMode) top = Math.max(top, v);
        return top;
    }

    /** The name of the mode holding {@link #largestTopFock}, null with fewer than two modes. */
    static String topFockHolder(cumulus.api.Model model, double[] perMode) {
        if (perMode.length < 2) return null;
        int best = 0;
        for (int k = 1; k < perMode.length; k++) if (perMode[k] > perMode[best]) best = k;
        return model.boson(best + 1).name();
    }

    /** With several bosonic modes, the name of the mode whose top Fock state holds {@link #topFock}; else null. */
    default String topFockMode(double[] x) { return null; }

    /** Trajectory columns beyond the moments ({@code top_fock}, {@code spin_j_max}), and their values. */
    List<String> extraColumns();

    double[] extraValues(double[] x);

    /**
     * Offsets of coordinate sectors that a block-Jacobi preconditioner may treat apart (the total-spin
     * sectors of ⊕_j), or null when a direct solve is the method of choice.
     */
    default int[] sectorOffsets() { return null; }
}
