package cumulus.symbolic;

import cumulus.models.Btc;
import cumulus.models.BtcPair;
import cumulus.models.BtcPairUnscaled;
import cumulus.models.Dephasing;
import cumulus.models.Dicke;
import cumulus.models.DickeUnscaled;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The symbolic proof of mean-field exactness (S10 scaling) holds for the paper's models and fails, naming the term, for the unscaled counter-models. */
class MeanFieldVerifierTest {

    @Test void meanFieldIsExactForTheBoundaryTimeCrystal() { assertTrue(MeanFieldVerifier.verify(new Btc().model()).meanfieldExact()); }

    @Test void meanFieldIsExactForHermitianDephasingJumps() { assertTrue(MeanFieldVerifier.verify(new Dephasing().model()).meanfieldExact()); }

    @Test void meanFieldIsExactForTheBtcPair() {
        MeanFieldVerdict v = MeanFieldVerifier.verify(new BtcPair().model());
        assertTrue(v.meanfieldExact(), v.reasons().toString());
        assertTrue(v.reasons().stream().anyMatch(r -> r.contains("21 second cumulants") && r.contains("N^-1")), v.reasons().toString());
    }

    @Test void meanFieldIsExactForTheOpenDickeModel() { assertTrue(MeanFieldVerifier.verify(new Dicke().model()).meanfieldExact()); }

    @Test void dickeWithoutOneOverSqrtNFailsNamingTheSqrtNCouplingTerm() {
        MeanFieldVerdict v = MeanFieldVerifier.verify(new DickeUnscaled().model());
        assertFalse(v.meanfieldExact());
        assertTrue(v.reasons().stream().anyMatch(r -> r.startsWith("d/dt p:") && r.contains("g*m1x") && r.contains("sqrt(N)") && r.contains("O(N^(1/2))")), v.reasons().toString());
    }

    @Test void btcPairWithoutOneOverSFailsNamingTheCouplingTermsAtOrderN() {
        MeanFieldVerdict v = MeanFieldVerifier.verify(new BtcPairUnscaled().model());
        assertFalse(v.meanfieldExact());
        assertTrue(v.reasons().stream().anyMatch(r -> r.startsWith("d/dt m1y:") && r.contains("omega_xx") && r.contains("O(N^1)")), v.reasons().toString());
        // correlations are generated at O(1): a second-cumulant term of order N^0
        assertTrue(v.reasons().stream().anyMatch(r -> r.startsWith("d/dt K(") && r.contains("O(N^0)")), v.reasons().toString());
    }
}
