package cumulus.api;

/**
 * Service-provider interface of a model: one small class per physical system, listed in
 * {@code META-INF/services/cumulus.api.ModelPlugin} and found through {@link java.util.ServiceLoader}.
 * Implementations need a public no-argument constructor.
 */
public interface ModelPlugin {
    /** The model declaration: its name, parameters, H and dissipators with symbolic coefficients. */
    Model model();
}
