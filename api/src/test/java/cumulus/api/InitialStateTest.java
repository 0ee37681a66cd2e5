package cumulus.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class InitialStateTest {
    private final Model pair = Model.builder("pair").spinEnsembles(2, 2).build();

    @Test
    void oneStateAppliesToEveryEnsemble() {
        InitialState s = InitialState.parse("down", pair);
        assertEquals(2, s.spins().size());
        assertEquals(Math.PI, s.spins().get(1).theta(), 0);
    }

    @Test
    void coherentStatesPerEnsemble() {
        InitialState s = InitialState.parse("coherent:0.10017,0;coherent:0.10017,1.5708", pair);
        assertEquals(0.10017, s.spins().get(0).theta(), 0);
        assertEquals(1.5708, s.spins().get(1).phi(), 0);
        assertNull(s.boson());
    }

    @Test
    void unknownOrMalformedStatesAreExplained() {
        assertTrue(assertThrows(ModelException.class, () -> InitialState.parse("sideways", pair)).getMessage().contains("unknown state 'sideways'"));
        assertTrue(assertThrows(ModelException.class, () -> InitialState.parse("coherent:1", pair)).getMessage().contains("takes 2 value"));
        assertTrue(assertThrows(ModelException.class, () -> InitialState.parse("up;up;up", pair)).getMessage().contains("2 spin ensembles"));
        assertTrue(assertThrows(ModelException.class, () -> InitialState.parse("up;boson-coherent:1", pair)).getMessage().contains("has no boson"));
    }

    @Test
    void bosonStateFollowsTheSpins() {
        Model d = Model.builder("d").spinEnsembles(1, 2).real("w", 1, "f").boson(Expr.sym("w"), 4).build();
        assertEquals(1.5, InitialState.parse("up;boson-coherent:1.5", d).boson().alpha(), 0);
        assertEquals(0.0, InitialState.parse("up", d).boson().alpha(), 0);
    }
}
