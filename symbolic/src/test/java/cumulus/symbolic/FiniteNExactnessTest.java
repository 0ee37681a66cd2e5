package cumulus.symbolic;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.models.Btc;
import cumulus.models.BtcPair;
import cumulus.models.Dephasing;
import cumulus.models.Dicke;
import cumulus.api.OpSum;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.ops.OpMono;
import cumulus.symbolic.ops.OpPoly;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact finite-N identities against dense matrices built independently from the model declaration:
 * Tr(L†(O) ρ) = Tr(O L[ρ]) for the unclosed Heisenberg equation (S1), and the exact (unclosed)
 * symmetrized-cumulant right-hand sides against d/dt of the cumulants of a random ρ.
 */
class FiniteNExactnessTest {
    static final double TOL = 1e-10;

    private static Map<String, Double> values(Model m, int n) {
        Map<String, Double> v = new HashMap<>();
        for (var p : m.parameters()) v.put(p.name(), p.defaultValue());
        v.put("N", (double) n);
        return v;
    }

    /** Operators to test: every letter, every ordered pair, and some ordered triples. */
    private static List<List<Integer>> words(int letters, long seed) {
        List<List<Integer>> out = new ArrayList<>();
        for (int a = 0; a < letters; a++) out.add(List.of(a));
        for (int a = 0; a < letters; a++) for (int b = 0; b < letters; b++) out.add(List.of(a, b));
        Random r = new Random(seed);
        for (int k = 0; k < 8; k++) out.add(List.of(r.nextInt(letters), r.nextInt(letters), r.nextInt(letters)));
        return out;
    }

    private static void checkHeisenberg(Model model, Map<String, Double> values, int maxFock) { checkHeisenberg(model, values, maxFock, 12); }

    private static void checkHeisenberg(Model model, Map<String, Double> values, int maxFock, int cutoff) {
        Heisenberg h = new Heisenberg(model);
        Dense.Rep rep = new Dense.Rep(model, values, cutoff);
        Dense rho = rep.randomState(7, maxFock);
        Dense lrho = rep.lindblad(rho);
        for (List<Integer> w : words(h.letters.count, 11)) {
            OpPoly<Poly> o = h.algebra.orderedProduct(w);
            Complex expected = rep.of(o).times(lrho).trace();
            Complex got = rep.of(h.adjointGenerator(o)).times(rho).trace();
            double err = got.minus(expected).abs();
            assertTrue(err <= TOL * Math.max(1, expected.abs()),
                    model.name() + ": d<" + w + ">/dt: Heisenberg " + got + " vs Tr(O L[rho]) " + expected);
        }
    }

    @Test void heisenbergEquationIsExactAtFiniteNForTheBtc() { checkHeisenberg(new Btc().model(), values(new Btc().model(), 3), 0); }

    @Test void heisenbergEquationIsExactAtFiniteNForHermitianJumps() { checkHeisenberg(new Dephasing().model(), values(new Dephasing().model(), 2), 0); }

    @Test void heisenbergEquationIsExactAtFiniteNForTheBtcPair() { checkHeisenberg(new BtcPair().model(), values(new BtcPair().model(), 3), 0); }

    @Test void heisenbergEquationIsExactForTheDickeModelOnLowFockStates() {
        Model m = new Dicke().model();
        checkHeisenberg(m, values(m, 2), 3);
    }

