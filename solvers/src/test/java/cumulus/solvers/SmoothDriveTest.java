package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.api.Expr;
import cumulus.api.FloquetResult;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.OpSum;
import cumulus.api.Schedule;
import cumulus.api.Trajectory;
import cumulus.solvers.floquet.FloquetEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Coefficients that depend on t smoothly, in every exact engine, against QuTiP 5.3.1
 * ({@code refs/smooth_drive.py}: {@code propagator} and {@code mesolve} at atol 1e-13, rtol 1e-12).
 */
class SmoothDriveTest {

    /** H = ω_x cos(2πt/T) S^x + δ S^z, jump sqrt(κ/S) S^-, one schedule segment of length T (the period). */
    static final Model COS_DRIVE = Model.builder("cos-drive")
            .spinEnsembles(1, 8)
            .real("omega_x", 2, "").real("delta", 0.3, "").real("kappa", 1, "").real("T", 2, "")
            .hamiltonian(OpSum.sx(1).scale("omega_x*cos(2*pi*t/T)").plus(OpSum.sz(1).scale("delta")))
            .jump("kappa/S", OpSum.sm(1))
            .schedule(new Schedule(List.of(new Schedule.Segment(Expr.parse("T"), Map.of("on", Expr.ONE)))))
            .build();

    /** H = cos(3t) S^x, jump sqrt(1/S) S^-, local dephasing 0.2 Σ_k D[σ_k^z]. */
    static final Model LOCAL = Model.builder("cos-local")
            .spinEnsembles(1, 4)
            .hamiltonian(OpSum.sx(1).scale("cos(3*t)"))
            .jump("1/S", OpSum.sm(1))
            .localDephasing(1, "0.2")
            .build();

    /** Complex coefficients (a rotating drive) and a jump operator whose coefficient depends on t. */
    static final Model ROTATING = Model.builder("rotating")
            .spinEnsembles(1, 6)
            .hamiltonian(OpSum.sx(1).scale("cos(3*t)")
                    .plus(OpSum.sp(1).scale("0.3*(cos(2*t) + I*sin(2*t))"))
                    .plus(OpSum.sm(1).scale("0.3*(cos(2*t) - I*sin(2*t))"))
                    .plus(OpSum.sz(1).scale("0.2")))
            .jump("1", OpSum.sm(1).scale("sqrt((1 + 0.5*sin(2*t))/S)"))
            .build();

    /** A local emission rate that depends on t, with constant local pumping. */
    static final Model LOCAL_RATE = Model.builder("local-rate")
            .spinEnsembles(1, 3)
            .hamiltonian(OpSum.sx(1).scale("0.7"))
            .localEmission(1, "0.3*(1 + 0.8*cos(2*t))")
            .localPumping(1, "0.1")
            .build();

    /** The cosine drive with local dephasing 0.3 Σ_k D[σ_k^z], N = 3 (permutation-invariant space). */
    static final Model LOCAL_FLOQUET = Model.builder("cos-drive-local")
            .spinEnsembles(1, 3)
            .real("omega_x", 2, "").real("delta", 0.3, "").real("kappa", 1, "").real("T", 2, "")
            .hamiltonian(OpSum.sx(1).scale("omega_x*cos(2*pi*t/T)").plus(OpSum.sz(1).scale("delta")))
            .jump("kappa/S", OpSum.sm(1))
            .localDephasing(1, "0.3")
            .schedule(new Schedule(List.of(new Schedule.Segment(Expr.parse("T"), Map.of("on", Expr.ONE)))))
            .build();

    static Map<String, Double> defaults(Model m) { return m.resolve(Map.of()); }

    /** The ⊕_j sector's multipliers are among the full 4^N map's (QuTiP brute force), and the Floquet steady state is QuTiP's. */
    @Test
    void floquetMapOfACosineDriveWithLocalDephasingMatchesTheBruteForcePropagator() {
        List<Map<String, Double>> ref = Refs.read("smooth_floquet_local.csv");
        List<Map<String, String>> names = Refs.cells("smooth_floquet_local.csv");
        List<Complex> mus = new java.util.ArrayList<>();
        Map<String, Double> moments = new java.util.HashMap<>();
        for (int i = 0; i < ref.size(); i++) {
            String q = names.get(i).get("quantity");
            if (q.startsWith("mu")) mus.add(new Complex(ref.get(i).get("re"), ref.get(i).get("im")));
            else moments.put(q, ref.get(i).get("re"));
        }
        FloquetResult r = new FloquetEngine().floquet(LOCAL_FLOQUET, defaults(LOCAL_FLOQUET), 4);
        for (Complex mu : r.multipliers()) {
            double best = mus.stream().mapToDouble(z -> z.minus(mu).abs()).min().orElseThrow();
            assertEquals(0, best, 1e-8, "mu = " + mu + " is not a multiplier of the full map");
        }
        assertEquals(mus.get(1).re(), r.multipliers().get(1).re(), 1e-8, "the slowest mode lies in the symmetric sector");
        for (String o : new String[]{"m1x", "m1y", "m1z"}) assertEquals(moments.get(o), r.expectations().get(o), 1e-8, o);
    }

