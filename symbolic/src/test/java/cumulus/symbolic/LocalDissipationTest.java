package cumulus.symbolic;

import cumulus.api.MeanFieldVerdict;
import cumulus.api.Dissipator;
import cumulus.api.Model;
import cumulus.api.OpSum;
import cumulus.models.Btc;
import cumulus.models.LocalBtc;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.ops.OpMono;
import cumulus.symbolic.ops.OpPoly;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Local dissipation in the symbolic engine: Σ_k D†[σ_k](O) for words O in the collective letters equals a
 * brute-force 2^N computation (every spin explicit), and the derived equations reduce to the collective
 * ones when the local rate is 0.
 */
class LocalDissipationTest {

    // ---- tiny dense complex matrices {re, im}[d][d]
    static double[][][] zero(int d) { return new double[2][d][d]; }
    static double[][][] eye(int d) { double[][][] m = zero(d); for (int i = 0; i < d; i++) m[0][i][i] = 1; return m; }
    static double[][][] mul(double[][][] a, double[][][] b) {
        int d = a[0].length;
        double[][][] c = zero(d);
        for (int i = 0; i < d; i++) for (int k = 0; k < d; k++) {
            double ar = a[0][i][k], ai = a[1][i][k];
            if (ar == 0 && ai == 0) continue;
            for (int j = 0; j < d; j++) { c[0][i][j] += ar * b[0][k][j] - ai * b[1][k][j]; c[1][i][j] += ar * b[1][k][j] + ai * b[0][k][j]; }
        }
        return c;
    }
    static void addTo(double[][][] acc, double[][][] a, double sr, double si) {
        int d = a[0].length;
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) {
            acc[0][i][j] += sr * a[0][i][j] - si * a[1][i][j];
            acc[1][i][j] += sr * a[1][i][j] + si * a[0][i][j];
        }
    }
    static double[][][] dag(double[][][] a) {
        int d = a[0].length;
        double[][][] c = zero(d);
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) { c[0][i][j] = a[0][j][i]; c[1][i][j] = -a[1][j][i]; }
        return c;
    }
    /** Single-spin operator on spin s of n; bit 1 = down; 'x','y','z','-','+'. */
    static double[][][] sigma(int n, int s, char a) {
        int d = 1 << n;
        double[][][] m = zero(d);
        for (int c = 0; c < d; c++) {
            boolean down = ((c >> s) & 1) == 1;
            int f = c ^ (1 << s);
            switch (a) {
                case 'z' -> m[0][c][c] = down ? -1 : 1;
                case 'x' -> m[0][f][c] = 1;
                case 'y' -> m[1][f][c] = down ? -1 : 1;
                case '-' -> { if (!down) m[0][f][c] = 1; }
                case '+' -> { if (down) m[0][f][c] = 1; }
                default -> throw new IllegalArgumentException();
            }
        }
        return m;
    }

    /** m^a = S^a/S of n spins as 2^n matrices. */
    static double[][][][] letters(int n) {
        int d = 1 << n;
        double s = n / 2.0;
        double[][][][] m = new double[3][][][];
        for (int a = 0; a < 3; a++) {
            m[a] = zero(d);
            for (int k = 0; k < n; k++) addTo(m[a], sigma(n, k, "xyz".charAt(a)), 0.5 / s, 0);
        }
        return m;
    }

    /** max |lhs − (symbolic r at N = n, S = n/2, every parameter 1)| over the 2^n matrix elements. */
    static double error(double[][][] lhs, OpPoly<Poly> r, double[][][][] m, int n) {
        int d = 1 << n;
        double[][][] rhs = zero(d);
        for (Map.Entry<OpMono, Poly> t : r.terms().entrySet()) {
            double[] c = t.getValue().evaluate(name -> name.equals("N") ? n : name.equals("S") ? n / 2.0 : 1.0);
            double[][][] op = eye(d);
            for (int l : t.getKey().letters()) op = mul(op, m[l]);
            addTo(rhs, op, c[0], c[1]);
        }
        double err = 0;
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++)
            err = Math.max(err, Math.hypot(lhs[0][i][j] - rhs[0][i][j], lhs[1][i][j] - rhs[1][i][j]));
        return err;
    }

    @Test
    void localAdjointDissipatorEqualsBruteForceOnWords() {
        int n = 3, d = 1 << n;
        double[][][][] m = letters(n);
        for (Dissipator.LocalProcess p : Dissipator.LocalProcess.values()) {
            Model model = Model.builder("local").spinEnsembles(1, n).real("g", 1, "").local(1, p, cumulus.api.Expr.parse("g")).build();
            Heisenberg h = new Heisenberg(model);
            char jc = switch (p) { case EMISSION -> '-'; case PUMPING -> '+'; case DEPHASING -> 'z'; };
            for (List<Integer> w : List.of(List.<Integer>of(), List.of(0), List.of(1), List.of(2), List.of(0, 1), List.of(2, 2), List.of(1, 0, 2), List.of(0, 2, 1, 2))) {
                double[][][] word = eye(d);
                for (int l : w) word = mul(word, m[l]);
                // brute force Σ_k (L† W L − ½{L†L, W})
                double[][][] lhs = zero(d);
                for (int k = 0; k < n; k++) {
                    double[][][] l = sigma(n, k, jc), ld = dag(l), ldl = mul(ld, l);
                    addTo(lhs, mul(mul(ld, word), l), 1, 0);
                    addTo(lhs, mul(ldl, word), -0.5, 0);
                    addTo(lhs, mul(word, ldl), -0.5, 0);
                }
                // symbolic, evaluated at N = 3, g = 1
                double err = error(lhs, h.adjointGenerator(h.algebra.orderedProduct(w)), m, n);
                assertTrue(err < 1e-12, p + " on word " + w + ": error " + err);
            }
        }
    }

    /** A Hermitian, diagonally dominant (so positive semidefinite) γ with every cross term complex. */
    static final String[][] GAMMA = {{"1/2", "1/10+I/5", "1/20-I/10"}, {"1/10-I/5", "2/5", "3/20+I/20"}, {"1/20+I/10", "3/20-I/20", "3/10"}};

    static cumulus.api.Expr[][] exprs(String[][] m) {
        cumulus.api.Expr[][] e = new cumulus.api.Expr[3][3];
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) e[a][b] = cumulus.api.Expr.parse(m[a][b]);
        return e;
    }

    @Test
    void localGammaAdjointEqualsBruteForceOnWords() {
        int n = 3, d = 1 << n;
        double[][][][] m = letters(n);
        cumulus.api.Expr[][] g = exprs(GAMMA);
        Model model = Model.builder("local-gamma").spinEnsembles(1, n).localGamma(1, g).build();
        Heisenberg h = new Heisenberg(model);
        for (List<Integer> w : List.of(List.<Integer>of(), List.of(0), List.of(1), List.of(2), List.of(0, 1), List.of(2, 2), List.of(1, 0, 2))) {
            double[][][] word = eye(d);
            for (int l : w) word = mul(word, m[l]);
            // brute force Σ_k Σ_ab γ_ab (σ_k^b W σ_k^a − ½{σ_k^b σ_k^a, W})
            double[][][] lhs = zero(d);
            for (int k = 0; k < n; k++) for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) {
                cumulus.api.Complex c = g[a][b].evaluate(Map.of());
                double[][][] sa = sigma(n, k, "xyz".charAt(a)), sb = sigma(n, k, "xyz".charAt(b)), ba = mul(sb, sa);
                addTo(lhs, mul(mul(sb, word), sa), c.re(), c.im());
                addTo(lhs, mul(ba, word), -0.5 * c.re(), -0.5 * c.im());
                addTo(lhs, mul(word, ba), -0.5 * c.re(), -0.5 * c.im());
            }
            double err = error(lhs, h.adjointGenerator(h.algebra.orderedProduct(w)), m, n);
            assertTrue(err < 1e-12, "local γ on word " + w + ": error " + err);
        }
    }

    @Test
    void eq18WithAllToAllCouplingsFallingAsOneOverNIsMeanFieldExact() {
        // Γ^off = (N − 1) off stays finite when off = k/N: the collective part scales like btc's
        String[][] off = {{"k/N", "I*k/N", "0"}, {"-I*k/N", "k/N", "0"}, {"0", "0", "0"}};
        Model good = Model.builder("eq18").spinEnsembles(1, 8).real("w", 1, "").real("k", 1, "")
                .hamiltonian(OpSum.sx(1).scale("w")).spinChannel(1, exprs(GAMMA), exprs(off)).build();
        MeanFieldVerdict v = MeanFieldVerifier.verify(good);
        assertTrue(v.meanfieldExact(), v.reasons().toString());
        String[][] unscaled = {{"k", "I*k", "0"}, {"-I*k", "k", "0"}, {"0", "0", "0"}};
        Model bad = Model.builder("eq18-unscaled").spinEnsembles(1, 8).real("w", 1, "").real("k", 1, "")
                .hamiltonian(OpSum.sx(1).scale("w")).spinChannel(1, exprs(GAMMA), exprs(unscaled)).build();
        MeanFieldVerdict vb = MeanFieldVerifier.verify(bad);
        assertFalse(vb.meanfieldExact(), "Γ^off = (N − 1) k diverges: " + vb.reasons());
    }

    static int eps(int a, int b, int c) {
        if (a == b || b == c || a == c) return 0;
        return (b - a + 3) % 3 == 1 ? 1 : -1;
    }

    /**
     * Paper Eq. (S20), first line, in the mean-field limit ⟨m m⟩ = m m: with Γ^off = i lim (N−1) off and
     * Γ^diag = i diag (S18–S19), dm_ζ/dt = Σ_ab Γ^off_ab (ε_bζτ m_τ m_a + ε_ζaτ m_b m_τ)
     * + Σ_ab Γ^diag_ab (ε_bζτ (δ_τa + i ε_τaτ' m_τ') + ε_ζaτ (δ_bτ + i ε_bττ' m_τ')).
     */
    @Test
    void thermodynamicLimitOfEq18IsThePapersS20() {
        String[][] offC = {{"3/10", "1/5-I/10", "I/5"}, {"1/5+I/10", "1/4", "1/10"}, {"-I/5", "1/10", "2/5"}};
        String[][] off = new String[3][3];
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) off[a][b] = "(" + offC[a][b] + ")/N";
        Model model = Model.builder("eq18-general").spinEnsembles(1, 8).spinChannel(1, exprs(GAMMA), exprs(off)).build();
        EquationSystem lim = Derivation.derive(model, 1).thermodynamicLimit();
        cumulus.api.Complex[][] gd = new cumulus.api.Complex[3][3], go = new cumulus.api.Complex[3][3];
        cumulus.api.Complex i = new cumulus.api.Complex(0, 1);
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) {
            gd[a][b] = i.times(cumulus.api.Expr.parse(GAMMA[a][b]).evaluate(Map.of()));
            go[a][b] = i.times(cumulus.api.Expr.parse(offC[a][b]).evaluate(Map.of()));
        }
        Random rnd = new Random(18);
        for (int trial = 0; trial < 5; trial++) {
            double[] m = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double[] y = new double[lim.unknowns().size()];
            for (int a = 0; a < 3; a++) y[lim.indexOf("m1" + "xyz".charAt(a))] = m[a];
            double[] rhs = lim.rhs(0, y, new HashMap<>(Map.of("N", 8.0, "S", 4.0)));
            for (int z = 0; z < 3; z++) {
                cumulus.api.Complex want = cumulus.api.Complex.ZERO;
                for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) for (int t = 0; t < 3; t++) {
                    double off1 = eps(b, z, t) * m[t] * m[a] + eps(z, a, t) * m[b] * m[t];
                    want = want.plus(go[a][b].times(off1));
                    cumulus.api.Complex d1 = new cumulus.api.Complex(t == a ? 1 : 0, 0), d2 = new cumulus.api.Complex(b == t ? 1 : 0, 0);
                    for (int u = 0; u < 3; u++) {
                        d1 = d1.plus(i.times(eps(t, a, u) * m[u]));
                        d2 = d2.plus(i.times(eps(b, t, u) * m[u]));
                    }
                    want = want.plus(gd[a][b].times(d1.times(eps(b, z, t)).plus(d2.times(eps(z, a, t)))));
                }
                assertEquals(0, want.im(), 1e-12, "(S20) is real for Hermitian γ");
                assertEquals(want.re(), rhs[lim.indexOf("m1" + "xyz".charAt(z))], 1e-12, "dm_" + "xyz".charAt(z) + "/dt against (S20)");
            }
        }
    }

    @Test
    void orderOneEquationsAreTheCollectiveOnesPlusSingleSpinDecay() {
        EquationSystem local = Derivation.derive(new LocalBtc().model(), 1);
        EquationSystem btc = Derivation.derive(new Btc().model(), 1);
        assertEquals(btc.unknowns(), local.unknowns());
        Random rnd = new Random(3);
        for (int trial = 0; trial < 5; trial++) {
            double[] y = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double g = trial == 0 ? 0 : rnd.nextDouble();
            Map<String, Double> p = new HashMap<>(Map.of("N", 10.0, "S", 5.0, "omega_x", 1.3, "kappa", 0.7, "gamma_local", g));
            double[] a = local.rhs(0, y, p), b = btc.rhs(0, y, p);
            int ix = local.indexOf("m1x"), iy = local.indexOf("m1y"), iz = local.indexOf("m1z");
            assertEquals(b[ix] - g * y[ix] / 2, a[ix], 1e-12);
            assertEquals(b[iy] - g * y[iy] / 2, a[iy], 1e-12);
            assertEquals(b[iz] - g * (1 + y[iz]), a[iz], 1e-12);
        }
    }

    @Test
    void meanFieldIsExactForTheLocalBtc() {
        MeanFieldVerdict v = MeanFieldVerifier.verify(new LocalBtc().model());
        assertTrue(v.meanfieldExact(), v.reasons().toString());
    }

    @Test
    void unscaledLocalRatesAreFlagged() {
        // a local rate growing with N breaks the scaling (first-order rate O(N))
        Model bad = Model.builder("bad-local").spinEnsembles(1, 4).real("g", 1, "")
                .hamiltonian(OpSum.sx(1).scale("1/S")).localEmission(1, "g*N").build();
        assertFalse(MeanFieldVerifier.verify(bad).meanfieldExact());
    }
}