    /**
     * Two cavities a, b coupled to one ensemble through S^x and S^z·(b + b†), with a beam-splitter a†b + b†a
     * and loss on both: the CCR per mode (modes commute) gives the exact Heisenberg equations on states of
     * Fock number 0, 1 in each mode (words of three letters and L reach Fock 6 = the top of cutoff 7).
     */
    static Model twoCavities() {
        return Model.builder("two-cavities").spinEnsembles(1, 2)
                .real("wa", 1, "").real("wb", 1.3, "").real("wz", 0.8, "").real("ga", 0.7, "").real("gb", 0.5, "").real("j", 0.3, "")
                .real("ka", 1, "").real("kb", 0.6, "")
                .mode("a", cumulus.api.Expr.parse("wa"), "cutoff_a", 7)
                .mode("b", cumulus.api.Expr.parse("wb"), "cutoff_b", 7)
                .hamiltonian(OpSum.adag(1).times(OpSum.a(1)).scale("wa").plus(OpSum.adag(2).times(OpSum.a(2)).scale("wb"))
                        .plus(OpSum.sz(1).scale("wz"))
                        .plus(OpSum.a(1).plus(OpSum.adag(1)).times(OpSum.sx(1)).scale("ga/sqrt(N)"))
                        .plus(OpSum.a(2).plus(OpSum.adag(2)).times(OpSum.sz(1)).scale("gb/sqrt(N)"))
                        .plus(OpSum.adag(1).times(OpSum.a(2)).plus(OpSum.adag(2).times(OpSum.a(1))).scale("j")))
                .jump("ka", OpSum.a(1)).jump("kb", OpSum.a(2))
                .build();
    }

    @Test void heisenbergEquationIsExactForTwoCavitiesOnLowFockStates() {
        Model m = twoCavities();
        assertEquals(java.util.List.of("m1x", "m1y", "m1z", "x1", "p1", "x2", "p2"), new Heisenberg(m).letters.names());
        checkHeisenberg(m, values(m, 2), 2, 7);
    }

    @Test void exactSymmetrizedCumulantEquationsMatchTheDensityMatrixForTwoCavities() {
        Model m = twoCavities();
        checkCumulants(m, values(m, 2), 2, 2, 7);
    }

    @Test void heisenbergEquationIsExactForTheGeneralModelWithSymbolicGammaMatrix() {
        Model m = GeneralModel.build(1);
        checkHeisenberg(m, GeneralModel.randomValues(m, 5, 3), 3);
    }

    /** Issue 13's coefficient forms in one model: sums, quotients, roots, exp, complex quotients, all exact at finite N. */
    static Model finiteSizeCoefficients() {
        return Model.builder("finite-size-coefficients")
                .spinEnsembles(1, 4)
                .real("omega", 1.3, "drive").real("chi", 0.7, "twisting").real("g", 0.4, "complex drive").real("eta", 0.6, "phase")
                .real("kappa", 0.9, "decay").real("c", 1.5, "finite-size scale")
                .hamiltonian(OpSum.sx(1).scale("omega*sqrt(N*(N+1))/S")
                        .plus(OpSum.sz(1).times(OpSum.sz(1)).scale("chi/(S+1)"))
                        .plus(OpSum.sz(1).scale("(N - sqrt(N^2+1))*exp(c/N)*omega"))
                        .plus(OpSum.sp(1).scale("g/(1 + I*eta/N)")).plus(OpSum.sm(1).scale("g/(1 - I*eta/N)")))
                .jump("kappa*exp(-c/N)/(S+1/2)", OpSum.sm(1).plus(OpSum.sz(1).scale("I*eta/(N-1)")))
                .jump("kappa/sqrt(N*(N+1))", OpSum.sx(1).plus(OpSum.sy(1).scale("exp(I*eta)/(N+1)")))
                .build();
    }

    @Test void heisenbergEquationIsExactForFiniteSizeCoefficientsAtNThreeToSix() {
        Model m = finiteSizeCoefficients();
        for (int n = 3; n <= 6; n++) checkHeisenberg(m, values(m, n), 0);
    }

    @Test void exactCumulantEquationsMatchTheDensityMatrixForFiniteSizeCoefficients() {
        Model m = finiteSizeCoefficients();
        checkCumulants(m, values(m, 4), 0, 3);
    }

    /** Numeric symmetrized product of a multiset of letters. */
    private static Dense symMatrix(Dense.Rep rep, List<Integer> ls) {
        List<List<Integer>> perms = new ArrayList<>();
        permute(new ArrayList<>(ls), 0, perms);
        Dense s = new Dense(rep.dim);
        for (List<Integer> p : perms) {
            Dense w = Dense.identity(rep.dim);
            for (int l : p) w = w.times(rep.letter(l));
            s = s.plus(w);
        }
        return s.scale(Complex.real(1.0 / perms.size()));
    }

