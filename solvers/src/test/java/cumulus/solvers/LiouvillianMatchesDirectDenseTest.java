package cumulus.solvers;

import cumulus.solvers.space.HermitianBasis;
import cumulus.solvers.dicke.NumericModel;
import cumulus.solvers.dicke.Liouvillian;

import cumulus.api.Complex;
import cumulus.api.Dissipator;
import cumulus.api.Model;
import cumulus.api.Op;
import cumulus.models.Btc;
import cumulus.models.BtcPair;
import cumulus.models.Dephasing;
import cumulus.models.Dicke;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sparse real Liouvillian applied to the coordinates of a random Hermitian ρ equals the
 * coordinates of L[ρ] = −i[H,ρ] + Σ rate (LρL† − ½{L†L,ρ}) + (1/S) Σ Γ_ab (S^a ρ S^b − ½{S^b S^a, ρ})
 * computed directly with dense complex matrices, to 1e-12 relative to max|L[ρ]|.
 */
class LiouvillianMatchesDirectDenseTest {

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(new Btc().model(), Map.of("N", "3", "omega_x", "0.7")),
                Arguments.of(new Btc().model(), Map.of("N", "6")),
                Arguments.of(new Dephasing().model(), Map.of("N", "5")),
                Arguments.of(new BtcPair().model(), Map.of("N", "2")),
                Arguments.of(new Dicke().model(), Map.of("N", "2", "cutoff", "4", "g", "0.8")),
                Arguments.of(GammaMatrixFormTest.gammaModel(false), Map.of("N", "4")),
                Arguments.of(GammaMatrixFormTest.gammaModel(true), Map.of("N", "3")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void sparseRealLiouvillianEqualsDenseMasterEquation(Model model, Map<String, String> set) {
        Map<String, Double> p = model.resolve(set);
        NumericModel nm = new NumericModel(model, p);
        Liouvillian l = Liouvillian.assemble(nm);
        int d = nm.dimension();
        double[][][] rho = Dense.randomHermitian(d, 42);
        double[][][] direct = direct(model, nm, rho);
        HermitianBasis b = l.basis();
        double[] x = b.coordinates(rho[0], rho[1]);
        double[] y = new double[x.length];
        l.apply(x, y);
        double[] expect = b.coordinates(direct[0], direct[1]);
        double scale = Dense.maxAbs(direct), err = 0;
        for (int i = 0; i < y.length; i++) err = Math.max(err, Math.abs(y[i] - expect[i]));
        assertTrue(err <= 1e-12 * scale, "max coordinate error " + err + " vs scale " + scale);
        // and L[ρ] is Hermitian (the coordinates represent it exactly) and traceless
        double[][][] back = b.matrix(y);
        double diff = 0;
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++)
            diff = Math.max(diff, Math.hypot(back[0][i][j] - direct[0][i][j], back[1][i][j] - direct[1][i][j]));
        assertTrue(diff <= 1e-12 * scale, "matrix error " + diff);
        assertTrue(Math.abs(b.trace(y)) <= 1e-12 * scale * d, "trace of L[rho] " + b.trace(y));
    }

    /** L[ρ] straight from the definitions, dense. */
    static double[][][] direct(Model model, NumericModel nm, double[][][] rho) {
        Map<String, Double> v = nm.values();
        int d = nm.dimension();
        double[][][] h = Dense.of(nm.operator(model.hamiltonian()));
        double[][][] out = Dense.zero(d);
        Dense.addScaled(out, 0, -1, Dense.times(h, rho));
        Dense.addScaled(out, 0, 1, Dense.times(rho, h));
        for (Dissipator dis : model.dissipators()) {
            if (dis instanceof Dissipator.Jump j) {
                double r = j.rate().evaluate(v).re();
                double[][][] lj = Dense.of(nm.operator(j.operator())), ld = Dense.dagger(lj);
                double[][][] ldl = Dense.times(ld, lj);
                Dense.addScaled(out, r, 0, Dense.times(Dense.times(lj, rho), ld));
                Dense.addScaled(out, -r / 2, 0, Dense.times(ldl, rho));
                Dense.addScaled(out, -r / 2, 0, Dense.times(rho, ldl));
            } else if (dis instanceof Dissipator.GammaMatrix g) {
                double s = v.get("S");
                Op.Component[] c = {Op.Component.X, Op.Component.Y, Op.Component.Z};
                for (int a = 0; a < 3; a++) for (int bb = 0; bb < 3; bb++) {
                    Complex gab = g.get(a, bb).evaluate(v).times(1 / s);
                    double[][][] sa = Dense.of(nm.space().operator(new Op.Spin(g.ensemble(), c[a])));
                    double[][][] sb = Dense.of(nm.space().operator(new Op.Spin(g.ensemble(), c[bb])));
                    double[][][] sbsa = Dense.times(sb, sa);
                    Dense.addScaled(out, gab.re(), gab.im(), Dense.times(Dense.times(sa, rho), sb));
                    Dense.addScaled(out, -gab.re() / 2, -gab.im() / 2, Dense.times(sbsa, rho));
                    Dense.addScaled(out, -gab.re() / 2, -gab.im() / 2, Dense.times(rho, sbsa));
                }
            }
        }
        return out;
    }
}
