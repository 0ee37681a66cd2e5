package cumulus.models;

import cumulus.api.Model;
import cumulus.api.ModelPlugin;

/** Counter-model for the mean-field verifier: the Dicke coupling g (a + a†) S^x without 1/sqrt(N). */
public final class DickeUnscaled implements ModelPlugin {
    @Override public Model model() { return Dicke.declare("dicke-unscaled", "g", "g"); }
}