    private static void permute(List<Integer> a, int k, List<List<Integer>> out) {
        if (k == a.size()) { out.add(List.copyOf(a)); return; }
        for (int i = k; i < a.size(); i++) {
            java.util.Collections.swap(a, k, i);
            permute(a, k + 1, out);
            java.util.Collections.swap(a, k, i);
        }
    }

    /** K_s(u) and its time derivative along L[ρ], numerically: [value, derivative]. */
    private static double[] cumulant(CumulantEngine eng, Dense.Rep rep, Dense rho, Dense lrho, List<Integer> ls) {
        double val = 0, der = 0;
        for (List<List<Integer>> pi : eng.partitions(ls.size())) {
            double f = 1;
            for (int k = 2; k < pi.size(); k++) f *= k;
            if (pi.size() % 2 == 0) f = -f;
            double[] m = new double[pi.size()], dm = new double[pi.size()];
            for (int b = 0; b < pi.size(); b++) {
                List<Integer> sub = new ArrayList<>();
                for (int pos : pi.get(b)) sub.add(ls.get(pos));
                Dense s = symMatrix(rep, sub);
                m[b] = s.times(rho).trace().re();
                dm[b] = s.times(lrho).trace().re();
            }
            double prod = 1;
            for (double x : m) prod *= x;
            val += f * prod;
            for (int b = 0; b < pi.size(); b++) {
                double p = dm[b];
                for (int c = 0; c < pi.size(); c++) if (c != b) p *= m[c];
                der += f * p;
            }
        }
        return new double[]{val, der};
    }

    private static void checkCumulants(Model model, Map<String, Double> values, int maxFock, int maxOrder) { checkCumulants(model, values, maxFock, maxOrder, 12); }

    private static void checkCumulants(Model model, Map<String, Double> values, int maxFock, int maxOrder, int cutoff) {
        Heisenberg h = new Heisenberg(model);
        CumulantEngine eng = new CumulantEngine(h, CumulantEngine.UNBOUNDED);
        Dense.Rep rep = new Dense.Rep(model, values, cutoff);
        Dense rho = rep.randomState(3, maxFock);
        Dense lrho = rep.lindblad(rho);
        int n = h.letters.count;
        List<List<Integer>> targets = new ArrayList<>();
        for (int a = 0; a < n; a++) for (int b = a; b < n; b++) targets.add(List.of(a, b));
        if (maxOrder >= 3) { targets.add(List.of(0, 1, 2)); targets.add(List.of(0, 0, n - 1)); }
        Map<String, Double> cache = new HashMap<>();
        for (List<Integer> u : targets) {
            Poly rhs = eng.cumulantRhs(OpMono.ofLetters(n, u));
            double[] expected = cumulant(eng, rep, rho, lrho, u);
            double[] got = rhs.evaluate(name -> {
                OpMono m = eng.multiset(name);
                if (m == null) return rep.value(name);
                return cache.computeIfAbsent(name, k -> cumulant(eng, rep, rho, lrho, m.letters())[0]);
            });
            assertEquals(0, got[1], TOL, model.name() + " d/dt K" + u + " must be real");
            assertEquals(expected[1], got[0], TOL * Math.max(1, Math.abs(expected[1])), model.name() + " d/dt K" + u);
        }
    }

    @Test void exactSymmetrizedCumulantEquationsMatchTheDensityMatrixForTheBtcPair() {
        Model m = new BtcPair().model();
        checkCumulants(m, values(m, 3), 0, 3);
    }

    @Test void exactSymmetrizedCumulantEquationsMatchTheDensityMatrixForTheGeneralModel() {
        Model m = GeneralModel.build(1);
        Map<String, Double> v = GeneralModel.randomValues(m, 9, 2);
        // a Hermitian H keeps every symmetrized cumulant real: symmetric spin-spin couplings
        for (char a : "xyz".toCharArray()) for (char b : "xyz".toCharArray()) v.put("W11" + a + b, v.get("W11" + (a < b ? a : b) + "" + (a < b ? b : a)));
        checkCumulants(m, v, 3, 2);
    }
}
