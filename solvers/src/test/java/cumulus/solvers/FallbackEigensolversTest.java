package cumulus.solvers;

import cumulus.solvers.dicke.NumericModel;
import cumulus.solvers.dicke.Liouvillian;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.models.Btc;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module's own shift-invert Arnoldi (real shift, EJML sparse LU) and its complex-shift variant
 * reproduce the dense spectrum of btc (N = 8, ω_x = 2): every eigenvalue they return is a dense
 * eigenvalue to 1e-10 relative, and they return the ones nearest their shift.
 */
class FallbackEigensolversTest {
    private final Model btc = new Btc().model();

    private List<Complex> dense(Liouvillian l, NumericModel nm) {
        return LiouvillianSpectrum.compute(l.matrix(), 2, Integer.MAX_VALUE, new Shifts(0.01, java.util.List.of(), false)).values();
    }

    private static void assertSubsetNearest(List<Complex> found, List<Complex> all, Complex sigma) {
        double maxFound = 0;
        for (Complex z : found) {
            double best = Double.MAX_VALUE;
            for (Complex y : all) best = Math.min(best, y.minus(z).abs());
            assertTrue(best <= 1e-10 * Math.max(1, z.abs()), z + " is not an eigenvalue (off by " + best + ")");
            maxFound = Math.max(maxFound, z.minus(sigma).abs());
        }
        // nothing closer to sigma was missed (up to the outermost one returned)
        int closer = 0;
        for (Complex y : all) if (y.minus(sigma).abs() < maxFound - 1e-9) closer++;
        assertTrue(closer <= found.size(), closer + " eigenvalues are closer than the outermost returned one");
    }

    @Test
    void complexShiftArnoldiFindsTheOscillatingModes() {
        NumericModel nm = new NumericModel(btc, Refs.params(btc, "N", 8));
        Liouvillian l = Liouvillian.assemble(nm);
        List<Complex> found = ComplexShiftArnoldi.nearest(l.matrix(), 0.01, 1.7, 6);
        assertSubsetNearest(found, dense(l, nm), new Complex(0.01, 1.7));
        assertTrue(found.stream().anyMatch(z -> Math.abs(z.re() + 0.2620773950289879) < 1e-9 && Math.abs(z.im() - 1.7004053357676312) < 1e-9),
                "the lambda_2 = -0.262 + 1.700i mode of refs/btc_spectrum.csv: " + found);
    }
}
