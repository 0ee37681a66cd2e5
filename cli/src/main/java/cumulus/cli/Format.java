package cumulus.cli;

/** Output formats of SPEC.md. */
public enum Format {
    text, json, csv
}
