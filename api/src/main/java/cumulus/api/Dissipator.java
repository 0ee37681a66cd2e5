package cumulus.api;

import java.util.List;

/** A dissipative channel of the master equation (Eq. 1). */
public sealed interface Dissipator permits Dissipator.Jump, Dissipator.GammaMatrix, Dissipator.Local, Dissipator.LocalGamma {

    /** rate · D[L], D[L]ρ = L ρ L† − ½{L†L, ρ}. */
    record Jump(Expr rate, OpSum operator) implements Dissipator { }

    /**
     * The Γ-matrix form of Eq. (4), on one ensemble or across several coupled to one bath:
     * (1/S) Σ_{k,l} Γ_kl (X_k ρ X_l − ½{X_l X_k, ρ}) over X = (S_i^x, S_i^y, S_i^z) of each listed
     * ensemble i in order (Γ is 3k × 3k for k ensembles: Γ_{(i,a),(j,b)}). A jump
     * sqrt(k/S) Σ_{i,a} c_{ia} S_i^a has Γ_{(i,a),(j,b)} = k c_{ia} conj(c_{jb}). Γ must be Hermitian;
     * it need not be positive semidefinite.
     */
    record GammaMatrix(List<Integer> ensembles, Expr[][] gamma) implements Dissipator {
        public GammaMatrix {
            ensembles = List.copyOf(ensembles);
            int n = 3 * ensembles.size();
            if (ensembles.isEmpty() || new java.util.HashSet<>(ensembles).size() != ensembles.size())
                throw new ModelException("a Γ matrix needs distinct ensembles, got " + ensembles);
            if (gamma.length != n) throw new ModelException("a Γ matrix over " + ensembles.size() + " ensemble(s) is " + n + "×" + n + " over (x, y, z) of each, got " + gamma.length + " rows");
            Expr[][] copy = new Expr[n][];
            for (int a = 0; a < n; a++) {
                if (gamma[a].length != n) throw new ModelException("a Γ matrix over " + ensembles.size() + " ensemble(s) is " + n + "×" + n + ", row " + (a + 1) + " has " + gamma[a].length + " entries");
                copy[a] = gamma[a].clone();
            }
            gamma = copy;
        }

        /** Γ on one ensemble (3×3). */
        public GammaMatrix(int ensemble, Expr[][] gamma) { this(List.of(ensemble), gamma); }

        /** The ensemble of a single-ensemble Γ. */
        public int ensemble() {
            if (ensembles.size() != 1) throw new IllegalStateException("Γ across ensembles " + ensembles + " has no single ensemble");
            return ensembles.get(0);
        }

        /** Size 3k of the matrix. */
        public int size() { return gamma.length; }

        /** The ensemble of row/column k (k / 3) and its component k % 3 (0 = x, 1 = y, 2 = z). */
        public int ensembleOf(int k) { return ensembles.get(k / 3); }

        public Expr get(int a, int b) { return gamma[a][b]; }

        @Override public String toString() { return "Γ on ensembles " + ensembles + " = " + java.util.Arrays.deepToString(gamma); }
    }

    /**
     * The general single-spin channel of paper Eq. 18 with γ^{jk}_{αβ} = δ_jk γ_{αβ} on one ensemble:
     * Σ_{k=1}^N Σ_{α,β ∈ x,y,z} γ_{αβ} (σ_k^α ρ σ_k^β − ½{σ_k^β σ_k^α, ρ}), with Pauli matrices σ^α.
     * γ must be Hermitian (positive semidefinite for a Lindblad generator). γ_{αβ} = (r/4)(1, −i, 0; i, 1, 0; 0, 0, 0)
     * is {@code Local(EMISSION, r)}; the all-to-all part of Eq. 18 (j ≠ k) is collective and is declared with
     * {@link Model.Builder#spinChannel}.
     */
    record LocalGamma(int ensemble, Expr[][] gamma) implements Dissipator {
        public LocalGamma {
            if (ensemble < 1) throw new ModelException("spin ensembles are numbered from 1, got " + ensemble);
            if (gamma == null || gamma.length != 3 || gamma[0].length != 3 || gamma[1].length != 3 || gamma[2].length != 3)
                throw new ModelException("a local γ matrix is 3×3 over (σ^x, σ^y, σ^z)");
            Expr[][] copy = new Expr[3][];
            for (int a = 0; a < 3; a++) copy[a] = gamma[a].clone();
            gamma = copy;
        }
        public Expr get(int a, int b) { return gamma[a][b]; }
        @Override public String toString() { return "Σ_k Σ_ab γ_ab D[σ^a_" + ensemble + ",k, σ^b_" + ensemble + ",k], γ = " + java.util.Arrays.deepToString(gamma); }
    }

    /** The single-spin operator of a {@link Local} process. */
    enum LocalProcess {
        /** σ_k^- (decay of each spin) */
        EMISSION("sigma-"),
        /** σ_k^+ (incoherent pumping of each spin) */
        PUMPING("sigma+"),
        /** σ_k^z (dephasing of each spin) */
        DEPHASING("sigmaz");
        public final String label;
        LocalProcess(String label) { this.label = label; }
    }

    /**
     * A process acting on every spin of one ensemble independently (paper Eq. 18 with
     * γ^{jk} diagonal): rate · Σ_{k=1}^N D[σ_k], σ_k = σ_k^-, σ_k^+ or σ_k^z of spin k. The total
     * spin is not conserved, permutation symmetry is: the exact engine then works in the
     * permutation-invariant space of all total spins j = N/2, N/2 − 1, ... (package
     * cumulus.solvers.piqs).
     */
    record Local(int ensemble, LocalProcess process, Expr rate) implements Dissipator {
        public Local {
            if (ensemble < 1) throw new ModelException("spin ensembles are numbered from 1, got " + ensemble);
            if (process == null || rate == null) throw new ModelException("a local dissipator needs a process and a rate");
        }
        @Override public String toString() { return rate + " · Σ_k D[" + process.label + "_" + ensemble + ",k]"; }
    }
}
