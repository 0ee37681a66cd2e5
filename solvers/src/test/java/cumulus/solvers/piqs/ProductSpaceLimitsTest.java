package cumulus.solvers.piqs;

import cumulus.api.Expr;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.OpSum;
import cumulus.api.Trajectory;
import cumulus.solvers.ExactEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The product space's refusal above the heap, and its drives in t and initial states through the engines. */
class ProductSpaceLimitsTest {

    static Model.Builder dicke(String name, String zCoefficient) {
        return Model.builder(name).spinEnsembles(1, 3)
                .real("omega_b", 1, "").real("omega_z", 0.7, "").real("kappa_b", 0.8, "").real("g", 1.1, "").real("gd", 0.3, "")
                .boson(Expr.sym("omega_b"), 4)
                .hamiltonian(OpSum.adag().times(OpSum.a()).scale("omega_b").plus(OpSum.sz(1).scale(zCoefficient))
                        .plus(OpSum.a().plus(OpSum.adag()).times(OpSum.sx(1)).scale("g/sqrt(N)")))
                .bosonLoss(Expr.sym("kappa_b"))
                .localDephasing(1, "gd");
    }

    @Test
    void twoLargeEnsemblesAreRefusedBeforeAssemblyNamingTheHeap() {
        Model m = ProductSpaceTest.pair(true);
        ModelException e = assertThrows(ModelException.class, () -> new ExactEngine().steadyState(m, m.resolve(Map.of("N", "60"))));
        assertTrue(e.getMessage().contains("real unknowns") && e.getMessage().contains("heap"), e.getMessage());
    }

    @Test
    void aDriveInTimeThatIsConstantFollowsTheConstantModel() {
        // omega_z (cos²t + sin²t) depends on t as written: the smooth-t path (L_0 + Σ φ_j(t) M_j) on the product space
        Model driven = dicke("dicke-local-drive", "omega_z*(cos(t)^2 + sin(t)^2)").build();
        Model constant = dicke("dicke-local-const", "omega_z").build();
        assertTrue(driven.dependsOnTime());
        Map<String, Double> p = driven.resolve(Map.of("N", "3"));
        InitialState init = InitialState.parse("coherent:0.8,0.3; boson-coherent:0.2", driven);
        Trajectory a = new ExactEngine().evolve(driven, p, init, 1.0, 0.25);
        Trajectory b = new ExactEngine().evolve(constant, constant.resolve(Map.of("N", "3")), init, 1.0, 0.25);
        assertEquals(b.rows().size(), a.rows().size());
        for (int r = 0; r < a.rows().size(); r++)
            for (String c : List.of("m1x", "m1y", "m1z", "x", "p", "C_all", "top_fock", "spin_j_max"))
                assertEquals(b.value(r, c), a.value(r, c), 1e-8, "t=" + a.value(r, "t") + " " + c);
    }

    @Test
    void dickeAndThermalInitialStatesHaveTheirMoments() {
        Model m = dicke("dicke-local", "omega_z").build();
        Map<String, Double> p = m.resolve(Map.of("N", "4", "cutoff", "30"));
        cumulus.solvers.space.LiouvillianSpace sp = cumulus.solvers.Spaces.of(m, p);
        double[] x = sp.initialState(InitialState.parse("dicke:1; boson-thermal:0.5", m), new java.util.ArrayList<>());
        var v = sp.moments().evaluate(x);
        List<String> names = sp.moments().names();
        assertEquals(0.5, v.mean()[names.indexOf("m1z")], 1e-14, "|S = 2, M = 1>: m1z = M/S");
        // thermal n̄ = 0.5: <x²> = (2n̄ + 1)/(2Nω) = 1/4, the tail beyond cutoff 30 is (1/3)^30
        assertEquals(0.25, v.second(names.indexOf("x")), 1e-12);
        assertEquals(1.0, sp.extraValues(x)[1], 1e-14, "spin_j_max");
    }
}
