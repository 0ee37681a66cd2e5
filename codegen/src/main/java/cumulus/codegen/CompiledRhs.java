package cumulus.codegen;

/**
 * A compiled right-hand side dy/dt = f(t, y) with its parameter values bound. Instances keep
 * scratch space: use one instance per thread.
 */
public interface CompiledRhs {
    int size();

    void rhs(double t, double[] y, double[] dy);
}
