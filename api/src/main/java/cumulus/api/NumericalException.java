package cumulus.api;

/**
 * A numerical failure (no convergence, a singular or non-finite operator, a solution that
 * diverged): the message says where it failed. The command line prints it in one line and exits
 * with code 3, after printing whatever was computed before the failure.
 */
public class NumericalException extends RuntimeException {
    public NumericalException(String message) { super(message); }
}
