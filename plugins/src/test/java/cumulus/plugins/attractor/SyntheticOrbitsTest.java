package cumulus.plugins.attractor;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property test of the trajectory analysis: synthetic trajectories whose answer is known in closed
 * form (random draws from each family, fixed seed), sampled like a run of classify (dt = 0.01).
 */
class SyntheticOrbitsTest {
    private static final List<String> NAMES = List.of("m1x", "m1y", "m1z");
    private static final int Z = 2;

    private static StateSeries sample(double tEnd, DoubleFunction<double[]> x) {
        double dt = 0.01;
        int n = (int) Math.round(tEnd / dt) + 1;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) rows[i] = x.apply(i * dt);
        return new StateSeries(NAMES, 0, dt, rows);
    }

    /** A random orthonormal frame (u, v, w) in three dimensions. */
    private static double[][] frame(Random r) {
        double[] u = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        normalize(u);
        double[] a = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        double d = a[0] * u[0] + a[1] * u[1] + a[2] * u[2];
        for (int c = 0; c < 3; c++) a[c] -= d * u[c];
        normalize(a);
        double[] w = {u[1] * a[2] - u[2] * a[1], u[2] * a[0] - u[0] * a[2], u[0] * a[1] - u[1] * a[0]};
        return new double[][]{u, a, w};
    }

    private static void normalize(double[] v) {
        double s = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        for (int c = 0; c < 3; c++) v[c] /= s;
    }

    @Test
    void dampedSpiralsAreFixedPointsWithTheirDecayRateDownToOneInAThousand() {
        Random r = new Random(16);
        double[] rates = {1e-3, 1.7e-3, 4e-3, 0.012, 0.04, 0.11, 0.3};
        for (double lambda : rates) {
            double omega = 0.5 + 2.5 * r.nextDouble(), ellipse = 0.3 + 0.7 * r.nextDouble(), amp = 0.05 + r.nextDouble();
            double[][] f = frame(r);
            double[] c = {r.nextGaussian() * 0.3, r.nextGaussian() * 0.3, r.nextGaussian() * 0.3};
            StateSeries s = sample(400, t -> {
                double e = amp * Math.exp(-lambda * t), p = e * Math.cos(omega * t), q = e * ellipse * Math.sin(omega * t);
                return new double[]{c[0] + p * f[0][0] + q * f[1][0], c[1] + p * f[0][1] + q * f[1][1], c[2] + p * f[0][2] + q * f[1][2]};
            });
            OrbitAnalysis.Verdict v = OrbitAnalysis.of(s, Z);
            String what = String.format("spiral lambda = %g, omega = %.3f, axis ratio %.2f: %s", lambda, omega, ellipse, v.details());
            assertEquals(OrbitAnalysis.Kind.FIXED_POINT, v.kind(), what);
            assertEquals("decay-rate", v.evidence().kind(), what);
            assertEquals(lambda, v.evidence().value(), 0.01 * lambda, what);
            assertTrue(Double.isNaN(v.period()));
        }
    }

    @Test
    void aSlowSpiralWithAFastTransientModeIsStillAFixedPoint() {
        // a second, fast mode (rate 0.2) dies in the transient; the slow one (2e-3) decides
        StateSeries s = sample(400, t -> new double[]{
                0.1 + 0.3 * Math.exp(-2e-3 * t) * Math.cos(1.3 * t) + 0.5 * Math.exp(-0.2 * t) * Math.cos(3.1 * t),
                -0.2 + 0.3 * Math.exp(-2e-3 * t) * Math.sin(1.3 * t),
                0.7 + 0.5 * Math.exp(-0.2 * t) * Math.sin(3.1 * t)});
        OrbitAnalysis.Verdict v = OrbitAnalysis.of(s, Z);
        assertEquals(OrbitAnalysis.Kind.FIXED_POINT, v.kind(), v.details());
        assertEquals(2e-3, v.evidence().value(), 2e-5, v.details());
    }

    @Test
    void aNodeAndAStateThatNeverMovesAreFixedPoints() {
        OrbitAnalysis.Verdict node = OrbitAnalysis.of(sample(400, t -> new double[]{0.3 + 0.2 * Math.exp(-0.01 * t), -0.1 * Math.exp(-0.01 * t), 0.9}), Z);
        assertEquals(OrbitAnalysis.Kind.FIXED_POINT, node.kind(), node.details());
        assertEquals(0.01, node.evidence().value(), 1e-4, node.details());
        OrbitAnalysis.Verdict still = OrbitAnalysis.of(sample(100, t -> new double[]{0.6, 0, 0.8}), Z);
        assertEquals(OrbitAnalysis.Kind.FIXED_POINT, still.kind(), still.details());
        assertTrue(still.evidence().value() > 0, still.details());
    }

    /**
     * A period-k orbit: the fast oscillation at ω modulated at ω/k, so the full state returns after
     * 2πk/ω and m1z has k maxima of different heights per period.
     */
    @Test
    void periodOneTwoAndThreeOrbitsHaveTheirPeriodAndMultiplicity() {
        Random r = new Random(3);
        for (int k = 1; k <= 3; k++) {
            for (int draw = 0; draw < 3; draw++) {
                double omega = 0.8 + 1.7 * r.nextDouble(), phi = 0.2 + 0.4 * r.nextDouble(), a = 0.15 + 0.15 * r.nextDouble();
                double slow = omega / k;
                StateSeries s = sample(400, t -> new double[]{
                        Math.sin(omega * t) + 0.2 * Math.sin(slow * t),
                        0.5 * Math.cos(2 * omega * t) - 0.1,
                        Math.cos(omega * t) + a * Math.cos(slow * t + phi)});
                OrbitAnalysis.Verdict v = OrbitAnalysis.of(s, Z);
                String what = String.format("period-%d orbit, omega = %.4f: %s", k, omega, v.details());
                assertEquals(OrbitAnalysis.Kind.PERIODIC, v.kind(), what);
                assertEquals(2 * Math.PI / slow, v.period(), 1e-8 * v.period(), what);
                assertEquals(k, v.multiplicity(), what + " maxima " + v.maxima());
            }
        }
    }

    @Test
    void anOrbitStillBeingApproachedIsPeriodicWithItsContractionRate() {
        double omega = 1.7, mu = 0.02;
        StateSeries s = sample(400, t -> {
            double rad = 1 + 0.5 * Math.exp(-mu * t);
            return new double[]{rad * Math.cos(omega * t), rad * Math.sin(omega * t), 0.3 * Math.cos(2 * omega * t)};
        });
        OrbitAnalysis.Verdict v = OrbitAnalysis.of(s, Z);
        assertEquals(OrbitAnalysis.Kind.PERIODIC, v.kind(), v.details());
        assertEquals(2 * Math.PI / omega, v.period(), 1e-8, v.details());
        assertEquals(mu, v.contraction(), 0.1 * mu, v.details());
    }

    @Test
    void toriOfTwoIncommensurateFrequenciesAreQuasiPeriodic() {
        double golden = (1 + Math.sqrt(5)) / 2;
        double[][] pairs = {{1, Math.sqrt(2)}, {1.3, 1.3 * golden}, {0.9, 0.9 * Math.PI / 2}, {2.1, 2.1 / Math.sqrt(3)}};
        for (double[] w : pairs) {
            StateSeries s = sample(800, t -> new double[]{
                    Math.cos(w[0] * t) + 0.4 * Math.cos(w[1] * t),
                    Math.sin(w[0] * t) + 0.4 * Math.sin(w[1] * t),
                    0.3 * Math.cos((w[0] - w[1]) * t) + 0.5 * Math.cos(w[0] * t + 0.4)});
            OrbitAnalysis.Verdict v = OrbitAnalysis.of(s, Z);
            String what = String.format("torus %.4f, %.4f: %s", w[0], w[1], v.details());
            assertEquals(OrbitAnalysis.Kind.QUASI_PERIODIC, v.kind(), what);
            assertEquals("frequency-drift", v.evidence().kind());
            assertTrue(v.evidence().value() < 1e-6, what);
        }
    }

    @Test
    void theLorenzAttractorIsIrregular() {
        // sigma = 10, rho = 28, beta = 8/3, integrated with commons-math's Dormand-Prince 8(5,3)
        FirstOrderDifferentialEquations lorenz = new FirstOrderDifferentialEquations() {
            @Override public int getDimension() { return 3; }
            @Override public void computeDerivatives(double t, double[] y, double[] dy) {
                dy[0] = 10 * (y[1] - y[0]);
                dy[1] = y[0] * (28 - y[2]) - y[1];
                dy[2] = y[0] * y[1] - 8.0 / 3 * y[2];
            }
        };
        var ig = new org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator(1e-10, 1, 1e-12, 1e-10);
        double[] y = {1, 1, 20};
        ig.integrate(lorenz, 0, y, 20, y); // onto the attractor
        double[][] rows = new double[20001][];
        rows[0] = y.clone();
        for (int i = 1; i < rows.length; i++) {
            ig.integrate(lorenz, 0, y, 0.01, y);
            rows[i] = y.clone();
        }
        OrbitAnalysis.Verdict v = OrbitAnalysis.of(new StateSeries(NAMES, 0, 0.01, rows), Z);
        assertEquals(OrbitAnalysis.Kind.IRREGULAR, v.kind(), v.details());
        assertTrue(v.evidence().value() > 1e-4, v.details());
    }
}
