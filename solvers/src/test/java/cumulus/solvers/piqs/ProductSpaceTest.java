package cumulus.solvers.piqs;

import cumulus.api.Complex;
import cumulus.api.Expr;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.OpSum;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.api.Trajectory;
import cumulus.solvers.ExactEngine;
import cumulus.solvers.LiouvillianSpectrum;
import cumulus.solvers.Spaces;
import cumulus.solvers.propagation.ExactPropagation;
import cumulus.solvers.space.CMatrix;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The permutation-invariant product space (local dissipation with a boson, with several ensembles)
 * against {@link ProductBruteForce}: every spin explicit, 2^{NM} ⊗ Fock, restricted to the
 * permutation-symmetric operators. Steady-state moments, the first eigenvalues and the dynamics to 1e-10.
 */
class ProductSpaceTest {

    /** Open Dicke model with local dephasing and local emission of every spin. */
    static final Model DICKE_LOCAL = Model.builder("dicke-local")
            .spinEnsembles(1, 3)
            .real("omega_b", 1, "").real("omega_z", 0.7, "").real("kappa_b", 0.8, "").real("g", 1.1, "")
            .real("gd", 0.3, "").real("ge", 0.2, "")
            .boson(Expr.sym("omega_b"), 4)
            .hamiltonian(OpSum.adag().times(OpSum.a()).scale("omega_b").plus(OpSum.sz(1).scale("omega_z"))
                    .plus(OpSum.a().plus(OpSum.adag()).times(OpSum.sx(1)).scale("g/sqrt(N)")))
            .bosonLoss(Expr.sym("kappa_b"))
            .localDephasing(1, "gd").localEmission(1, "ge")
            .build();

    /** Two coupled BTCs, local decay on ensemble 1, local pumping and dephasing on ensemble 2, a cross Γ (rank one). */
    static Model pair(boolean localOnBoth) {
        Expr[][] cross = new Expr[6][6];
        // Γ = k c c† with c = (1, -i, 0, 1/2, -i/2, 0): one jump sqrt(k/S)(S_1^- + S_2^-/2)
        Complex[] c = {Complex.ONE, new Complex(0, -1), Complex.ZERO, new Complex(0.5, 0), new Complex(0, -0.5), Complex.ZERO};
        for (int a = 0; a < 6; a++) for (int b = 0; b < 6; b++) {
            Complex v = c[a].times(c[b].conj());
            cross[a][b] = Expr.parse("kc*(" + v.re() + ")" + " + I*kc*(" + v.im() + ")");
        }
        Model.Builder b = Model.builder(localOnBoth ? "pair-local" : "pair-local-1")
                .spinEnsembles(2, 2)
                .real("wx", 1.2, "").real("wz", 0.3, "").real("wxx", 0.9, "").real("wzz", 0.4, "").real("k", 0.7, "").real("kc", 0.25, "")
                .real("ge", 0.35, "").real("gp", 0.15, "").real("gd", 0.25, "")
                .hamiltonian(OpSum.sx(1).plus(OpSum.sx(2)).scale("wx").plus(OpSum.sz(1).scale("wz"))
                        .plus(OpSum.sx(1).times(OpSum.sx(2)).scale("wxx/S")).plus(OpSum.sz(1).times(OpSum.sz(2)).scale("wzz/S")))
                .jump("k/S", OpSum.sm(1)).jump("k/S", OpSum.sm(2))
                .gamma(List.of(1, 2), cross)
                .localEmission(1, "ge");
        if (localOnBoth) b.localPumping(2, "gp").localDephasing(2, "gd");
        return b.build();
    }

    /** Two ensembles, each with local decay, and a boson coupled to both. */
    static final Model PAIR_BOSON = Model.builder("pair-boson-local")
            .spinEnsembles(2, 2)
            .real("omega_b", 0.9, "").real("kappa_b", 0.6, "").real("g", 0.8, "").real("wz", 0.5, "").real("ge", 0.3, "").real("gd", 0.2, "")
            .boson(Expr.sym("omega_b"), 2)
            .hamiltonian(OpSum.adag().times(OpSum.a()).scale("omega_b").plus(OpSum.sz(1).plus(OpSum.sz(2)).scale("wz"))
                    .plus(OpSum.a().plus(OpSum.adag()).times(OpSum.sx(1).plus(OpSum.sy(2))).scale("g/sqrt(N)")))
            .bosonLoss(Expr.sym("kappa_b"))
            .localEmission(1, "ge").localDephasing(2, "gd")
            .build();

