package cumulus.symbolic;

import cumulus.api.MeanFieldVerdict;
import cumulus.models.Btc;
import cumulus.models.BtcPair;
import cumulus.models.BtcPairUnscaled;
import cumulus.models.Dephasing;
import cumulus.models.Dicke;
import cumulus.models.DickeUnscaled;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static cumulus.api.Model btcWith(String drive, String rate) {
        return cumulus.api.Model.builder("btc-variant").spinEnsembles(1, 8)
                .real("omega_x", 2, "drive").real("kappa", 1, "decay").real("a", 1, "a").real("b", 0.5, "b")
                .hamiltonian(cumulus.api.OpSum.sx(1).scale(drive)).jump(rate, cumulus.api.OpSum.sm(1)).build();
    }

    @Test void neverExactWhenACoefficientHasNoExpansion() {
        for (String drive : new String[]{"omega_x*(1 + exp(-N))", "omega_x*N^a", "omega_x*(1 + sin(N)/N^2)"}) {
            MeanFieldVerdict v = MeanFieldVerifier.verify(btcWith(drive, "kappa/S"));
            assertEquals(MeanFieldVerdict.Answer.UNDECIDED, v.answer(), drive + ": " + v.reasons());
            assertEquals("undecided", v.jsonValue());
            assertTrue(v.reasons().get(0).contains("its order in N is not known"), v.reasons().toString());
        }
    }

    @Test void aRateDividedByAParameterDependentSumIsUndecided() {
        // kappa/((a − b)N + 1) is O(1/N) for a ≠ b but kappa (unscaled) for a = b
        MeanFieldVerdict v = MeanFieldVerifier.verify(btcWith("omega_x", "kappa/((a-b)*N + 1)"));
        assertEquals(MeanFieldVerdict.Answer.UNDECIDED, v.answer(), v.reasons().toString());
        assertTrue(v.reasons().stream().anyMatch(r -> r.contains("only for a - b != 0")), v.reasons().toString());
        // a common factor is not a condition: kappa/((a^2 + b^2) S) vanishes nowhere, kappa (a − b)/((a − b) S) is kappa/S
        assertTrue(MeanFieldVerifier.verify(btcWith("omega_x", "kappa/((a^2+b^2)*S)")).meanfieldExact());
        assertTrue(MeanFieldVerifier.verify(btcWith("omega_x", "kappa*(a-b)/((a-b)*S)")).meanfieldExact());
    }

    @Test void aDefiniteOffenderOutweighsAnUndecidedTerm() {
        // the drive omega_x N^a is undecided, the unscaled jump rate kappa (no 1/S) breaks the scaling in other monomials
        MeanFieldVerdict v = MeanFieldVerifier.verify(btcWith("omega_x*N^a", "kappa"));
        assertEquals(MeanFieldVerdict.Answer.NOT_EXACT, v.answer(), v.reasons().toString());
        assertTrue(v.reasons().stream().anyMatch(r -> r.contains("symbolic exponent a")), "the undecided term is listed too");
        // in one monomial with N, the order of N + N^(a-1) depends on a: undecided, not false
        assertEquals(MeanFieldVerdict.Answer.UNDECIDED, MeanFieldVerifier.verify(btcWith("omega_x*N*(1 + N^a/N^2)", "kappa/S")).answer());
        assertEquals(Boolean.FALSE, v.jsonValue());
    }
}
