package cumulus.solvers.correlation;

import cumulus.api.Model;
import cumulus.api.OpSum;
import cumulus.models.Btc;
import cumulus.solvers.Refs;
import cumulus.solvers.Spaces;
import cumulus.solvers.piqs.PermutationInvariantSpace;
import cumulus.solvers.space.LiouvillianSpace;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact power spectrum S_AB(ω) = ∫ dτ e^{−iωτ} ⟨A(τ)B(0)⟩ (steady part removed) of {@link Regression}:
 * against QuTiP (4.7.1 numbers of issue 17; 5.3.1 {@code spectrum} in refs/psd_btc.csv), across the two exact
 * spaces, and by its sum rule.
 */
class PowerSpectrumTest {
    private final Model btc = new Btc().model();

    static OpSum op(Model m, String s) { return Observables.parse(m, s, "test"); }

    private Regression btc(int n, double wx) {
        return Regression.of(Spaces.of(btc, Refs.params(btc, "N", n, "omega_x", wx, "kappa", 1.0)));
    }

    /**
     * Issue 17's QuTiP 4.7.1 values, printed to 7 decimals: 1e-7 absolute, because the last one (0.0529854) is
     * 0.05298534772 in QuTiP 5.3.1's 'es' and 'pi' solvers alike (refs/psd_btc.csv), i.e. rounded up by 5e-8.
     */
    @Test
    void btcSpectrumOfM1xMatchesQutip471() {
        Regression.Spectrum s = btc(16, 0.5).spectrum(op(btc, "m1x"), op(btc, "m1x"), new double[]{0, 0.25, 0.5, 1.0});
        double[] want = {0.1250002, 0.1150573, 0.0929995, 0.0529854};
        assertTrue(s.real());
        for (int i = 0; i < want.length; i++) assertEquals(want[i], s.re()[i], 1e-7, "omega = " + s.omega()[i]);
    }

    /**
     * The reduced basis (multipoint moment matching, {@link ReducedResolvent}) that serves most frequencies of a
     * spectrum gives what one exact factorization per frequency gives, to 1e-9 relative, in the gapless phase (sharp
     * peaks, btc N = 32, ω_x = 2) for the real S of m1x and the complex S of (m1+, m1z) — with far fewer factorizations.
     */
    @Test
    void reducedBasisSpectrumEqualsOneFactorizationPerFrequency() {
        Regression r = btc(32, 2.0);
        double[] omega = new double[81];
        for (int i = 0; i < omega.length; i++) omega[i] = -4 + 0.1 * i;
        for (String[] ab : new String[][]{{"m1x", "m1x"}, {"m1+", "m1z"}}) {
            Regression.Spectrum all = r.spectrum(op(btc, ab[0]), op(btc, ab[1]), omega);
            int factorizations = Integer.parseInt(all.method().replaceAll(".*: (\\d+) sparse LU factorizations.*", "$1"));
            assertTrue(factorizations < omega.length / 2, factorizations + " factorizations for " + omega.length + " frequencies");
            double scale = 0;
            for (int i = 0; i < omega.length; i++) scale = Math.max(scale, Math.hypot(all.re()[i], all.im()[i]));
            for (int i = 0; i < omega.length; i += 4) {
                Regression.Spectrum one = r.spectrum(op(btc, ab[0]), op(btc, ab[1]), new double[]{omega[i]});   // a fresh basis: exact
                double want = Math.hypot(one.re()[0], one.im()[0]);
                assertEquals(one.re()[0], all.re()[i], 1e-9 * want + 1e-12 * scale, ab[0] + "," + ab[1] + " re at omega = " + omega[i]);
                assertEquals(one.im()[0], all.im()[i], 1e-9 * want + 1e-12 * scale, ab[0] + "," + ab[1] + " im at omega = " + omega[i]);
            }
        }
    }

    /** refs/psd_btc.csv: S_{m1x,m1x} (QuTiP 5.3.1 'es') and the complex S_{m1+,m1z} (dense NumPy solves), 1e-9 relative + 1e-12. */
    @Test
    void btcSpectraMatchQutip531() {
        for (Map<String, Double> ref : Refs.read("psd_btc.csv")) {
            int n = ref.get("N").intValue();
            double w = ref.get("omega");
            Regression r = btc(n, ref.get("omega_x"));
            String where = "N=" + n + " omega_x=" + ref.get("omega_x") + " omega=" + w;
            Regression.Spectrum xx = r.spectrum(op(btc, "m1x"), op(btc, "m1x"), new double[]{w});
            double want = ref.get("S_m1x_es");
            assertEquals(want, xx.re()[0], 1e-9 * Math.abs(want) + 1e-12, where);
            Regression.Spectrum pz = r.spectrum(op(btc, "m1+"), op(btc, "m1z"), new double[]{w});
            assertTrue(!pz.real(), where);
            double wr = ref.get("S_m1p_m1z_re"), wi = ref.get("S_m1p_m1z_im");
            assertEquals(wr, pz.re()[0], 1e-9 * Math.hypot(wr, wi) + 1e-12, where + " re S(m1+,m1z)");
            assertEquals(wi, pz.im()[0], 1e-9 * Math.hypot(wr, wi) + 1e-12, where + " im S(m1+,m1z)");
        }
    }

