package cumulus.cli.reproduce;

/** Fig. 3b: btc-pair mean field with ω_zz = 1, period doubling. */
public final class Fig3b extends PairMeanField {
    @Override public String name() { return "fig3b"; }
    @Override double omegaZz() { return 1.0; }
    @Override String expected() { return "period doubling (two distinct maxima per period)"; }
    @Override public String caption() { return "btc-pair in the thermodynamic limit (mean field), ω_zz = 1: period doubling"; }
}
