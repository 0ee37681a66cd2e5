package cumulus.solvers;

import cumulus.api.Complex;
import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.OpSum;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A Γ matrix across two ensembles (Eq. 4 generalised: Γ_{(i,a),(j,b)}, one bath), in the exact
 * Dicke ⊗ Dicke engine, against QuTiP 5.3.1 (refs/cross_gamma.py) and against the jump it equals.
 */
class CrossEnsembleGammaTest {

    /** Γ = κ [[A, c A], [c* A, A]], A = [[1, i, 0], [−i, 1, 0], [0, 0, 0]], c = 0.6 e^{0.4i}. */
    static Expr[][] gamma(String c, String cConj) {
        String[][] a = {{"1", "I", "0"}, {"-I", "1", "0"}, {"0", "0", "0"}};
        Expr[][] g = new Expr[6][6];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
            String f = (i < 3) == (j < 3) ? "1" : i < 3 ? c : cConj;
            g[i][j] = Expr.parse("kappa*(" + f + ")*(" + a[i % 3][j % 3] + ")");
        }
        return g;
    }

    static final Model CROSS = Model.builder("cross-gamma")
            .spinEnsembles(2, 2)
            .real("omega", 1.3, "").real("kappa", 1, "")
            .hamiltonian(OpSum.sx(1).plus(OpSum.sx(2)).scale("omega"))
            .gamma(List.of(1, 2), gamma("0.6*(cos(0.4) + I*sin(0.4))", "0.6*(cos(0.4) - I*sin(0.4))"))
            .build();

    static Map<String, Double> ref() {
        Map<String, Double> out = new HashMap<>();
        for (Map<String, String> r : Refs.cells("cross_gamma.csv")) out.put(r.get("quantity"), Double.parseDouble(r.get("value")));
        return out;
    }

    @Test
    void correlatedDecayOfTwoEnsemblesHasQutipsSpectrumAndSteadyState() {
        Map<String, Double> ref = ref();
        Map<String, Double> p = CROSS.resolve(Map.of());
        SpectrumResult s = new ExactEngine().spectrum(CROSS, p, 8);
        for (int k = 1; k < 6; k++) {
            Complex want = new Complex(ref.get("lambda" + k + "_re"), ref.get("lambda" + k + "_im"));
            double best = Double.MAX_VALUE;
            for (Complex z : s.eigenvalues()) best = Math.min(best, Math.min(z.minus(want).abs(), z.minus(want.conj()).abs()));
            assertEquals(0, best, 1e-9, "lambda_" + k + " = " + want + " not in " + s.eigenvalues());
        }
        assertEquals(-ref.get("lambda1_re"), s.spectralGap(), 1e-9);
        SteadyStateResult ss = new ExactEngine().steadyState(CROSS, p);
        for (String o : new String[]{"m1x", "m1y", "m1z", "m2x", "m2y", "m2z"})
            assertEquals(ref.get(o), ss.expectations().get(o), 1e-9, o);
        assertEquals(ref.get("K_m1x_m2x"), ss.cumulants().get("K(m1x,m2x)"), 1e-9);
        assertEquals(ref.get("K_m1y_m2x"), cumulant(ss, "m1y", "m2x"), 1e-9);
        assertTrue(ss.warnings().stream().noneMatch(w -> w.contains("semidefinite")), ss.warnings().toString());
    }

    /** Γ_{(i,a),(j,b)} = κ c_ia conj(c_jb) with c = (1, −i, 0, 1, −i, 0) is the jump sqrt(κ/S)(S_1^- + S_2^-). */
    @Test
    void aRankOneCrossGammaIsTheCollectiveJumpOfBothEnsembles() {
        Model rank1 = Model.builder("rank1").spinEnsembles(2, 3).real("omega", 1.3, "").real("kappa", 1, "")
                .hamiltonian(OpSum.sx(1).plus(OpSum.sz(2).scale("0.4")).scale("omega"))
                .gamma(List.of(1, 2), gamma("1", "1")).build();
        Model jump = Model.builder("jump").spinEnsembles(2, 3).real("omega", 1.3, "").real("kappa", 1, "")
                .hamiltonian(OpSum.sx(1).plus(OpSum.sz(2).scale("0.4")).scale("omega"))
                .jump("kappa/S", OpSum.sm(1).plus(OpSum.sm(2))).build();
        Map<String, Double> p = rank1.resolve(Map.of());
        // the Liouvillians agree entry by entry
        var a = Spaces.of(rank1, p).generator(Spaces.of(rank1, p).values());
        var b = Spaces.of(jump, p).generator(Spaces.of(jump, p).values());
        assertEquals(a.numRows, b.numRows);
        var da = org.ejml.ops.DConvertMatrixStruct.convert(a, (org.ejml.data.DMatrixRMaj) null);
        var db = org.ejml.ops.DConvertMatrixStruct.convert(b, (org.ejml.data.DMatrixRMaj) null);
        double diff = 0, norm = 0;
        for (int i = 0; i < da.data.length; i++) { diff = Math.max(diff, Math.abs(da.data[i] - db.data[i])); norm = Math.max(norm, Math.abs(db.data[i])); }
        assertTrue(norm > 0.1);
        assertEquals(0, diff, 1e-12);
    }

    @Test
    void aCrossGammaThatIsNotPositiveSemidefiniteWarnsAndOneThatIsNotHermitianIsRefused() {
        Model notPsd = Model.builder("not-psd").spinEnsembles(2, 2).real("omega", 1, "").real("kappa", 1, "")
                .hamiltonian(OpSum.sx(1).scale("omega"))
                .gamma(List.of(1, 2), gamma("2", "2")).build();   // |c| = 2 > 1
        assertTrue(Spaces.of(notPsd, notPsd.resolve(Map.of())).warnings().stream()
                .anyMatch(w -> w.contains("Γ matrix of ensembles [1, 2] is not positive semidefinite")));
        Model notHermitian = Model.builder("not-hermitian").spinEnsembles(2, 2).real("omega", 1, "").real("kappa", 1, "")
                .hamiltonian(OpSum.sx(1).scale("omega"))
                .gamma(List.of(1, 2), gamma("I", "I")).build();
        ModelException e = assertThrows(ModelException.class, () -> Spaces.of(notHermitian, notHermitian.resolve(Map.of())));
        assertTrue(e.getMessage().contains("not Hermitian") && e.getMessage().contains("Γ_(1,x)(2,x)"), e.getMessage());
    }

    static double cumulant(SteadyStateResult s, String a, String b) {
        Double v = s.cumulants().get("K(" + a + "," + b + ")");
        return v != null ? v : s.cumulants().get("K(" + b + "," + a + ")");
    }
}