    @Test
    void floquetMultipliersOfACosineDriveAreThoseOfQutipsPropagator() {
        List<Map<String, Double>> ref = Refs.read("smooth_floquet.csv");
        for (FloquetEngine.Route route : new FloquetEngine.Route[]{FloquetEngine.Route.DENSE, FloquetEngine.Route.MATRIX_FREE}) {
            FloquetResult r = new FloquetEngine(route).floquet(COS_DRIVE, defaults(COS_DRIVE), 5);
            for (int k = 0; k < 5; k++) {
                Complex mu = r.multipliers().get(k);
                Map<String, Double> row = ref.get(k);
                // conjugate pairs may come in either order
                double d = Math.min(Math.hypot(mu.re() - row.get("re"), mu.im() - row.get("im")),
                        Math.hypot(mu.re() - row.get("re"), mu.im() + row.get("im")));
                assertEquals(0, d, 1e-8, route + " mu_" + k + " = " + mu + " vs " + row);
            }
            assertEquals(0.1339442, r.multipliers().get(1).re(), 1e-6);
            assertEquals(0.0820752, Math.abs(r.multipliers().get(1).im()), 1e-6);
            assertEquals(1 - Math.hypot(0.133944202805, 0.08207518155256), r.floquetGap(), 1e-8, route.toString());
            assertTrue(r.method().contains("time-ordered"), r.method());
        }
    }

    @Test
    void stroboscopicEvolutionOfACosineDriveFollowsMesolve() {
        Trajectory t = new FloquetEngine().stroboscopic(COS_DRIVE, defaults(COS_DRIVE), InitialState.parse("up", COS_DRIVE), 5);
        List<Map<String, Double>> ref = Refs.read("smooth_stroboscopic.csv");
        assertEquals(ref.size(), t.rows().size());
        for (int n = 0; n < ref.size(); n++) for (String c : new String[]{"m1x", "m1y", "m1z"})
            assertEquals(ref.get(n).get(c), t.value(n, c), 1e-9, c + " at n = " + n);
    }

    @Test
    void exactDynamicsOfACosineDriveWithLocalDephasingFollowsMesolve() {
        Trajectory t = new ExactEngine().evolve(LOCAL, defaults(LOCAL), InitialState.parse("up", LOCAL), 2, 0.25);
        assertTrue(t.complete(), t.failure());
        compare(t, Refs.read("smooth_local.csv"), 1e-8);
        assertEquals(0.013215, t.value(t.rows().size() - 1, "m1y"), 1e-6);
    }

    @Test
    void exactDynamicsOfARotatingDriveWithAModulatedJumpFollowsMesolve() {
        Trajectory t = new ExactEngine().evolve(ROTATING, defaults(ROTATING), InitialState.parse("up", ROTATING), 3, 0.25);
        compare(t, Refs.read("smooth_collective.csv"), 1e-8);
    }

    @Test
    void exactDynamicsOfAModulatedLocalEmissionFollowsBruteForce() {
        Trajectory t = new ExactEngine().evolve(LOCAL_RATE, defaults(LOCAL_RATE), InitialState.parse("up", LOCAL_RATE), 3, 0.5);
        compare(t, Refs.read("smooth_local_rate.csv"), 1e-8);
    }

    @Test
    void spectrumAndSteadyStateOfADriveInTRefuseNamingWhatToUse() {
        for (Model m : List.of(COS_DRIVE, LOCAL)) {
            ModelException a = assertThrows(ModelException.class, () -> new ExactEngine().spectrum(m, defaults(m), 2));
            ModelException b = assertThrows(ModelException.class, () -> new ExactEngine().steadyState(m, defaults(m)));
            for (ModelException e : List.of(a, b)) {
                assertTrue(e.getMessage().contains("depend on t") && e.getMessage().contains("cumulus evolve")
                        && e.getMessage().contains("cumulus floquet"), e.getMessage());
            }
        }
        ModelException f = assertThrows(ModelException.class, () -> new FloquetEngine().floquet(LOCAL, defaults(LOCAL), 2));
        assertTrue(f.getMessage().contains("no schedule") && f.getMessage().contains("period"), f.getMessage());
    }

    /** One jump sqrt(1/S) [S^- + (0.4 cos 2t + 0.3 i sin t) S^z + 0.2 S^+]: its cross terms c_k c_l* depend on t. */
    static Model multiTerm(int n, boolean localDephasing) {
        Model.Builder b = Model.builder("multi-term").spinEnsembles(1, n)
                .hamiltonian(OpSum.sx(1).scale("0.8").plus(OpSum.sz(1).scale("0.1")))
                .jump("1/S", OpSum.sm(1).plus(OpSum.sz(1).scale("0.4*cos(2*t) + 0.3*I*sin(t)")).plus(OpSum.sp(1).scale("0.2")));
        if (localDephasing) b.localDephasing(1, "0.2");
        return b.build();
    }

    @Test
    void aJumpWithSeveralTermsInTKeepsItsCrossTermsInBothSpaces() {
        Model collective = multiTerm(5, false), local = multiTerm(3, true);
        compare(new ExactEngine().evolve(collective, defaults(collective), InitialState.parse("up", collective), 3, 0.25),
                Refs.read("smooth_multiterm.csv"), 1e-8);
        compare(new ExactEngine().evolve(local, defaults(local), InitialState.parse("up", local), 3, 0.25),
                Refs.read("smooth_multiterm_local.csv"), 1e-8);
    }

    private static void compare(Trajectory t, List<Map<String, Double>> ref, double tol) {
        assertEquals(ref.size(), t.rows().size());
        for (int i = 0; i < ref.size(); i++) {
            assertEquals(ref.get(i).get("t"), t.value(i, "t"), 1e-12);
            for (String c : new String[]{"m1x", "m1y", "m1z"})
                assertEquals(ref.get(i).get(c), t.value(i, c), tol, c + " at t = " + ref.get(i).get("t"));
        }
    }
}
