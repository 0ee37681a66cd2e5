package cumulus.cli;

import picocli.CommandLine.Option;

/** The observables A and B of a two-time correlation or a power spectrum (correlate, psd). */
final class ObservablePair {
    @Option(names = "--a", required = true, description = "observable A: m1x, m1y, m1z, m1+, m1-, x, p, or a product such as m1+*m1-")
    String a;

    @Option(names = "--b", required = true, description = "observable B (same syntax); a power spectrum is real when B = A^dagger")
    String b;
}
