package cumulus.api;

/** A dissipative channel of the master equation (Eq. 1). */
public sealed interface Dissipator permits Dissipator.Jump, Dissipator.GammaMatrix {

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
}