    static Map<String, Double> params(Model m, int n, Integer cutoff) {
        return cutoff == null ? m.resolve(Map.of("N", Integer.toString(n))) : m.resolve(Map.of("N", Integer.toString(n), "cutoff", Integer.toString(cutoff)));
    }

    @Test
    void dickeWithLocalDephasingEqualsBruteForceInTwoToTheNTimesFock() {
        Map<String, Double> p = params(DICKE_LOCAL, 3, 4);
        assertTrue(Spaces.of(DICKE_LOCAL, p) instanceof ProductPermutationSpace);
        compare(DICKE_LOCAL, p, "coherent:1.1,0.4; boson-coherent:0.3", new double[]{1.1}, new double[]{0.4}, 0.3, new boolean[1]);
    }

    @Test
    void twoEnsemblesWithLocalDissipationEqualBruteForce() {
        for (int n : new int[]{2, 3}) {
            Model m = pair(true);
            compare(m, params(m, n, null), "coherent:0.9,0.2; coherent:2.0,1.3", new double[]{0.9, 2.0}, new double[]{0.2, 1.3}, 0, new boolean[2]);
        }
    }

    @Test
    void anEnsembleWithoutLocalDissipationKeepsItsDickeManifold() {
        // ensemble 2 has only collective processes: j_2 = N/2 stays, the space is ⊕_j ⊗ Dicke (a sub-sector of the brute-force one)
        Model m = pair(false);
        Map<String, Double> p = params(m, 3, null);
        ProductPermutationSpace sp = (ProductPermutationSpace) Spaces.of(m, p);
        assertEquals(20 * 16, sp.size(), "(16 + 4) · 4² real unknowns");
        assertTrue(sp.description().contains("Dicke j = N/2 (ensemble 2)"), sp.description());
        compare(m, p, "coherent:0.9,0.2; up", new double[]{0.9, 0}, new double[]{0.2, 0}, 0, new boolean[]{false, true});
    }

    @Test
    void twoEnsemblesAndABosonEqualBruteForce() {
        compare(PAIR_BOSON, params(PAIR_BOSON, 2, 2), "coherent:0.7,0; coherent:1.5,0.5", new double[]{0.7, 1.5}, new double[]{0, 0.5}, 0, new boolean[2]);
    }

