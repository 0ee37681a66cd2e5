package cumulus.solvers.piqs;

import cumulus.api.Expr;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.OpSum;
import cumulus.api.SteadyStateResult;
import cumulus.api.Trajectory;
import cumulus.solvers.ExactEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Local dissipation with two bosonic modes (the product space ⊕_j ⊗ Fock ⊗ Fock), checked against two other
 * routes: with the local rate at 0 the j = N/2 block is closed and must reproduce the Dicke ⊗ Fock ⊗ Fock engine;
 * with mode b decoupled (g_b = 0, vacuum, lossy) the spin and mode a must follow the one-mode product space, itself
 * checked against brute force in {@link ProductSpaceTest}.
 */
class ProductSpaceModesTest {

    /** Two cavities coupled to one ensemble through S^x and S^y, loss on both, optional local dephasing gd. */
    static Model twoCavities(String name, boolean local, boolean secondMode) {
        Model.Builder b = Model.builder(name).spinEnsembles(1, 3)
                .real("omega_a", 1, "").real("omega_b", 1.3, "").real("omega_z", 0.7, "").real("kappa_a", 0.8, "")
                .real("kappa_b", 0.6, "").real("g_a", 1.1, "").real("g_b", 0.9, "").real("h", 0.4, "").real("gd", 0.3, "")
                .mode("a", Expr.sym("omega_a"), "cutoff_a", 4);
        OpSum h = OpSum.adag(1).times(OpSum.a(1)).scale("omega_a").plus(OpSum.sz(1).scale("omega_z")).plus(OpSum.sx(1).scale("h"))
                .plus(OpSum.a(1).plus(OpSum.adag(1)).times(OpSum.sx(1)).scale("g_a/sqrt(N)"));
        if (secondMode) {
            b.mode("b", Expr.sym("omega_b"), "cutoff_b", 3);
            h = h.plus(OpSum.adag(2).times(OpSum.a(2)).scale("omega_b")).plus(OpSum.a(2).plus(OpSum.adag(2)).times(OpSum.sy(1)).scale("g_b/sqrt(N)"));
        }
        b.hamiltonian(h).jump(Expr.sym("kappa_a"), OpSum.a(1));
        if (secondMode) b.jump(Expr.sym("kappa_b"), OpSum.a(2));
        if (local) b.localDephasing(1, "gd");
        return b.build();
    }

    @Test
    void withTheLocalRateAtZeroTheProductSpaceIsTheCollectiveTwoModeEngine() {
        Model local = twoCavities("two-cavities-local", true, true), collective = twoCavities("two-cavities", false, true);
        // with the local rate at 0 the j = N/2 block is closed: the product space must be the collective engine there
        Map<String, String> set = Map.of("gd", "0");
        assertInstanceOf(ProductPermutationSpace.class, cumulus.solvers.Spaces.of(local, local.resolve(set)));
        // (its steady state is not unique then: every j block keeps its own; the dynamics from j = N/2 is compared)
        InitialState init = InitialState.parse("coherent:0.9,0.4; boson-coherent:0.3,0.1; boson-coherent@2:-0.2", local);
        Trajectory ta = new ExactEngine().evolve(local, local.resolve(set), init, 1.5, 0.5);
        Trajectory tb = new ExactEngine().evolve(collective, collective.resolve(set), init, 1.5, 0.5);
        assertEquals(4, ta.rows().size());
        for (int r = 0; r < ta.rows().size(); r++)
            for (String c : List.of("m1x", "m1y", "m1z", "x1", "p1", "x2", "p2", "C_all", "top_fock"))
                assertEquals(tb.value(r, c), ta.value(r, c), 1e-8, "t = " + ta.value(r, "t") + " " + c);
        assertTrue(Math.abs(ta.value(3, "x2")) > 1e-3, "mode b moves: x2(1.5) = " + ta.value(3, "x2"));
        assertEquals(1.0, ta.value(3, "spin_j_max"), 1e-12, "no local rate: the state stays in j = N/2");
    }

    @Test
    void aDecoupledSecondModeLeavesTheLocalDephasingDynamicsOfTheFirst() {
        Model two = twoCavities("two-cavities-local", true, true), one = twoCavities("one-cavity-local", true, false);
        Map<String, Double> p2 = two.resolve(Map.of("g_b", "0")), p1 = one.resolve(Map.of());
        SteadyStateResult a = new ExactEngine().steadyState(two, p2), b = new ExactEngine().steadyState(one, p1);
        for (String o : List.of("m1x", "m1y", "m1z"))
            assertEquals(b.expectations().get(o), a.expectations().get(o), 1e-10, o);
        assertEquals(b.expectations().get("x"), a.expectations().get("x1"), 1e-10);
        assertEquals(b.expectations().get("p"), a.expectations().get("p1"), 1e-10);
        assertEquals(0, a.expectations().get("x2"), 1e-12);
        InitialState i2 = InitialState.parse("coherent:0.9,0.4; boson-coherent:0.3,0.1", two), i1 = InitialState.parse("coherent:0.9,0.4; boson-coherent:0.3,0.1", one);
        Trajectory ta = new ExactEngine().evolve(two, p2, i2, 1.5, 0.5), tb = new ExactEngine().evolve(one, p1, i1, 1.5, 0.5);
        for (int r = 0; r < ta.rows().size(); r++) {
            for (String c : List.of("m1x", "m1y", "m1z", "spin_j_max")) assertEquals(tb.value(r, c), ta.value(r, c), 1e-8, "t = " + ta.value(r, "t") + " " + c);
            assertEquals(tb.value(r, "x"), ta.value(r, "x1"), 1e-8);
            assertEquals(0, ta.value(r, "x2"), 1e-12);
        }
    }
}
