package cumulus.solvers.piqs;

import cumulus.solvers.space.CMatrix;
import cumulus.solvers.dicke.NumericModel;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.OpSum;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.models.LocalBtc;
import cumulus.solvers.ExactEngine;
import cumulus.solvers.LiouvillianSpectrum;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Acceptance tests of the permutation-invariant engine against 2^N brute force and local_btc.csv. */
class PiqsEngineTest {

    static final Model LOCAL_BTC = new LocalBtc().model();

    /** Every local process, a collective jump, a non-trivial H (odd powers and a quadratic term). */
    static final Model GENERAL = Model.builder("general-local")
            .spinEnsembles(1, 4)
            .real("w", 0.8, "").real("h", 0.3, "").real("chi", 0.7, "").real("k", 0.6, "")
            .real("ge", 0.5, "").real("gp", 0.2, "").real("gd", 0.35, "")
            .hamiltonian(OpSum.sx(1).scale("w").plus(OpSum.sz(1).scale("h")).plus(OpSum.sx(1).times(OpSum.sz(1)).plus(OpSum.sz(1).times(OpSum.sx(1))).scale("chi/S")))
            .jump("k/S", OpSum.sm(1))
            .localEmission(1, "ge").localPumping(1, "gp").localDephasing(1, "gd")
            .build();

    static Map<String, Double> params(Model m, int n) {
        return m.resolve(Map.of("N", Integer.toString(n)));
    }

    @Test
    void numberOfDickeStates() {
        int[] n = {1, 2, 3, 4, 5, 6, 9, 10, 20, 100};
        int[] want = {2, 4, 6, 9, 12, 16, 30, 36, 121, 2601};
        for (int i = 0; i < n.length; i++) {
            assertEquals(want[i], DickeBlocks.dickeStates(n[i]), "N = " + n[i]);
            assertEquals(want[i], new DickeBlocks(n[i]).dickeStates(), "N = " + n[i]);
        }
        // degeneracies: Σ_j d_j (2j+1) = 2^N
        for (int nn = 1; nn <= 12; nn++) {
            DickeBlocks b = new DickeBlocks(nn);
            double s = 0;
            for (int k = 0; k < b.blocks(); k++) s += b.degeneracy(k) * b.dim(k);
            assertEquals(Math.pow(2, nn), s, 1e-9, "N = " + nn);
        }
    }

    @Test
    void steadyStateAndSymmetricSpectrumEqualBruteForce() {
        for (Model m : List.of(LOCAL_BTC, GENERAL)) for (int n = 1; n <= 6; n++) {
            if (m == GENERAL && (n < 3 || n > 5)) continue; // every local process: N = 3, 4, 5 (keeps the test short)
            Map<String, Double> p = params(m, n);
            compareWithBruteForce(m, p, new BruteForce(m, p));
        }
    }

    /** A Hermitian, diagonally dominant (so positive semidefinite) local γ with every cross term complex. */
    static final String[][] GAMMA = {{"1/2", "1/10+I/5", "1/20-I/10"}, {"1/10-I/5", "2/5", "3/20+I/20"}, {"1/20+I/10", "3/20-I/20", "3/10"}};

