package cumulus.solvers.space;

import cumulus.api.InitialState;
import cumulus.api.ModelException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Amplitudes of SPEC.md's initial states beyond the coherent product, in the engines' bases:
 * collective spin states over the index i = S − m of |S, m⟩ ({@link ProductStates#spinCoherent}'s
 * convention), boson states over Fock states 0..cutoff−1 as a mixture Σ_k w_k |ψ_k⟩⟨ψ_k| (one
 * pure term except for the thermal state). Truncated boson states are refused when the cutoff
 * loses more than {@link ProductStates#REFUSED_LOSS} of the norm and warned about above
 * {@link ProductStates#WARNED_LOSS}, as the coherent state is.
 */
public final class InitialStates {
    private InitialStates() { }

    /** One pure term w·|re + i·im⟩⟨re + i·im| of a mixture. */
    public record Pure(double weight, double[] re, double[] im) { }

    /**
     * {re, im} amplitudes of one ensemble's collective state (n spins, S = n/2): spin-coherent;
     * Dicke |S, M⟩; or one-axis twisted exp(−iμ (S^z)²/2)|θ = π/2, φ = 0⟩ (Kitagawa &amp; Ueda 1993).
     */
    public static double[][] spin(int n, InitialState.SpinState s) {
        switch (s.kind()) {
            case COHERENT -> { return ProductStates.spinCoherent(n, s.theta(), s.phi()); }
            case DICKE -> {
                double sj = n / 2.0, m = s.value();
                if (Math.abs(m) > sj + 1e-12 || Math.abs((sj - m) - Math.rint(sj - m)) > 1e-12)
                    throw new ModelException("initial state dicke:" + fmt(m) + " does not exist for N = " + n + ": M must be one of -S, -S+1, ..., S with S = " + fmt(sj));
                double[] re = new double[n + 1], im = new double[n + 1];
                re[(int) Math.rint(sj - m)] = 1;
                return new double[][]{re, im};
            }
            case SQUEEZED -> {
                double[][] a = ProductStates.spinCoherent(n, Math.PI / 2, 0);
                double mu = s.value();
                for (int i = 0; i <= n; i++) {
                    double m = n / 2.0 - i, ph = -mu * m * m / 2;
                    double r = a[0][i], q = a[1][i];
                    a[0][i] = r * Math.cos(ph) - q * Math.sin(ph);
                    a[1][i] = r * Math.sin(ph) + q * Math.cos(ph);
                }
                return a;
            }
            default -> throw new IllegalStateException(s.kind().toString());
        }
    }

    /** The boson state on Fock states 0..cutoff−1 as a mixture of pure terms (checked against the cutoff). */
    public static List<Pure> boson(int cutoff, InitialState.BosonState b, List<String> warnings) {
        if (b == null) b = new InitialState.BosonState(0);
        List<Pure> out = new ArrayList<>();
        if (b.thermal() > 0) {
            double nbar = b.thermal(), q = nbar / (1 + nbar);
            double lost = Math.pow(q, cutoff); // Σ_{n ≥ K} (1 − q) q^n
            check(lost, cutoff, "boson-thermal:" + fmt(nbar), thermalCutoff(q), warnings);
            for (int n = 0; n < cutoff; n++) {
                double[] re = new double[cutoff];
                re[n] = 1;
                out.add(new Pure((1 - q) * Math.pow(q, n) / (1 - lost), re, new double[cutoff]));
            }
            return out;
        }
        if (b.squeezing() > 0) {
            double r = b.squeezing(), phi = b.squeezingPhase(), t = Math.tanh(r);
            double[] re = new double[cutoff], im = new double[cutoff];
            double norm = 0;
            // ⟨2k|S(ξ)|0⟩ = (−e^{iφ} tanh r)^k sqrt((2k)!)/(2^k k!) / sqrt(cosh r)
            for (int k = 0; 2 * k < cutoff; k++) {
                double mag = Math.exp(k * Math.log(t) + ProductStates.logFactorial(2 * k) / 2 - k * Math.log(2) - ProductStates.logFactorial(k) - Math.log(Math.cosh(r)) / 2);
                if (t == 0) mag = k == 0 ? 1 / Math.sqrt(Math.cosh(r)) : 0;
                double ph = k * (phi + Math.PI);
                re[2 * k] = mag * Math.cos(ph);
                im[2 * k] = mag * Math.sin(ph);
                norm += mag * mag;
            }
            double lost = Math.max(0, 1 - norm);
            check(lost, cutoff, "boson-squeezed:" + fmt(r) + "," + fmt(phi), squeezedCutoff(r), warnings);
            double s = 1 / Math.sqrt(norm);
            for (int k = 0; k < cutoff; k++) { re[k] *= s; im[k] *= s; }
            out.add(new Pure(1, re, im));
            return out;
        }
        double mod = Math.hypot(b.alpha(), b.alphaIm()), arg = Math.atan2(b.alphaIm(), b.alpha());
        double[] c = ProductStates.boson(cutoff, mod, warnings);
        double[] re = new double[cutoff], im = new double[cutoff];
        for (int n = 0; n < cutoff; n++) {
            re[n] = c[n] * Math.cos(n * arg);
            im[n] = c[n] * Math.sin(n * arg);
        }
        out.add(new Pure(1, re, im));
        return out;
    }

    /** The modes' states multiplied term by term (mode 1 the slowest index), mode k at cutoff {@code cutoff(k)}. */
    public static List<Pure> modes(int modes, java.util.function.IntUnaryOperator cutoff, cumulus.api.InitialState init, List<String> warnings) {
        List<Pure> out = boson(cutoff.applyAsInt(1), init.boson(1), warnings);
        for (int k = 2; k <= modes; k++) out = product(out, boson(cutoff.applyAsInt(k), init.boson(k), warnings));
        return out;
    }

    /** The mixture of two independent modes: every pair of terms, w = w_1 w_2, ψ = ψ_1 ⊗ ψ_2 (the second the faster index). */
    public static List<Pure> product(List<Pure> first, List<Pure> second) {
        List<Pure> out = new ArrayList<>();
        for (Pure p : first) for (Pure q : second) {
            if (p.weight() == 0 || q.weight() == 0) continue;
            double[][] k = ProductStates.kron(p.re(), p.im(), q.re(), q.im());
            out.add(new Pure(p.weight() * q.weight(), k[0], k[1]));
        }
        return out;
    }

    /** Hermitian-basis coordinates of Σ_k w_k |s ⊗ ψ_k⟩⟨s ⊗ ψ_k|. */
    public static double[] mixture(HermitianBasis basis, double[] spinRe, double[] spinIm, List<Pure> bosons) {
        double[] x = new double[basis.size()];
        for (Pure p : bosons) {
            if (p.weight() == 0) continue;
            double[][] k = ProductStates.kron(spinRe, spinIm, p.re(), p.im());
            double[] y = ProductStates.pure(basis, k[0], k[1]);
            for (int i = 0; i < x.length; i++) x[i] += p.weight() * y[i];
        }
        return x;
    }

    private static void check(double lost, int cutoff, String what, int needed, List<String> warnings) {
        if (lost > ProductStates.REFUSED_LOSS)
            throw new ModelException(String.format(Locale.ROOT,
                    "initial state %s needs a Fock cutoff of about %d; the model has %d (it would lose %.3g of the norm): raise the cutoff to %d",
                    what, needed, cutoff, lost, needed));
        if (lost > ProductStates.WARNED_LOSS && warnings != null)
            warnings.add(String.format(Locale.ROOT, "initial boson state loses %.3g of its norm to the Fock cutoff", lost));
    }

    private static int thermalCutoff(double q) { return q == 0 ? 1 : (int) Math.ceil(Math.log(ProductStates.WARNED_LOSS) / Math.log(q)); }

    private static int squeezedCutoff(double r) {
        double t = Math.tanh(r), norm = 0;
        for (int k = 0; k < 10_000_000; k++) {
            norm += Math.exp(2 * k * Math.log(t) + ProductStates.logFactorial(2 * k) - 2 * k * Math.log(2) - 2 * ProductStates.logFactorial(k) - Math.log(Math.cosh(r)));
            if (1 - norm < ProductStates.WARNED_LOSS) return 2 * k + 1;
        }
        return Integer.MAX_VALUE;
    }

    private static String fmt(double x) { return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x); }
}
