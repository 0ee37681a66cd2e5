package cumulus.solvers;

import cumulus.solvers.dicke.NumericModel;
import cumulus.solvers.dicke.Liouvillian;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.SteadyStateResult;
import cumulus.api.Trajectory;
import cumulus.models.Dicke;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open Dicke model at small N (spin ⊗ truncated boson): the steady state is a density matrix
 * (trace 1, Hermitian by construction, eigenvalues ≥ −1e-10), L ρ_ss ≈ 0 (1e-10), the top-Fock
 * population is reported and warns only when it exceeds 1e-6, and the dynamics conserve the trace
 * (⟨m^2⟩ Casimir, 1e-8).
 */
class DickeSanityTest {
    private final Model dicke = new Dicke().model();

    @Test
    void steadyStateIsAPhysicalDensityMatrixWithSmallTopFockPopulation() {
        Map<String, Double> p = Refs.params(dicke, "N", 4, "cutoff", 12, "g", 0.6);
        NumericModel nm = new NumericModel(dicke, p);
        Liouvillian l = Liouvillian.assemble(nm);
        SteadyState.Solution s = SteadyState.solve(new cumulus.solvers.dicke.DickeFockSpace(dicke, p), l.matrix());
        assertEquals(1, l.basis().trace(s.x()), 1e-12);
        assertTrue(s.residual() < 1e-10, "residual " + s.residual());
        double[][][] rho = l.basis().matrix(s.x());
        int d = nm.dimension();
        // Hermitian ρ ↔ real symmetric [[Re, −Im], [Im, Re]] with doubled spectrum
        DMatrixRMaj big = new DMatrixRMaj(2 * d, 2 * d);
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) {
            big.set(i, j, rho[0][i][j]); big.set(i, j + d, -rho[1][i][j]);
            big.set(i + d, j, rho[1][i][j]); big.set(i + d, j + d, rho[0][i][j]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * d, false);
        assertTrue(eig.decompose(big));
        for (int i = 0; i < 2 * d; i++) {
            assertEquals(0, eig.getEigenvalue(i).imaginary, 1e-12);
            assertTrue(eig.getEigenvalue(i).real > -1e-10, "negative eigenvalue " + eig.getEigenvalue(i).real);
        }
        SteadyStateResult r = new ExactEngine().steadyState(dicke, p);
        assertTrue(r.topFockPopulation() >= 0 && r.topFockPopulation() < 1e-6, "top Fock " + r.topFockPopulation());
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains("Fock")), r.warnings().toString());
        assertEquals(15, r.cumulants().size()); // m1x, m1y, m1z, x, p: 5·6/2 pairs
        assertTrue(r.expectations().containsKey("x") && r.expectations().containsKey("p"));
    }

    @Test
    void tooSmallCutoffIsReportedAsAWarning() {
        Map<String, Double> p = Refs.params(dicke, "N", 4, "cutoff", 3, "g", 3, "kappa_b", 0.2);
        SteadyStateResult r = new ExactEngine().steadyState(dicke, p);
        assertTrue(r.topFockPopulation() > 1e-6, "top Fock " + r.topFockPopulation());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("top Fock")), r.warnings().toString());
        // the spectrum of the same truncated model carries the same warning
        assertTrue(new ExactEngine().spectrum(dicke, p, 3).warnings().stream().anyMatch(w -> w.contains("top Fock")));
    }

    @Test
    void dynamicsFromCoherentStatesPreserveTraceAndCasimir() {
        Map<String, Double> p = Refs.params(dicke, "N", 4, "cutoff", 10);
        Trajectory tr = new ExactEngine().evolve(dicke, p, InitialState.parse("coherent:0.7,0.3;boson-coherent:0.5", dicke), 2, 0.5);
        assertEquals(5, tr.rows().size());
        // initial spin direction and boson x = α·sqrt(2)/sqrt(2 N ω_b)
        assertEquals(Math.sin(0.7) * Math.cos(0.3), tr.value(0, "m1x"), 1e-12);
        assertEquals(Math.sin(0.7) * Math.sin(0.3), tr.value(0, "m1y"), 1e-12);
        assertEquals(Math.cos(0.7), tr.value(0, "m1z"), 1e-12);
        assertEquals(0.5 * 2 / Math.sqrt(2 * 4), tr.value(0, "x"), 1e-6);
        for (int i = 0; i < tr.rows().size(); i++)
            assertEquals(1 + 1 / 2.0, tr.value(i, "m1x_sq") + tr.value(i, "m1y_sq") + tr.value(i, "m1z_sq"), 1e-8);
    }
}
