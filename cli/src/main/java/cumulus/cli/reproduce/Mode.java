package cumulus.cli.reproduce;

/** How much work a figure does: {@code QUICK} (small N, short times, for CI) or {@code FULL} (the paper's sizes). */
public enum Mode {
    QUICK, FULL;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** Picks the value for this mode. */
    public <T> T pick(T quick, T full) { return this == QUICK ? quick : full; }

    public int pick(int quick, int full) { return this == QUICK ? quick : full; }

    public double pick(double quick, double full) { return this == QUICK ? quick : full; }
}
