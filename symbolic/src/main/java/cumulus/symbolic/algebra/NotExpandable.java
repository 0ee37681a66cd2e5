package cumulus.symbolic.algebra;

/**
 * A coefficient whose expansion in 1/N this engine does not give: a symbolic or irrational
 * exponent of N, exp/sin/cos of a growing argument, a root of a quantity negative for large N, or
 * (with {@code deeper}) a cancellation beyond the computed orders that more depth may resolve.
 */
final class NotExpandable extends RuntimeException {
    final boolean deeper;

    NotExpandable(String message, boolean deeper) {
        super(message, null, false, false);
        this.deeper = deeper;
    }
}