    /**
     * Steady state (every moment, C_diag, C_all, top-Fock population), the first eigenvalues and the
     * trajectory at t = 0.4, 0.8, 1.2 against the brute force, in its sector of permutation-symmetric operators
     * ({@code dickeOnly}: the ensembles without local processes on their Dicke subspace).
     */
    static void compare(Model m, Map<String, Double> p, String initial, double[] theta, double[] phi, double alpha, boolean[] dickeOnly) {
        ProductBruteForce bf = new ProductBruteForce(m, p);
        List<CMatrix> basis = bf.symmetricBasis(dickeOnly);
        ProductPermutationSpace sp = (ProductPermutationSpace) Spaces.of(m, p);
        assertEquals(basis.size(), sp.size(), "permutation-symmetric operators = Σ_J D_J²");
        DMatrixRMaj ls = bf.symmetricLiouvillian(basis);
        String at = m.name() + " N=" + Math.round(p.get("N"));
        // observables in the 2^{NM} ⊗ Fock space
        List<Model.Observable> obs = m.observables();
        List<CMatrix> ops = new ArrayList<>();
        for (Model.Observable o : obs) ops.add(bf.op(o.operator()));

        CMatrix rho = bf.steadyState(basis, ls);
        assertTrue(bf.apply(rho).maxAbs() < 1e-12, "brute-force ρ is steady under the full L: " + at);
        SteadyStateResult r = new ExactEngine().steadyState(m, p);
        double[] mean = new double[obs.size()];
        for (int i = 0; i < obs.size(); i++) {
            mean[i] = ProductBruteForce.expect(ops.get(i), rho);
            assertEquals(mean[i], r.expectations().get(obs.get(i).name()), 1e-10, at + " steady " + obs.get(i).name());
        }
        double cDiag = 0, cAll = 0;
        for (int i = 0; i < obs.size(); i++) for (int j = i; j < obs.size(); j++) {
            double ks = ProductBruteForce.expect(ops.get(i).times(ops.get(j)).plus(ops.get(j).times(ops.get(i))), rho) / 2 - mean[i] * mean[j];
            String key = "K(" + obs.get(i).name() + "," + obs.get(j).name() + ")";
            assertEquals(ks, r.cumulants().get(key), 1e-10, at + " steady " + key);
            int ei = ensembleOf(obs.get(i).name()), ej = ensembleOf(obs.get(j).name());
            if (ei == 0 || ej == 0) continue;
            if (i == j) cDiag += ks;
            cAll += (ei == ej && i != j) ? 2 * ks : ks;   // same ensemble: both (a, b) and (b, a)
        }
        assertEquals(cDiag, r.cDiag(), 1e-10, at + " C_diag");
        assertEquals(cAll, r.cAll(), 1e-10, at + " C_all");
        if (m.hasBoson()) {
            double top = 0;
            double[][][] d = rho.toDense();
            for (int q = bf.cutoff - 1; q < bf.dim; q += bf.cutoff) top += d[0][q][q];
            assertEquals(top, r.topFockPopulation(), 1e-10, at + " top-Fock population");
        }

        // spectrum: the first eigenvalues (dense route) equal the brute-force sector's
        List<Complex> bfEig = LiouvillianSpectrum.sort(BruteForce.eig(ls));
        SpectrumResult sr = new ExactEngine().spectrum(m, p, 8);
        assertTrue(sr.method().contains("permutation-symmetric sector"), sr.method());
        assertEquals(sp.dimension(), sr.dimension());
        for (int k = 0; k < sr.eigenvalues().size(); k++) {
            Complex z = sr.eigenvalues().get(k);
            double best = Double.MAX_VALUE;
            for (Complex y : bfEig) best = Math.min(best, y.minus(z).abs());
            assertTrue(best < 1e-10, at + ": eigenvalue " + z + " is not in the brute-force symmetric sector (" + best + ")");
            assertEquals(bfEig.get(k).re(), z.re(), 1e-10, at + " Re λ" + k);
        }
        assertEquals(bfEig.get(1).re(), sr.lambda1().re(), 1e-10, at + " Re λ1");

        // dynamics from a product state
        double[] fock = new double[bf.cutoff];
        double norm = 0;
        for (int q = 0; q < bf.cutoff; q++) {
            fock[q] = alpha == 0 ? (q == 0 ? 1 : 0) : Math.exp(-alpha * alpha / 2) * Math.pow(alpha, q) / Math.sqrt(factorial(q));
            norm += fock[q] * fock[q];
        }
        for (int q = 0; q < bf.cutoff; q++) fock[q] /= Math.sqrt(norm);
        CMatrix rho0 = bf.productState(theta, phi, fock);
        double[] x0 = ProductBruteForce.coordinates(basis, rho0);
        assertEquals(1, x0.length == 0 ? 0 : traceOf(ProductBruteForce.state(basis, x0)), 1e-12, "the product state is permutation symmetric: " + at);
        Trajectory tr = new ExactEngine().evolve(m, p, List.of(InitialState.parse(initial, m)), 1.2, 0.4, 1e-12, ExactPropagation.Kind.EXPLICIT);
        assertTrue(tr.complete(), tr.failure());
        for (int row = 0; row < tr.rows().size(); row++) {
            double t = tr.value(row, "t");
            CMatrix rt = ProductBruteForce.state(basis, ProductBruteForce.propagate(ls, x0, t));
            for (int i = 0; i < obs.size(); i++)
                assertEquals(ProductBruteForce.expect(ops.get(i), rt), tr.value(row, obs.get(i).name()), 1e-10, at + " t=" + t + " " + obs.get(i).name());
        }
        assertTrue(tr.value(tr.rows().size() - 1, "spin_j_max") < 1 - 1e-3, "local dissipation leaves the j = N/2 manifold: " + at);
    }

    static int ensembleOf(String name) { return name.matches("m\\d+[xyz]") ? Integer.parseInt(name.substring(1, name.length() - 1)) : 0; }

    static double traceOf(CMatrix rho) {
        double[][][] d = rho.toDense();
        double s = 0;
        for (int i = 0; i < d[0].length; i++) s += d[0][i][i];
        return s;
    }

    static double factorial(int q) { double f = 1; for (int i = 2; i <= q; i++) f *= i; return f; }
}
