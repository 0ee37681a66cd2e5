package cumulus.solvers.correlation;

import cumulus.api.CorrelationResult;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.OpSum;
import cumulus.api.PowerSpectrumResult;
import cumulus.solvers.ExactEngine;
import cumulus.solvers.Spaces;
import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exact entries of {@code correlate} and {@code psd} (method "exact"): the model's space
 * ({@link Spaces}), its steady state and {@link Regression}; input checks and resource estimates.
 */
public final class ExactCorrelations {
    private ExactCorrelations() { }

    public static CorrelationResult correlate(Model model, Map<String, Double> parameters, String a, String b,
                                              double tauEnd, double dt, boolean connected) {
        requireStatic(model, "correlation");
        if (!(tauEnd > 0) || !Double.isFinite(tauEnd)) throw new ModelException("--tau-end must be a positive number, got " + tauEnd);
        if (!(dt > 0) || !Double.isFinite(dt) || dt > tauEnd * (1 + 1e-12)) throw new ModelException("--dt must be positive and at most --tau-end, got " + dt);
        if (tauEnd / dt > 1e6) throw new ModelException("--tau-end/--dt asks for more than 10^6 output rows: raise --dt");
        OpSum oa = Observables.parse(model, a, "--a"), ob = Observables.parse(model, b, "--b");
        long t0 = System.nanoTime();
        LiouvillianSpace space = Spaces.of(model, parameters);
        admit(space, "correlation of " + model.name(), false);
        Regression r = Regression.of(space);
        Regression.Series s = r.correlate(oa, ob, tauEnd, dt, connected);
        List<String> warnings = new ArrayList<>(space.warnings());
        String method = "quantum regression on the " + space.description() + ": steady state by " + r.steadyMethod()
                + ", Tr[A e^{L tau}(B rho)] with B rho propagated by Dormand-Prince 8(5,3) (rtol 1e-10, atol 1e-12)";
        return new CorrelationResult(model.name(), parameters, a, b, connected, s.tau(), s.re(), s.im(), s.meanA(), s.meanB(),
                method, (System.nanoTime() - t0) / 1e9, warnings, s.failure());
    }

    public static PowerSpectrumResult spectrum(Model model, Map<String, Double> parameters, String a, String b, double[] omega) {
        return spectrum(model, parameters, a, b, omega, 0);
    }

    /**
     * With {@code peakEigenvalues} &gt; 0, also the peaks of S ({@link Peaks}: needs ascending frequencies) beside the
     * nearest of that many leading Liouvillian eigenvalues of the exact {@code spectrum}.
     */
    public static PowerSpectrumResult spectrum(Model model, Map<String, Double> parameters, String a, String b, double[] omega, int peakEigenvalues) {
        requireStatic(model, "power spectrum");
        if (omega.length == 0) throw new ModelException("--omega is empty: give W1,W2,... or a:b:n");
        for (double w : omega) if (!Double.isFinite(w)) throw new ModelException("--omega must be finite numbers, got " + w);
        OpSum oa = Observables.parse(model, a, "--a"), ob = Observables.parse(model, b, "--b");
        long t0 = System.nanoTime();
        LiouvillianSpace space = Spaces.of(model, parameters);
        admit(space, "power spectrum of " + model.name(), true);
        Regression r = Regression.of(space);
        Regression.Evaluator ev = r.evaluator(oa, ob);
        Regression.Spectrum s = r.spectrum(ev, omega);
        List<PowerSpectrumResult.Peak> peaks = List.of();
        List<String> warnings = new ArrayList<>(space.warnings());
        if (peakEigenvalues > 0) {
            for (int i = 1; i < omega.length; i++)
                if (!(omega[i] > omega[i - 1])) throw new ModelException("--peaks needs ascending frequencies in --omega, got " + omega[i - 1] + " then " + omega[i]);
            List<cumulus.api.Complex> eig = new ExactEngine().spectrum(model, parameters, peakEigenvalues).eigenvalues();
            double[] f = new double[omega.length];
            for (int i = 0; i < f.length; i++) f[i] = s.real() ? s.re()[i] : Math.hypot(s.re()[i], s.im()[i]);
            peaks = Peaks.find(omega, f, w -> { cumulus.api.Complex c = ev.at(w); return s.real() ? c.re() : c.abs(); }, eig);
        }
        return new PowerSpectrumResult(model.name(), parameters, a, b, s.omega(), s.re(), s.im(), s.real(), s.meanA(), s.meanB(),
                s.method(), (System.nanoTime() - t0) / 1e9, warnings, peaks);
    }

    /** Refuses what would not fit: the steady-state LU, and for spectra the 2n-unknown factor of L − iω. */
    private static void admit(LiouvillianSpace space, String what, boolean complex) {
        int n = space.size();
        if (n <= ExactEngine.DENSE_LIMIT) return;
        long nnz = 10L * n;
        Resources.admit(Resources.direct(what, n, nnz, space.gridDims(), complex, 4));
    }

    private static void requireStatic(Model model, String what) {
        ExactEngine.requireNoTime(model, what);
        if (model.isPeriodic())
            throw new ModelException("model " + model.name() + " is periodically driven: it has no steady state, so no steady-state " + what
                    + " (its Floquet steady state is not implemented for correlations)");
    }
}
