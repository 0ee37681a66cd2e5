package cumulus.solvers;

import cumulus.solvers.space.SparseOps;
import cumulus.solvers.dicke.NumericModel;
import cumulus.solvers.dicke.Liouvillian;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.api.Progress;
import cumulus.models.Btc;
import cumulus.models.Dephasing;
import cumulus.solvers.sparse.RightmostEigen;
import cumulus.solvers.sparse.ShiftInvertEigen;
import cumulus.solvers.sparse.Stage;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rightmost eigenvalues from one real factorization ({@link RightmostEigen}): against closed forms, the dense
 * spectrum, and QuTiP (refs/btc_spectrum.csv), with the cases that defeat an ordering by distance to a real shift.
 */
class RightmostEigenTest {

    private static DMatrixSparseCSC liouvillian(Model model, Object... kv) {
        return Liouvillian.assemble(new NumericModel(model, Refs.params(model, kv))).matrix();
    }

    private static Complex nonzeroRightmost(List<Complex> vals, double norm) {
        for (Complex z : vals) if (z.abs() > 1e-9 * norm) return z.im() < 0 ? z.conj() : z;
        throw new AssertionError("no nonzero eigenvalue in " + vals);
    }

    /**
     * Collective dephasing at N = 48: λ1 = −γ/2N + i sqrt(ω² − (γ/2N)²) (closed form) lies at distance ~ω from
     * the real axis with more than six slow real modes nearer a small real shift: the six eigenvalues nearest
     * σ miss it, the rightmost ordering on the same factorization finds it.
     */
    @Test
    void dephasingGapIsTheOscillatingModeBehindTheSlowRealOnes() {
        int n = 48;
        double omega = 1.3, gamma = 1;
        DMatrixSparseCSC l = liouvillian(new Dephasing().model(), "N", n, "omega_x", omega, "gamma", gamma);
        double norm = SparseOps.norm1(l), g = gamma / (2.0 * n);
        Complex want = new Complex(-g, Math.sqrt(omega * omega - g * g));
        double sigma = RightmostEigen.defaultShift(l);
        for (Complex z : ShiftInvertEigen.nearest(l, sigma, 6))
            assertTrue(z.minus(want).abs() > 0.1, "the nearest-sigma search should not reach lambda1 here: " + z);
        RightmostEigen.Result r = RightmostEigen.compute(l, 2, RightmostEigen.Options.defaults());
        Complex l1 = nonzeroRightmost(r.values(), norm);
        assertEquals(0, l1.minus(want).abs(), 1e-9, "lambda1 " + l1 + " vs closed form " + want + " (" + r.method() + ")");
        assertTrue(r.values().get(0).abs() <= 1e-9 * norm, "lambda0 = 0 first: " + r.values());
    }

    /** btc N = 24: the five rightmost equal the first five of the dense spectrum sorted by real part. */
    @Test
    void btcRightmostAgreeWithTheDenseSpectrum() {
        DMatrixSparseCSC l = liouvillian(new Btc().model(), "N", 24, "omega_x", 2.0, "kappa", 1.0);
        double norm = SparseOps.norm1(l);
        List<Complex> dense = new ArrayList<>(LiouvillianSpectrum.denseEig(l));
        dense.sort(Comparator.comparingDouble(Complex::re).reversed());
        RightmostEigen.Result r = RightmostEigen.compute(l, 5, RightmostEigen.Options.defaults());
        assertTrue(r.values().size() >= 5, r.values().toString());
        for (int i = 0; i < 5; i++) {
            Complex z = r.values().get(i);
            double best = Double.POSITIVE_INFINITY;
            for (Complex d : dense) best = Math.min(best, d.minus(z).abs());
            assertTrue(best <= 1e-9 * norm, "eigenvalue " + z + " is not in the dense spectrum");
            assertEquals(dense.get(i).re(), z.re(), 1e-9 * norm, "Re of the " + i + "-th rightmost");
        }
        // Bendixson's box holds the whole spectrum
        for (Complex d : dense) {
            assertTrue(d.re() <= r.certificate().bendixsonRe() + 1e-9 * norm, "Re " + d + " outside the box");
            assertTrue(Math.abs(d.im()) <= r.certificate().bendixsonIm() + 1e-9 * norm, "Im " + d + " outside the box");
        }
        assertTrue(r.certificate().stableRestarts() >= RightmostEigen.Options.defaults().verifyRestarts(), r.certificate().text());
    }

    /** The btc gap eigenvalue on the sparse route equals QuTiP's (refs/btc_spectrum.csv, N = 16 and 32) to 1e-8. */
    @Test
    void btcGapEqualsQutipOnTheSparseRoute() {
        Model btc = new Btc().model();
        for (Map<String, Double> ref : Refs.read("btc_spectrum.csv")) {
            int n = ref.get("N").intValue();
            if (n < 16) continue;
            DMatrixSparseCSC l = liouvillian(btc, "N", n, "omega_x", ref.get("omega_x"), "kappa", ref.get("kappa"));
            RightmostEigen.Result r = RightmostEigen.compute(l, 2, RightmostEigen.Options.defaults());
            Complex l1 = nonzeroRightmost(r.values(), SparseOps.norm1(l));
            Complex want = new Complex(ref.get("re1"), Math.abs(ref.get("im1")));
            assertTrue(l1.minus(want).abs() <= 1e-8 * Math.max(1, want.abs()), "N=" + n + " omega_x=" + ref.get("omega_x") + ": " + l1 + " vs QuTiP " + want);
        }
    }

