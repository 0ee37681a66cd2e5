package cumulus.api;

/**
 * Bad input from the user (a model, a parameter, an initial state): the message names the
 * field and the fix. The command line prints it as one line and exits with code 2.
 */
public class ModelException extends RuntimeException {
    public ModelException(String message) { super(message); }
}