    static cumulus.api.Expr[][] exprs(String[][] m) {
        cumulus.api.Expr[][] e = new cumulus.api.Expr[3][3];
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) e[a][b] = cumulus.api.Expr.parse(m[a][b]);
        return e;
    }

    static Model.Builder drivenEnsemble(String name) {
        return Model.builder(name).spinEnsembles(1, 4).real("w", 0.8, "").real("h", 0.3, "").real("k", 0.6, "")
                .hamiltonian(OpSum.sx(1).scale("w").plus(OpSum.sz(1).scale("h")));
    }

    @Test
    void localGammaMatricesOfTheThreeProcessesAreThoseProcesses() {
        // σ^- = (σ^x − iσ^y)/2: γ = (r/4)(1, i, 0; −i, 1, 0; 0, 0, 0); σ^+: the conjugate; σ^z: γ_zz = r
        String[][][] gammas = {{{"r/4", "I*r/4", "0"}, {"-I*r/4", "r/4", "0"}, {"0", "0", "0"}},
                {{"r/4", "-I*r/4", "0"}, {"I*r/4", "r/4", "0"}, {"0", "0", "0"}},
                {{"0", "0", "0"}, {"0", "0", "0"}, {"0", "0", "r"}}};
        cumulus.api.Dissipator.LocalProcess[] kinds = cumulus.api.Dissipator.LocalProcess.values();
        for (int i = 0; i < 3; i++) {
            Model viaGamma = drivenEnsemble("g").real("r", 0.45, "").jump("k/S", OpSum.sm(1)).localGamma(1, exprs(gammas[i])).build();
            Model viaProcess = drivenEnsemble("p").real("r", 0.45, "").jump("k/S", OpSum.sm(1)).local(1, kinds[i], cumulus.api.Expr.parse("r")).build();
            for (int n : new int[]{3, 6, 9}) {
                var a = PiqsLiouvillian.assemble(viaGamma, params(viaGamma, n)).matrix();
                var b = PiqsLiouvillian.assemble(viaProcess, params(viaProcess, n)).matrix();
                double diff = 0, scale = 0;
                for (int c = 0; c < a.numCols; c++) for (int r = 0; r < a.numRows; r++) {
                    diff = Math.max(diff, Math.abs(a.get(r, c) - b.get(r, c)));
                    scale = Math.max(scale, Math.abs(b.get(r, c)));
                }
                assertTrue(diff < 1e-13 * scale, kinds[i] + " N=" + n + ": max |L_gamma − L_process| = " + diff);
            }
        }
    }

    @Test
    void generalLocalGammaEqualsBruteForce() {
        // cross terms σ^x ρ σ^z, σ^y ρ σ^z, ... exercise every relative Clebsch–Gordan sign of the transfers j → j ± 1
        Model m = drivenEnsemble("local-gamma").jump("k/S", OpSum.sm(1)).localGamma(1, exprs(GAMMA)).build();
        for (int n = 2; n <= 5; n++) {
            Map<String, Double> p = params(m, n);
            compareWithBruteForce(m, p, new BruteForce(m, p));
        }
    }

    @Test
    void isotropicLocalNoiseDampsEveryBlochComponentAtFourGamma() {
        // γ = g·1: each spin's Bloch vector decays at 2g(γ_yy + γ_zz) = 4g while H = w S^x precesses it, so the
        // slowest modes are the one-spin ones, λ = −4g and −4g ± iw (analytic); N = 30 takes the sparse route
        String[][] iso = {{"g", "0", "0"}, {"0", "g", "0"}, {"0", "0", "g"}};
        Model m = Model.builder("isotropic").spinEnsembles(1, 30).real("w", 1.3, "").real("g", 0.4, "")
                .hamiltonian(OpSum.sx(1).scale("w")).localGamma(1, exprs(iso)).build();
        SpectrumResult r = new cumulus.solvers.ExactEngine().spectrum(m, params(m, 30), 4);
        assertTrue(r.method().contains("shift-invert"), r.method());
        assertEquals(0, r.eigenvalues().get(0).abs(), 1e-9);
        for (int k = 1; k <= 3; k++) assertEquals(-1.6, r.eigenvalues().get(k).re(), 1e-9, "eigenvalue " + k + ": " + r.eigenvalues());
        assertEquals(1.3, Math.abs(r.lambda1().im()), 1e-9);
        SteadyStateResult ss = new cumulus.solvers.ExactEngine().steadyState(m, params(m, 30));
        for (String a : List.of("m1x", "m1y", "m1z")) assertEquals(0, ss.expectations().get(a), 1e-12, "maximally mixed: " + a);
    }

    @Test
    void eq18SpinChannelEqualsTheDoubleSumOverSpins() {
        // γ^{jj} = diag on every spin and γ^{jk} = off between every two spins, written out term by term in 2^N
        String[][] off = {{"k/N", "I*k/(2*N)", "0"}, {"-I*k/(2*N)", "k/N", "k/(3*N)"}, {"0", "k/(3*N)", "k/(2*N)"}};
        Model m = drivenEnsemble("eq18").spinChannel(1, exprs(GAMMA), exprs(off)).build();
        Model bare = drivenEnsemble("eq18-bare").build();
        for (int n = 2; n <= 4; n++) {
            Map<String, Double> p = params(m, n);
            BruteForce bf = new BruteForce(bare, params(bare, n));
            Map<String, Double> vals = PiqsLiouvillian.values(m, p);
            cumulus.api.Expr[][] d = exprs(GAMMA), o = exprs(off);
            for (int j = 0; j < n; j++) for (int k = 0; k < n; k++)
                for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) {
                    Complex c = (j == k ? d[a][b] : o[a][b]).evaluate(vals);
                    if (c.abs() > 0) bf.addTerm(c, bf.sigma(j, "xyz".charAt(a)), bf.sigma(k, "xyz".charAt(b)));
                }
            compareWithBruteForce(m, p, bf);
        }
    }

    /** Steady-state observables and the whole symmetric-sector spectrum of the engine against a brute force. */
    static void compareWithBruteForce(Model m, Map<String, Double> p, BruteForce bf) {
        {
            int n = (int) Math.round(p.get("N"));
            List<CMatrix> basis = bf.symmetricBasis();
            DickeBlocks sp = new DickeBlocks(n);
            assertEquals(sp.size(), basis.size(), "symmetric operators = Σ (2j+1)^2, N = " + n);
            DMatrixRMaj ls = bf.symmetricLiouvillian(basis);
            // steady state: observables directly on the 2^N density matrix
            CMatrix rho = bf.steadyState(basis, ls);
            double s = n / 2.0;
            assertTrue(bf.apply(rho).maxAbs() < 1e-12, "brute-force ρ is a steady state of the full L, N = " + n);
            SteadyStateResult r = new cumulus.solvers.ExactEngine().steadyState(m, p);
            String[] names = {"m1x", "m1y", "m1z"};
            CMatrix[] ops = {bf.collective(cumulus.api.Op.Component.X), bf.collective(cumulus.api.Op.Component.Y), bf.collective(cumulus.api.Op.Component.Z)};
            double cDiag = 0;
            for (int a = 0; a < 3; a++) {
                double mean = BruteForce.expect(ops[a], rho) / s;
                double sq = BruteForce.expect(ops[a].times(ops[a]), rho) / (s * s);
                cDiag += sq - mean * mean;
                assertEquals(mean, r.expectations().get(names[a]), 1e-10, m.name() + " N=" + n + " " + names[a]);
            }
            double kxy = BruteForce.expect(ops[0].times(ops[1]).plus(ops[1].times(ops[0])), rho) / (2 * s * s)
                    - BruteForce.expect(ops[0], rho) * BruteForce.expect(ops[1], rho) / (s * s);
            assertEquals(kxy, r.cumulants().get("K(m1x,m1y)"), 1e-10, m.name() + " N=" + n + " K(m1x,m1y)");
            assertEquals(cDiag, r.cDiag(), 1e-10, m.name() + " N=" + n + " C_diag");
            // the whole symmetric-sector spectrum
            List<Complex> bfEig = LiouvillianSpectrum.sort(BruteForce.eig(ls));
            SpectrumResult sr = new cumulus.solvers.ExactEngine().spectrum(m, p, sp.size());
            List<Complex> ours = sr.eigenvalues();
            assertEquals(bfEig.size(), ours.size());
            for (Complex z : ours) {
                double best = Double.MAX_VALUE;
                for (Complex y : bfEig) best = Math.min(best, y.minus(z).abs());
                assertTrue(best < 1e-9, m.name() + " N=" + n + ": eigenvalue " + z + " not in the brute-force symmetric sector");
            }
            assertEquals(bfEig.get(1).re(), sr.lambda1().re(), 1e-10, m.name() + " N=" + n + " Re λ1");
            assertEquals(bfEig.get(1).im(), sr.lambda1().im(), 1e-9, m.name() + " N=" + n + " Im λ1");
            assertTrue(sr.method().contains("permutation-symmetric sector"));
            assertEquals(DickeBlocks.dickeStates(n), sr.dimension());
        }
    }

    /** The full 4^N Liouvillian (N = 4) has modes outside the symmetric sector with a smaller gap. */
    @Test
    void fullLiouvillianHasASmallerGapThanTheSymmetricSector() {
        Map<String, Double> p = params(LOCAL_BTC, 4);
        BruteForce bf = new BruteForce(LOCAL_BTC, p);
        List<Complex> full = LiouvillianSpectrum.sort(BruteForce.eig(bf.fullLiouvillian()));
        SpectrumResult sym = new cumulus.solvers.ExactEngine().spectrum(LOCAL_BTC, p, 4);
        assertEquals(0, full.get(0).abs(), 1e-10);
        assertTrue(full.get(1).re() < 0, "unique steady state");
        double fullGap = -full.get(1).re(), symGap = sym.spectralGap();
        System.out.printf("local-btc N=4: full 4^N gap %.6f (lambda1 = %s), symmetric-sector gap %.6f (lambda1 = %s)%n", fullGap, full.get(1), symGap, sym.lambda1());
        assertTrue(fullGap < symGap - 0.1, "full gap " + fullGap + " vs symmetric " + symGap);
        // every symmetric-sector eigenvalue is one of the full Liouvillian's
        for (Complex z : sym.eigenvalues()) {
            double best = Double.MAX_VALUE;
            for (Complex y : full) best = Math.min(best, y.minus(z).abs());
            assertTrue(best < 1e-9, z + " not in the full spectrum");
        }
    }

    @Test
    void matchesLocalBtcReferences() {
        int rows = 0;
        for (Map<String, Double> row : cumulus.solvers.Refs.read("local_btc.csv")) {
            Map<String, Double> p = LOCAL_BTC.resolve(Map.of("N", fmt(row.get("N")), "omega_x", fmt(row.get("omega_x")),
                    "kappa", fmt(row.get("kappa")), "gamma_local", fmt(row.get("gamma_local"))));
            SteadyStateResult ss = new cumulus.solvers.ExactEngine().steadyState(LOCAL_BTC, p);
            SpectrumResult sp = new cumulus.solvers.ExactEngine().spectrum(LOCAL_BTC, p, 4);
            String at = " at N = " + row.get("N");
            assertEquals(row.get("m1z"), ss.expectations().get("m1z"), 1e-8, "m1z" + at);
            assertEquals(row.get("m1y"), ss.expectations().get("m1y"), 1e-8, "m1y" + at);
            assertEquals(row.get("C_diag"), ss.cDiag(), 1e-8, "C_diag" + at);
            assertEquals(row.get("re1"), sp.lambda1().re(), 1e-8, "Re lambda1" + at);
            assertEquals(row.get("im1"), sp.lambda1().im(), 1e-8, "Im lambda1" + at);
            rows++;
        }
        assertTrue(rows >= 2);
    }

    @Test
    void iterativeSteadyStateEqualsTheDirectOne() {
        for (Model m : List.of(LOCAL_BTC, GENERAL)) {
            PermutationInvariantSpace sp = new PermutationInvariantSpace(m, params(m, m == LOCAL_BTC ? 16 : 9));
            var l = sp.generator(sp.values());
            cumulus.solvers.SteadyState.Solution it = cumulus.solvers.SteadyState.solve(sp, l, 0), direct = cumulus.solvers.SteadyState.solve(sp, l, Integer.MAX_VALUE);
            assertTrue(it.solver().startsWith("GMRES"), it.solver());
            assertFalse(direct.solver().startsWith("GMRES"), direct.solver());
            double diff = 0;
            for (int i = 0; i < it.x().length; i++) diff = Math.max(diff, Math.abs(it.x()[i] - direct.x()[i]));
            assertTrue(diff < 1e-11, m.name() + ": max |x_gmres - x_lu| = " + diff);
            assertTrue(it.residual() < 1e-11, "residual " + it.residual());
        }
    }

    @Test
    void sparseRouteAgreesWithDense() {
        Map<String, Double> p = params(LOCAL_BTC, 10);
        SpectrumResult dense = new cumulus.solvers.ExactEngine().spectrum(LOCAL_BTC, p, 4);
        SpectrumResult sparse = new cumulus.solvers.ExactEngine(10).spectrum(LOCAL_BTC, p, 4);
        assertTrue(sparse.method().contains("shift-invert"), sparse.method());
        assertEquals(dense.lambda1().re(), sparse.lambda1().re(), 1e-9);
        assertEquals(dense.lambda1().im(), sparse.lambda1().im(), 1e-9);
    }

    @Test
    void dynamicsRelaxToTheSteadyStateAndKeepTheTrace() {
        Map<String, Double> p = params(LOCAL_BTC, 6);
        var traj = new cumulus.solvers.ExactEngine().evolve(LOCAL_BTC, p, cumulus.api.InitialState.parse("up", LOCAL_BTC), 30, 10);
        SteadyStateResult ss = new cumulus.solvers.ExactEngine().steadyState(LOCAL_BTC, p);
        assertEquals(1.0, traj.value(0, "m1z"), 1e-12);
        assertEquals(1.0, traj.value(0, "spin_j_max"), 1e-12);
        int last = traj.rows().size() - 1;
        assertEquals(ss.expectations().get("m1z"), traj.value(last, "m1z"), 1e-6);
        assertTrue(traj.value(last, "spin_j_max") < 0.99, "local decay leaves the j = N/2 manifold");
        // short-time check against brute force: d<S^z>/dt at t = 0 from all up: −(κ/S)·N... exact: compare one step
        BruteForce bf = new BruteForce(LOCAL_BTC, p);
        CMatrix up = CMatrix.zero(bf.dim, bf.dim);
        up = up.plus(new CMatrix.Builder(bf.dim, bf.dim).add(0, 0, 1, 0).build());
        double dsz = BruteForce.expect(bf.collective(cumulus.api.Op.Component.Z), bf.apply(up)) / 3.0;
        var tr = new cumulus.solvers.ExactEngine().evolve(LOCAL_BTC, p, cumulus.api.InitialState.parse("up", LOCAL_BTC), 1e-4, 1e-4);
        assertEquals(dsz, (tr.value(1, "m1z") - tr.value(0, "m1z")) / 1e-4, 1e-2);
    }

    @Test
    void exactEngineRoutesLocalModelsAndTheDickeEngineRefusesThem() {
        Map<String, Double> p = params(LOCAL_BTC, 5);
        SteadyStateResult a = new ExactEngine().steadyState(LOCAL_BTC, p);
        SteadyStateResult b = new cumulus.solvers.ExactEngine().steadyState(LOCAL_BTC, p);
        assertEquals(b.expectations().get("m1z"), a.expectations().get("m1z"), 1e-14);
        assertTrue(new ExactEngine().spectrum(LOCAL_BTC, p, 3).method().contains("permutation-symmetric sector"));
        ModelException e = assertThrows(ModelException.class, () -> new NumericModel(LOCAL_BTC, p));
        assertTrue(e.getMessage().contains("local dissipation"), e.getMessage());
    }

    @Test
    void localRatesAreCheckedAndNegativeRatesWarn() {
        Map<String, Double> p = LOCAL_BTC.resolve(Map.of("N", "4", "gamma_local", "-0.5"));
        List<String> w = LOCAL_BTC.checkCoefficients(new HashMap<>(PiqsLiouvillian.values(LOCAL_BTC, p)));
        assertTrue(w.stream().anyMatch(s -> s.contains("negative")), w.toString());
        assertThrows(ModelException.class, () -> Model.builder("bad").spinEnsembles(1, 4).localEmission(2, "1").build());
        assertThrows(ModelException.class, () -> Model.builder("bad").spinEnsembles(1, 4).localEmission(1, "undeclared").build());
    }

    static String fmt(double x) { return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x); }
}