    /** The engine's rightmost route (no complex shifts) reports the dephasing gap of the closed form at N = 64. */
    @Test
    void engineSparseRouteFindsTheDephasingGapWithoutComplexShifts() {
        Model m = new Dephasing().model();
        int n = 64;
        var r = ExactEngine.rightmost().spectrum(m, Refs.params(m, "N", n, "omega_x", 1.0, "gamma", 1.0), 2);
        double g = 1.0 / (2 * n);
        assertEquals(-g, r.lambda1().re(), 1e-9);
        assertEquals(Math.sqrt(1 - g * g), r.lambda1().im(), 1e-9);
        assertTrue(r.method().contains("rightmost") && r.method().contains("certificate"), r.method());
        assertFalse(r.method().contains("+1.00i"), "no complex shift: " + r.method());
    }

    /**
     * btc N = 32, ω_x = 2 (time-crystal phase): the oscillating pair −0.06556 ± 1.7166i (QuTiP) lies left of the real
     * λ1 = −0.03768; the oscillating-mode search shows it left of λ1 instead of converging it, and λ1 and λ2 are
     * QuTiP's (refs/btc_spectrum.csv) to 1e-8.
     */
    @Test
    void btcOscillatingPairIsShownLeftOfTheGapWithoutConvergingIt() {
        Model m = new Btc().model();
        Map<String, Double> ref = Refs.read("btc_spectrum.csv").stream()
                .filter(r -> r.get("N") == 32 && r.get("omega_x") == 2.0).findFirst().orElseThrow();
        var r = ExactEngine.rightmost().spectrum(m, Refs.params(m, "N", 32, "omega_x", 2.0, "kappa", 1.0), 2);
        assertEquals(ref.get("re1"), r.lambda1().re(), 1e-8, r.method());
        assertEquals(0, r.lambda1().im(), 1e-8);
        assertTrue(r.method().contains("so none competes"), r.method());
        assertTrue(r.method().contains("rightmost eigenvalues of the modes with |Im| < 0.500"), r.method());
        // a longer list keeps the oscillating pair in its places (λ2, λ3 = QuTiP's second and third)
        var six = ExactEngine.rightmost().spectrum(m, Refs.params(m, "N", 32, "omega_x", 2.0, "kappa", 1.0), 6);
        Complex l2 = six.eigenvalues().get(2);
        assertEquals(ref.get("re2"), l2.re(), 1e-8, six.method());
        assertEquals(Math.abs(ref.get("im2")), Math.abs(l2.im()), 1e-8, six.method());
        assertFalse(six.method().contains("so none competes"), six.method());
    }

    /** Short stages say nothing: progress lines start only after two seconds. */
    @Test
    void shortStagesAreSilent() {
        List<String> lines = new ArrayList<>();
        Progress.install(lines::add);
        try {
            Stage s = new Stage("test stage");
            s.update(0.5, "half");
            s.done("finished");
            assertTrue(lines.isEmpty(), lines.toString());
        } finally {
            Progress.install(Progress.SILENT);
        }
    }

    /**
     * The oscillating-mode search tried on the first search's LU (forced here by a reuse ratio of 0) counts only if it
     * shows the line unreached. btc N = 40: λ1 is real and the oscillating pairs lie left of it, so the trial decides and
     * the answer is the two-LU route's. Dephasing N = 48: λ1 IS the oscillating mode (closed form), right of the line
     * of the real modes, so the trial cannot resolve the line and the search at σ = ω must still find λ1.
     */
    @Test
    void oscillatingSearchOnTheFirstLuCountsOnlyWhenItResolvesTheLine() {
        DMatrixSparseCSC btc = liouvillian(new Btc().model(), "N", 40, "omega_x", 2.0);
        RightmostEigen.Options two = RightmostEigen.Options.defaults().withOscillation(2.0).withReuseRatio(Double.POSITIVE_INFINITY);
        RightmostEigen.Result ref = RightmostEigen.compute(btc, 2, two);
        RightmostEigen.Result trial = RightmostEigen.compute(btc, 2, two.withReuseRatio(0));
        assertTrue(trial.method().contains("on the first LU (its factorization"), trial.method());
        assertFalse(ref.method().contains("first LU"), ref.method());
        double norm = SparseOps.norm1(btc);
        assertEquals(0, nonzeroRightmost(trial.values(), norm).minus(nonzeroRightmost(ref.values(), norm)).abs(), 1e-10,
                trial.method() + " | " + ref.method());

        int n = 48;
        double omega = 1.3, g = 1 / (2.0 * n);
        DMatrixSparseCSC deph = liouvillian(new Dephasing().model(), "N", n, "omega_x", omega, "gamma", 1.0);
        RightmostEigen.Result r = RightmostEigen.compute(deph, 2, RightmostEigen.Options.defaults().withOscillation(omega).withReuseRatio(0));
        Complex want = new Complex(-g, Math.sqrt(omega * omega - g * g)), l1 = nonzeroRightmost(r.values(), SparseOps.norm1(deph));
        assertTrue(r.method().contains("did not resolve the line"), r.method());
        assertEquals(0, l1.minus(want).abs(), 1e-9, "lambda1 " + l1 + " vs closed form " + want + " (" + r.method() + ")");
    }
}
