package cumulus.plugins.modelfile;

import cumulus.modelfile.ModelFile;

import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.models.Btc;
import cumulus.models.Dicke;
import cumulus.symbolic.Derivation;
import cumulus.symbolic.EquationSystem;
import cumulus.api.MeanFieldVerdict;
import cumulus.api.MeanFieldVerdict.Answer;
import cumulus.symbolic.MeanFieldVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 13: the model files of examples/models/coefficients, written with the finite-size
 * coefficients users write (kappa/(S+1), sqrt(N(N+1))/S, S+1/2, N−1, exp(c/N), ...), get the verdict
 * a physicist expects, and their N → ∞ equations are those of the model they tend to.
 */
class CoefficientModelFilesTest {

    static Model file(String name) { return ModelFile.load(cumulus.solvers.Refs.repoRoot().resolve("examples/models/coefficients/" + name + ".yaml")); }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "btc-s-plus-one, EXACT, ",                          // issue table row 1: sqrt(kappa/(S+1)) S^-
            "btc-pair-s-plus-one, EXACT, ",                     // row 2: omega_xx/(S+1) S1x S2x
            "btc-sqrt-n2-plus-1, NOT_EXACT, O(N^1)",            // row 3: omega_x sqrt(N^2+1) S^x grows like N
            "btc-n-plus-one, EXACT, ",
            "lmg-casimir, EXACT, ",
            "btc-s-half, EXACT, ",
            "btc-pair-n-minus-one, EXACT, ",
            "btc-exp-correction, EXACT, ",
            "btc-cancelling-drive, EXACT, ",
            "btc-pair-sqrt-coupling, NOT_EXACT, O(N^(1/2))",
            "dicke-n-plus-one, EXACT, ",
            "btc-rotating-drive, EXACT, ",
            "btc-power-law, UNDECIDED, symbolic exponent nu",
            "btc-pair-balanced-coupling, UNDECIDED, unless g1 - g2 = 0",
    })
    void verdictIsTheOneAPhysicistExpects(String name, Answer expected, String reason) {
        MeanFieldVerdict v = MeanFieldVerifier.verify(file(name));
        assertEquals(expected, v.answer(), name + ": " + v.reasons());
        if (reason != null) assertTrue(v.reasons().stream().anyMatch(r -> r.contains(reason)), name + " should name '" + reason + "': " + v.reasons());
        if (expected == Answer.EXACT) assertTrue(v.reasons().get(0).contains("leading order of dm/dt (and dx/dt, dp/dt) is N^0"), v.reasons().toString());
    }

    @Test void everyFileIsCovered() throws Exception {
        try (Stream<java.nio.file.Path> s = Files.list(cumulus.solvers.Refs.repoRoot().resolve("examples/models/coefficients"))) {
            assertEquals(14, s.filter(p -> p.toString().endsWith(".yaml")).count(), "a new file needs its expected verdict above");
        }
    }

    static EquationSystem limit(Model m) { return Derivation.derive(m, 1).thermodynamicLimit(); }

    @ParameterizedTest
    @CsvSource({"btc-s-plus-one", "btc-n-plus-one", "btc-s-half", "btc-exp-correction", "btc-cancelling-drive"})
    void finiteSizeFormsOfTheBtcTendToTheBtcEquations(String name) {
        // 2 kappa/(N+1) * N/2 -> kappa, (S+1/2)/S -> 1, exp(c/N) -> 1, 2N(sqrt(N^2+1) - N) -> 1
        EquationSystem btc = limit(new Btc().model()), f = limit(file(name));
        assertEquals(btc.unknowns(), f.unknowns());
        for (String u : btc.unknowns()) assertEquals(btc.rhsPoly(u), f.rhsPoly(u), name + ": d/dt " + u);
        assertEquals(List.of("omega_x", "kappa"), f.parameters(), "the limit no longer depends on N or c");
    }

    @Test void dickeWithGOverSqrtNPlusOneTendsToTheDickeEquations() {
        EquationSystem d = limit(new Dicke().model()), f = limit(file("dicke-n-plus-one"));
        for (String u : d.unknowns()) assertEquals(d.rhsPoly(u), f.rhsPoly(u), "d/dt " + u);
    }

    @Test void casimirNormalizedTwistingHasALimitWithoutN() {
        EquationSystem s = limit(file("lmg-casimir"));
        assertEquals("-4*chi*m1y*m1z + kappa*m1x*m1z", s.rhsPoly("m1x").toString(), "chi sqrt(N(N+1))/S^2 -> 2 chi/S");
        assertFalse(s.parameters().contains("N"), s.parameters().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "btc-sqrt-n2-plus-1|the term -m1z*omega_x*sqrt(1 + N^2) grows like N^1 (leading term -N*m1z*omega_x)",
            "btc-pair-sqrt-coupling|grows like N^(1/2)",
            "btc-pair-balanced-coupling|grows like N^1 unless g1 - g2 = 0",
            "btc-power-law|the symbolic exponent nu makes the order in N depend on the parameters"})
    void aLimitThatDoesNotExistIsAModelErrorNamingTheTerm(String name, String message) {
        ModelException e = assertThrows(ModelException.class, () -> limit(file(name)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