    /**
     * On the permutation-invariant space (local-btc: collective and local decay, all total spins j), the spectrum by
     * one LU per ω equals the Fourier transform of the correlation propagated in time by {@link Regression#correlate}:
     * S(ω) = 2 Re ∫_0^∞ e^{−iωτ} C(τ) dτ for A = B Hermitian, C connected, by composite Simpson (dt = 0.02,
     * τ ≤ 80 where |C| < 1e-12), 1e-7 absolute.
     */
    @Test
    void permutationInvariantSpectrumIsTheFourierTransformOfItsCorrelation() {
        Model local = new cumulus.models.LocalBtc().model();
        Map<String, Double> p = Refs.params(local, "N", 6, "omega_x", 1.3, "kappa", 1.0, "gamma_local", 0.4);
        LiouvillianSpace space = Spaces.of(local, p);
        assertTrue(space instanceof PermutationInvariantSpace);
        Regression r = Regression.of(space);
        OpSum a = op(local, "m1x");
        double dt = 0.02;
        Regression.Series c = r.correlate(a, a, 80, dt, true);
        assertTrue(Math.hypot(c.re()[c.tau().length - 1], c.im()[c.tau().length - 1]) < 1e-12);
        double[] w = {0, 0.7, 1.3, 2.0};
        Regression.Spectrum s = r.spectrum(a, a, w);
        for (int k = 0; k < w.length; k++) {
            double sum = 0;
            int m = c.tau().length - 1; // even number of intervals
            for (int i = 0; i <= m; i++) {
                double f = c.re()[i] * Math.cos(w[k] * c.tau()[i]) + c.im()[i] * Math.sin(w[k] * c.tau()[i]);
                sum += f * (i == 0 || i == m ? 1 : i % 2 == 1 ? 4 : 2);
            }
            assertEquals(2 * sum * dt / 3, s.re()[k], 1e-7, "omega = " + w[k]);
        }
    }

    /**
     * Sum rule ∫ S(ω) dω/2π = ⟨AB⟩ − ⟨A⟩⟨B⟩ (the connected correlation at τ = 0), to 1e-6: Gauss–Legendre
     * quadrature in θ with ω = c·tan θ (S ~ 1/ω² tails make S(c tan θ) c sec²θ smooth on [−π/2, π/2]).
     */
    @Test
    void spectrumIntegratesToTheConnectedEqualTimeCorrelator() {
        Model local = new cumulus.models.LocalBtc().model();
        for (double wx : new double[]{0.5, 1.5, -1}) {
            // wx = -1: local-btc (permutation-invariant space), omega_x = 1.3, gamma_local = 0.4, N = 6
            Regression r = wx > 0 ? btc(8, wx) : Regression.of(Spaces.of(local, Refs.params(local, "N", 6, "omega_x", 1.3, "kappa", 1.0, "gamma_local", 0.4)));
            for (String[] ab : new String[][]{{"m1x", "m1x"}, {"m1+", "m1-"}, {"m1z", "m1x"}}) {
                OpSum a = op(btc, ab[0]), b = op(btc, ab[1]);
                if (wx < 0) { a = op(local, ab[0]); b = op(local, ab[1]); }
                GaussIntegrator g = new GaussIntegratorFactory().legendre(160, -Math.PI / 2, Math.PI / 2);
                double c = 1.0;
                double[] w = new double[g.getNumberOfPoints()];
                for (int i = 0; i < w.length; i++) w[i] = c * Math.tan(g.getPoint(i));
                Regression.Spectrum s = r.spectrum(a, b, w);
                double re = 0, im = 0;
                for (int i = 0; i < w.length; i++) {
                    double jac = c / Math.pow(Math.cos(g.getPoint(i)), 2) * g.getWeight(i) / (2 * Math.PI);
                    re += s.re()[i] * jac;
                    im += s.im()[i] * jac;
                }
                cumulus.api.Complex ab0 = r.mean(a.times(b)), ma = r.mean(a), mb = r.mean(b);
                cumulus.api.Complex want = ab0.minus(ma.times(mb));
                String where = "omega_x=" + wx + " " + ab[0] + "," + ab[1];
                assertEquals(want.re(), re, 1e-6, where);
                assertEquals(want.im(), im, 1e-6, where);
            }
        }
    }

    /**
     * A spin-boson model (open Dicke, N = 2, cutoff 8): the complex S_{x,p} and the real S_{m1+,m1-} obey the sum rule
     * (1e-6), and S_{x,x} is real; the boson operators x, p act through the same Dicke ⊗ Fock space.
     */
    @Test
    void dickeModelBosonSpectraObeyTheSumRule() {
        Model dicke = new cumulus.models.Dicke().model();
        Regression r = Regression.of(Spaces.of(dicke, Refs.params(dicke, "N", 2, "cutoff", 8, "g", 0.6)));
        GaussIntegrator g = new GaussIntegratorFactory().legendre(160, -Math.PI / 2, Math.PI / 2);
        double[] w = new double[g.getNumberOfPoints()];
        for (int i = 0; i < w.length; i++) w[i] = Math.tan(g.getPoint(i));
        for (String[] ab : new String[][]{{"x", "p"}, {"m1+", "m1-"}}) {
            OpSum a = op(dicke, ab[0]), b = op(dicke, ab[1]);
            Regression.Spectrum s = r.spectrum(a, b, w);
            double re = 0, im = 0;
            for (int i = 0; i < w.length; i++) {
                double jac = 1 / Math.pow(Math.cos(g.getPoint(i)), 2) * g.getWeight(i) / (2 * Math.PI);
                re += s.re()[i] * jac;
                im += s.im()[i] * jac;
            }
            cumulus.api.Complex want = r.mean(a.times(b)).minus(r.mean(a).times(r.mean(b)));
            assertEquals(want.re(), re, 1e-6, ab[0] + "," + ab[1]);
            assertEquals(want.im(), im, 1e-6, ab[0] + "," + ab[1]);
            assertEquals(ab[0].equals("m1+"), s.real(), ab[0] + "," + ab[1]);
        }
        assertTrue(r.spectrum(op(dicke, "x"), op(dicke, "x"), new double[]{0.3}).real());
    }
}
