package cumulus.plugins.modelfile;

import cumulus.api.Complex;
import cumulus.api.Equations;
import cumulus.api.Expr;
import cumulus.api.MeanFieldVerdict;
import cumulus.api.Model;
import cumulus.api.OpSum;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.plugins.Cumulus;
import cumulus.solvers.Refs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * examples/models/correlated-decay-pair.yaml (Γ across two ensembles, {@code gamma: {ensembles: [1, 2], matrix: 6×6}}):
 * exact spectrum and steady state against QuTiP 5.3.1 (refs/cross_gamma.py); the symbolic equations and
 * verify-mf of a rank-one cross Γ are those of the jump sqrt(κ/S)(S_1^- + S_2^-) it equals.
 */
class CrossEnsembleGammaFileTest {
    static Cumulus cumulus;

    @BeforeAll
    static void create() { cumulus = Cumulus.create(CrossEnsembleGammaFileTest.class.getClassLoader()); }

    @Test
    void correlatedDecayFileHasQutipsSpectrumAndSteadyState() {
        Map<String, Double> ref = new HashMap<>();
        for (Map<String, String> r : Refs.cells("cross_gamma.csv")) ref.put(r.get("quantity"), Double.parseDouble(r.get("value")));
        Model m = cumulus.model(ModelFileExamplesTest.file("correlated-decay-pair").toString());
        Map<String, Double> p = m.resolve(Map.of());
        SpectrumResult s = cumulus.spectrumSolver().spectrum(m, p, 6);
        Complex l1 = new Complex(ref.get("lambda1_re"), Math.abs(ref.get("lambda1_im")));
        assertEquals(0, s.eigenvalues().stream().mapToDouble(z -> Math.min(z.minus(l1).abs(), z.minus(l1.conj()).abs())).min().orElseThrow(), 1e-9);
        SteadyStateResult ss = cumulus.steadyStateSolver().steadyState(m, p);
        for (String o : new String[]{"m1x", "m1y", "m1z", "m2x", "m2y", "m2z"}) assertEquals(ref.get(o), ss.expectations().get(o), 1e-9, o);
    }

    @Test
    void rankOneCrossGammaDerivesTheEquationsOfTheCollectiveJump() {
        String[][] a = {{"1", "I", "0"}, {"-I", "1", "0"}, {"0", "0", "0"}};
        Expr[][] g = new Expr[6][6];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) g[i][j] = Expr.parse("kappa*(" + a[i % 3][j % 3] + ")");
        OpSum h = OpSum.sx(1).scale("omega").plus(OpSum.sz(2).scale("delta"));
        Model cross = Model.builder("pair").spinEnsembles(2, 4).real("omega", 1, "").real("delta", 0.3, "").real("kappa", 1, "")
                .hamiltonian(h).gamma(List.of(1, 2), g).build();
        Model jump = Model.builder("pair").spinEnsembles(2, 4).real("omega", 1, "").real("delta", 0.3, "").real("kappa", 1, "")
                .hamiltonian(h).jump("kappa/S", OpSum.sm(1).plus(OpSum.sm(2))).build();
        for (int order = 1; order <= 2; order++) {
            Equations ec = cumulus.derive(cross, order, false), ej = cumulus.derive(jump, order, false);
            assertEquals(ej.unknowns(), ec.unknowns(), "order " + order);
            Map<String, Double> at = new HashMap<>(Map.of("omega", 0.7, "delta", 0.3, "kappa", 1.1, "N", 4.0, "S", 2.0));
            for (int k = 0; k < ec.unknowns().size(); k++) at.put(ec.unknowns().get(k), 0.1 + 0.37 * k % 1.3);
            for (int k = 0; k < ec.rhs().size(); k++) {
                Complex x = ec.rhs().get(k).evaluate(at), y = ej.rhs().get(k).evaluate(at);
                assertEquals(0, x.minus(y).abs(), 1e-12, "order " + order + " d/dt " + ec.unknowns().get(k));
            }
        }
        MeanFieldVerdict v = cumulus.verifyMeanField(cross);
        assertEquals(cumulus.verifyMeanField(jump).answer(), v.answer());
        assertTrue(v.meanfieldExact(), v.reasons().toString());
    }
}
