package cumulus.solvers.floquet;

/** A real linear map applied matrix-free: out = A in. */
@FunctionalInterface
public interface LinearMap {
    void apply(double[] in, double[] out);
}
