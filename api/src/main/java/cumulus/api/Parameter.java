package cumulus.api;

/** A model parameter with its default and a one-line description. */
public record Parameter(String name, double defaultValue, String description, Kind kind) {
    public enum Kind {
        /** any finite real number */
        REAL,
        /** a positive integer, such as N */
        POSITIVE_INTEGER,
        /** a Fock-space cutoff: integer ≥ 2 */
        CUTOFF
    }

    public static Parameter real(String name, double def, String description) { return new Parameter(name, def, description, Kind.REAL); }
    public static Parameter count(String name, int def, String description) { return new Parameter(name, def, description, Kind.POSITIVE_INTEGER); }
    public static Parameter cutoff(String name, int def, String description) { return new Parameter(name, def, description, Kind.CUTOFF); }
}
