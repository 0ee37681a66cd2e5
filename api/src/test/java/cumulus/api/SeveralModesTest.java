package cumulus.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Several bosonic modes in the model declaration and the initial-state syntax (issue 18). */
class SeveralModesTest {

    static Model.Builder twoModes() {
        return Model.builder("two").spinEnsembles(1, 2).real("wa", 1, "").real("wb", 2, "")
                .mode("a", Expr.parse("wa"), "cutoff_a", 4).mode("b", Expr.parse("wb"), "cutoff_b", 3);
    }

    @Test
    void eachModeHasItsOwnQuadraturesScaledByItsFrequency() {
        Model m = twoModes().hamiltonian(OpSum.adag(2).times(OpSum.a(2)).scale("wb")).build();
        assertEquals(List.of("m1x", "m1y", "m1z", "x1", "p1", "x2", "p2"), m.observables().stream().map(Model.Observable::name).toList());
        Model.Observable x2 = m.observables().get(5);
        // x_2 = (a_2 + a_2†)/sqrt(2 N w_b): both terms on mode 2, coefficient 1/sqrt(2·2·2) = 1/(2 sqrt 2)
        java.util.Map<String, Double> v = m.resolve(java.util.Map.of());
        for (OpSum.Term t : x2.operator().terms()) {
            assertEquals(2, ((Op.Boson) t.factors().get(0)).mode());
            assertEquals(1 / Math.sqrt(8), t.coefficient().evaluate(v).re(), 1e-15);
        }
        assertEquals(List.of("N", "wa", "wb", "cutoff_a", "cutoff_b"), m.parameters().stream().map(Parameter::name).toList());
        Model one = Model.builder("one").spinEnsembles(1, 2).real("w", 1, "").boson(Expr.parse("w"), 4).build();
        assertEquals(List.of("m1x", "m1y", "m1z", "x", "p"), one.observables().stream().map(Model.Observable::name).toList(), "one mode keeps x, p");
        assertEquals(new Op.Boson(false), new Op.Boson(1, false));
    }

    @Test
    void anOperatorOnAModeTheModelDoesNotDeclareIsRefused() {
        ModelException e = assertThrows(ModelException.class, () -> twoModes().hamiltonian(OpSum.adag(3).times(OpSum.a(3))).build());
        assertTrue(e.getMessage().contains("acts on bosonic mode 3 but the model declares 2 mode(s)"), e.getMessage());
        ModelException same = assertThrows(ModelException.class, () -> Model.builder("x").real("w", 1, "")
                .mode("a", Expr.parse("w"), "ca", 3).mode("a", Expr.parse("w"), "cb", 3).build());
        assertTrue(same.getMessage().contains("two bosonic modes are named 'a'"), same.getMessage());
        assertThrows(ModelException.class, () -> new Op.Boson(0, true));
    }

    @Test
    void bosonStatesFollowInModeOrderOrNameTheirModeAndMissingModesAreVacuum() {
        Model m = twoModes().build();
        InitialState s = InitialState.parse("up;boson-coherent:0.5;boson-thermal:0.2", m);
        assertEquals(0.5, s.boson(1).alpha(), 0);
        assertEquals(0.2, s.boson(2).thermal(), 0);
        assertEquals(s.boson(1), s.boson());
        InitialState t = InitialState.parse("up;boson-coherent@2:0.7,0.1", m);
        assertEquals(0, t.boson(1).alpha(), 0);
        assertEquals(0.7, t.boson(2).alpha(), 0);
        assertEquals(0.1, t.boson(2).alphaIm(), 0);
        assertTrue(t.coherentProduct());
        assertFalse(s.coherentProduct(), "a thermal second mode is not a coherent product");
        InitialState u = InitialState.parse("up", m);
        assertEquals(List.of(new InitialState.BosonState(0), new InitialState.BosonState(0)), u.bosons());
        ModelException twice = assertThrows(ModelException.class, () -> InitialState.parse("up;vacuum@2;boson-coherent@2:1", m));
        assertTrue(twice.getMessage().contains("two states given for bosonic mode 2"), twice.getMessage());
        ModelException bad = assertThrows(ModelException.class, () -> InitialState.parse("up;vacuum@x", m));
        assertTrue(bad.getMessage().contains("must name a bosonic mode by its number"), bad.getMessage());
    }
}
