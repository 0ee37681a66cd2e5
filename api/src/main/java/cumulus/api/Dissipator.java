package cumulus.api;

/** A dissipative channel of the master equation (Eq. 1). */
public sealed interface Dissipator permits Dissipator.Jump, Dissipator.GammaMatrix, Dissipator.Local, Dissipator.LocalGamma {

    /** rate · D[L], D[L]ρ = L ρ L† − ½{L†L, ρ}. */
    record Jump(Expr rate, OpSum operator) implements Dissipator { }

    /**
     * The Γ-matrix form of Eq. (4) on one ensemble:
     * (1/S) Σ_{a,b ∈ x,y,z} Γ_ab (S^a ρ S^b − ½{S^b S^a, ρ}). A jump sqrt(k/S) Σ_a c_a S^a
     * has Γ_ab = k c_a conj(c_b). Γ must be Hermitian; it need not be positive semidefinite.
     */
    record GammaMatrix(int ensemble, Expr[][] gamma) implements Dissipator {
        public GammaMatrix {
            if (gamma.length != 3 || gamma[0].length != 3 || gamma[1].length != 3 || gamma[2].length != 3)
                throw new ModelException("a Γ matrix is 3×3 over (x, y, z), got " + gamma.length + " rows");
            Expr[][] copy = new Expr[3][];
            for (int a = 0; a < 3; a++) copy[a] = gamma[a].clone();
            gamma = copy;
        }
        public Expr get(int a, int b) { return gamma[a][b]; }
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
