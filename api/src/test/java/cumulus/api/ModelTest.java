package cumulus.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ModelTest {

    static Model btc() {
        return Model.builder("btc").spinEnsembles(1, 16)
                .real("omega_x", 2, "drive").real("kappa", 1, "decay")
                .hamiltonian(OpSum.sx(1).scale("omega_x"))
                .jump("kappa/S", OpSum.sm(1))
                .build();
    }

    @Test
    void defaultsAreOverriddenAndSIsHalfOfN() {
        Map<String, Double> v = btc().resolve(Map.of("N", "32", "omega_x", "0.5"));
        assertEquals(32.0, v.get("N"));
        assertEquals(16.0, v.get("S"));
        assertEquals(0.5, v.get("omega_x"));
        assertEquals(1.0, v.get("kappa"));
    }

    @Test
    void badParametersGiveMessagesNamingTheField() {
        Model m = btc();
        assertTrue(assertThrows(ModelException.class, () -> m.resolve(Map.of("omega", "1"))).getMessage().contains("unknown parameter 'omega'"));
        assertTrue(assertThrows(ModelException.class, () -> m.resolve(Map.of("N", "0"))).getMessage().contains("N must be a positive integer"));
        assertTrue(assertThrows(ModelException.class, () -> m.resolve(Map.of("N", "2.5"))).getMessage().contains("positive integer"));
        assertTrue(assertThrows(ModelException.class, () -> m.resolve(Map.of("kappa", "abc"))).getMessage().contains("is not a number"));
        assertTrue(assertThrows(ModelException.class, () -> m.resolve(Map.of("kappa", "NaN"))).getMessage().contains("finite"));
    }

    @Test
    void cutoffBelowTwoIsRejected() {
        Model m = Model.builder("cavity").spinEnsembles(1, 2).real("w", 1, "freq")
                .boson(Expr.sym("w"), 10).hamiltonian(OpSum.adag().times(OpSum.a()).scale("w")).build();
        assertTrue(assertThrows(ModelException.class, () -> m.resolve(Map.of("cutoff", "1"))).getMessage().contains(">= 2"));
    }

    @Test
    void undeclaredSymbolsAndEnsemblesAreCaughtAtDeclaration() {
        assertThrows(ModelException.class, () -> Model.builder("x").spinEnsembles(1, 2).hamiltonian(OpSum.sx(1).scale("omega")).build());
        assertThrows(ModelException.class, () -> Model.builder("x").spinEnsembles(1, 2).hamiltonian(OpSum.sx(2)).build());
        assertThrows(ModelException.class, () -> Model.builder("x").spinEnsembles(1, 2).hamiltonian(OpSum.a()).build());
    }

    @Test
    void gammaOfTheLoweringJumpIsHermitianAndPositive() {
        Expr k = Expr.sym("kappa"), ik = Expr.I.times(k), mik = ik.negate();
        Expr[][] g = {{k, ik, Expr.ZERO}, {mik, k, Expr.ZERO}, {Expr.ZERO, Expr.ZERO, Expr.ZERO}};
        Model m = Model.builder("g").spinEnsembles(1, 4).real("kappa", 1, "rate").gamma(1, g).build();
        assertEquals(List.of(), m.checkCoefficients(m.resolve(Map.of())));
    }

    @Test
    void nonHermitianGammaIsAnErrorAndNonPositiveGammaAWarning() {
        Expr k = Expr.sym("kappa");
        Expr[][] bad = {{k, k, Expr.ZERO}, {Expr.ZERO, k, Expr.ZERO}, {Expr.ZERO, Expr.ZERO, Expr.ZERO}};
        Model m = Model.builder("g").spinEnsembles(1, 4).real("kappa", 1, "rate").gamma(1, bad).build();
        assertTrue(assertThrows(ModelException.class, () -> m.checkCoefficients(m.resolve(Map.of()))).getMessage().contains("not Hermitian"));
        Expr[][] indefinite = {{k, Expr.ZERO, Expr.ZERO}, {Expr.ZERO, k.negate(), Expr.ZERO}, {Expr.ZERO, Expr.ZERO, Expr.ZERO}};
        Model n = Model.builder("g").spinEnsembles(1, 4).real("kappa", 1, "rate").gamma(1, indefinite).build();
        List<String> w = n.checkCoefficients(n.resolve(Map.of()));
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("not positive semidefinite"));
    }

    @Test
    void observablesAreTheMacroscopicVariablesOfEq5() {
        Model m = Model.builder("d").spinEnsembles(2, 2).real("w", 1, "f").boson(Expr.sym("w"), 4).build();
        assertEquals(List.of("m1x", "m1y", "m1z", "m2x", "m2y", "m2z", "x", "p"),
                m.observables().stream().map(Model.Observable::name).toList());
    }
}
