package cumulus.cli.reproduce;

/** Fig. 3a: btc-pair mean field with ω_zz = 0.35, a limit cycle. */
public final class Fig3a extends PairMeanField {
    @Override public String name() { return "fig3a"; }
    @Override double omegaZz() { return 0.35; }
    @Override String expected() { return "a limit cycle"; }
    @Override public String caption() { return "btc-pair in the thermodynamic limit (mean field), ω_zz = 0.35: limit cycle"; }
}
