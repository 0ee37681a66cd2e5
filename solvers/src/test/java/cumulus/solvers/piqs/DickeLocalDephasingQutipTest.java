package cumulus.solvers.piqs;

import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.OpSum;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.solvers.ExactEngine;
import cumulus.solvers.Refs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The open Dicke model with local dephasing (N = 4, cutoff 6) against QuTiP (refs/dicke_local_dephasing.csv). */
class DickeLocalDephasingQutipTest {

    static final Model MODEL = Model.builder("dicke-local-dephasing")
            .spinEnsembles(1, 4)
            .real("omega_b", 1, "").real("omega_z", 1, "").real("kappa_b", 1, "").real("g", 1, "").real("gamma_phi", 0.3, "")
            .boson(Expr.sym("omega_b"), 6)
            .hamiltonian(OpSum.adag().times(OpSum.a()).scale("omega_b").plus(OpSum.sz(1).scale("omega_z"))
                    .plus(OpSum.a().plus(OpSum.adag()).times(OpSum.sx(1)).scale("g/sqrt(N)")))
            .bosonLoss(Expr.sym("kappa_b"))
            .localDephasing(1, "gamma_phi")
            .build();

    @Test
    void steadyBosonNumberMagnetizationAndGapEqualQutip() {
        List<Map<String, Double>> rows = Refs.read("dicke_local_dephasing.csv");
        assertTrue(rows.size() >= 3);
        for (Map<String, Double> row : rows) {
            Map<String, String> set = new java.util.HashMap<>(Map.of("N", "4", "cutoff", "6"));
            for (String k : List.of("omega_b", "omega_z", "kappa_b", "g", "gamma_phi")) set.put(k, Double.toString(row.get(k)));
            Map<String, Double> p = MODEL.resolve(set);
            String at = " at g = " + row.get("g") + ", gamma_phi = " + row.get("gamma_phi");
            SteadyStateResult ss = new ExactEngine().steadyState(MODEL, p);
            double xsq = ss.cumulants().get("K(x,x)") + Math.pow(ss.expectations().get("x"), 2);
            double psq = ss.cumulants().get("K(p,p)") + Math.pow(ss.expectations().get("p"), 2);
            double wb = row.get("omega_b"), n = 4;
            // (a + a†)² + (i(a† − a))² = 2(a†a + a a†) = 4a†a + 2 − 2K|K−1⟩⟨K−1| in Fock states 0..K−1
            double nBoson = (2 * n * wb * xsq + 2 * n / wb * psq - 2 + 2 * 6 * ss.topFockPopulation()) / 4;
            assertEquals(row.get("m1z"), ss.expectations().get("m1z"), 1e-10, "m1z" + at);
            assertEquals(row.get("x_sq"), xsq, 1e-10, "<x^2>" + at);
            assertEquals(row.get("p_sq"), psq, 1e-10, "<p^2>" + at);
            assertEquals(row.get("n_boson"), nBoson, 1e-10, "<a^dag a>" + at);
            assertEquals(row.get("top_fock"), ss.topFockPopulation(), 1e-12, "top Fock population" + at);
            SpectrumResult sr = new ExactEngine().spectrum(MODEL, p, 4);
            assertEquals(row.get("re1"), sr.lambda1().re(), 1e-10, "Re lambda1" + at);
            assertEquals(row.get("im1"), Math.abs(sr.lambda1().im()), 1e-10, "Im lambda1" + at);
        }
    }
}
