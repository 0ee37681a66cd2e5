package cumulus.plugins;

import cumulus.modelfile.ModelFile;

import cumulus.solvers.space.CMatrix;
import cumulus.solvers.space.HermitianBasis;
import cumulus.solvers.dicke.NumericModel;
import cumulus.solvers.dicke.Liouvillian;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.api.OpSum;
import cumulus.models.Btc;
import cumulus.models.BtcPair;
import cumulus.models.Dephasing;
import cumulus.symbolic.Heisenberg;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.ops.OpMono;
import cumulus.symbolic.ops.OpPoly;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The honest cross-check of two independent routes (issue 3): the symbolic engine's exact, unclosed
 * Heisenberg equations d⟨O⟩/dt = ⟨L†(O)⟩, evaluated on a random density matrix, equal Tr(O L[ρ])
 * with L the exact engine's sparse real Liouvillian — for every first moment and every ordered
 * product of two letters (m_i^a, x, p), at N = 6, to 1e-10.
 */
class SymbolicVersusExactTest {
    static final double TOL = 1e-10;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"btc", "dephasing", "btc-pair"})
    void heisenbergEquationsEqualTheTraceOfOTimesLrho(String name) {
        Model model = switch (name) {
            case "btc" -> new Btc().model();
            case "dephasing" -> new Dephasing().model();
            default -> new BtcPair().model();
        };
        check(model, model.resolve(Map.of("N", "6")));
    }

    /**
     * Issue 13: finite-size coefficients (kappa/(S+1), sqrt(N(N+1))/S, (S+1/2), 1/(N−1), exp(c/N),
     * N − sqrt(N²+1), symbolic powers, complex exp(i w t) and 1/(1 + i eta/N)) stay exact at finite N:
     * the model files of examples/models/coefficients without a boson, at N = 3..6 (t = 0.7).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"btc-s-plus-one", "btc-pair-s-plus-one", "btc-sqrt-n2-plus-1", "btc-n-plus-one", "lmg-casimir", "btc-s-half",
            "btc-pair-n-minus-one", "btc-exp-correction", "btc-cancelling-drive", "btc-pair-sqrt-coupling", "btc-power-law",
            "btc-pair-balanced-coupling", "btc-rotating-drive"})
    void finiteSizeCoefficientsKeepTheHeisenbergEquationsExact(String name) {
        Model model = ModelFile.load(cumulus.solvers.Refs.repoRoot().resolve("examples/models/coefficients/" + name + ".yaml"));
        int maxN = model.ensembles() > 1 ? 4 : 6;
        for (int n = 3; n <= maxN; n++) {
            Map<String, Double> values = new java.util.HashMap<>(model.resolve(Map.of("N", Integer.toString(n))));
            values.put("t", 0.7);
            check(model, values);
        }
    }

    private static void check(Model model, Map<String, Double> values) {
        NumericModel nm = new NumericModel(model, values);
        Liouvillian l = Liouvillian.assemble(nm);
        HermitianBasis basis = l.basis();
        double[] x = randomState(nm.dimension(), basis, new Random(2026));
        double[] lx = new double[x.length];
        l.apply(x, lx);

        Heisenberg h = new Heisenberg(model);
        List<CMatrix> letters = new ArrayList<>();
        for (Model.Observable o : model.observables()) letters.add(nm.operator(o.operator()));
        assertEquals(h.letters.count, letters.size());

        int checked = 0;
        for (int a = 0; a < letters.size(); a++) {
            checkWord(List.of(a), h, letters, basis, x, lx, values, model.name());
            checked++;
            for (int b = 0; b < letters.size(); b++) {
                checkWord(List.of(a, b), h, letters, basis, x, lx, values, model.name());
                checked++;
            }
        }
        assertEquals(letters.size() * (letters.size() + 1), checked);
    }

    private static void checkWord(List<Integer> w, Heisenberg h, List<CMatrix> letters, HermitianBasis basis,
                                  double[] x, double[] lx, Map<String, Double> values, String model) {
        OpPoly<Poly> o = h.algebra.orderedProduct(w);
        Complex expected = basis.expectation(matrix(o, letters, values), lx);
        Complex got = basis.expectation(matrix(h.adjointGenerator(o), letters, values), x);
        double err = got.minus(expected).abs();
        assertTrue(err <= TOL * Math.max(1, expected.abs()),
                model + ": d<" + w + ">/dt from the symbolic engine " + got + " vs Tr(O L[rho]) " + expected + " (error " + err + ")");
    }

    /** Matrix of a symbolic operator polynomial: each word is the ordered product of its letters. */
    private static CMatrix matrix(OpPoly<Poly> o, List<CMatrix> letters, Map<String, Double> values) {
        int d = letters.get(0).rows();
        CMatrix r = CMatrix.zero(d, d);
        for (Map.Entry<OpMono, Poly> e : o.terms().entrySet()) {
            double[] c = e.getValue().evaluate(name -> {
                Double v = values.get(name);
                if (v == null) throw new IllegalArgumentException("no value for " + name);
                return v;
            });
            CMatrix p = CMatrix.identity(d);
            for (int k : e.getKey().letters()) p = p.times(letters.get(k));
            r = r.plus(p.scale(new Complex(c[0], c[1])));
        }
        return r;
    }

    /** A random full-rank density matrix ρ = A A† / Tr(A A†), in Hermitian-basis coordinates. */
    private static double[] randomState(int d, HermitianBasis basis, Random rnd) {
        double[][] ar = new double[d][d], ai = new double[d][d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) { ar[i][j] = rnd.nextGaussian(); ai[i][j] = rnd.nextGaussian(); }
        double[][] re = new double[d][d], im = new double[d][d];
        double tr = 0;
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) {
            double sr = 0, si = 0;
            for (int k = 0; k < d; k++) { // (A A†)_ij = Σ_k A_ik conj(A_jk)
                sr += ar[i][k] * ar[j][k] + ai[i][k] * ai[j][k];
                si += ai[i][k] * ar[j][k] - ar[i][k] * ai[j][k];
            }
            re[i][j] = sr;
            im[i][j] = si;
            if (i == j) tr += sr;
        }
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) { re[i][j] /= tr; im[i][j] /= tr; }
        return basis.coordinates(re, im);
    }
}
