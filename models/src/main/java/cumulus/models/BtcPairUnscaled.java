package cumulus.models;

import cumulus.api.Model;
import cumulus.api.ModelPlugin;

/** Counter-model for the mean-field verifier: btc-pair with its spin-spin coupling missing the 1/S. */
public final class BtcPairUnscaled implements ModelPlugin {
    @Override public Model model() { return BtcPair.declare("btc-pair-unscaled", "1", ""); }
}
