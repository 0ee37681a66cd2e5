package cumulus.solvers.correlation;

import cumulus.api.Complex;
import cumulus.api.PowerSpectrumResult;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Peaks of a sampled spectrum, refined on the exact function: every interior local maximum of the samples (above
 * 1e-6 of the largest) is maximized by Brent's method (commons-math3 BrentOptimizer) between its neighbours, and the
 * half maximum is located on each side by Brent's root finder between the last sample above it and the first below.
 * A Lorentzian h γ²/((ω−ω₀)² + γ²) gives ω₀, h and γ exactly; the half width of the peak of the mode λ is −Re λ when
 * the peaks do not overlap.
 */
public final class Peaks {
    private Peaks() { }

    /** @param f the exact spectrum (Re S or |S|); {@code omega} ascending, {@code values} = f(omega) */
    public static List<PowerSpectrumResult.Peak> find(double[] omega, double[] values, DoubleUnaryOperator f, List<Complex> eigenvalues) {
        List<PowerSpectrumResult.Peak> out = new ArrayList<>();
        int n = omega.length;
        double max = 0;
        for (double v : values) max = Math.max(max, Math.abs(v));
        for (int i = 1; i + 1 < n; i++) {
            if (!(values[i] > values[i - 1] && values[i] >= values[i + 1]) || values[i] <= 1e-6 * max) continue;
            UnivariateFunction g = f::applyAsDouble;
            double w0, h;
            try {
                var opt = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(200), new UnivariateObjectiveFunction(g), GoalType.MAXIMIZE,
                        new SearchInterval(omega[i - 1], omega[i + 1], omega[i]));
                w0 = opt.getPoint();
                h = opt.getValue();
            } catch (RuntimeException e) {
                w0 = omega[i];
                h = values[i];
            }
            if (h < values[i]) { w0 = omega[i]; h = values[i]; }
            double half = h / 2;
            double right = Double.NaN, left = Double.NaN;
            for (int j = i + 1; j < n; j++) if (values[j] < half) { right = root(g, half, Math.max(w0, omega[j - 1]), omega[j]); break; }
            for (int j = i - 1; j >= 0; j--) if (values[j] < half) { left = root(g, half, omega[j], Math.min(w0, omega[j + 1])); break; }
            double hw = Double.isNaN(right) ? w0 - left : Double.isNaN(left) ? right - w0 : (right - left) / 2;
            Complex lam = nearest(eigenvalues, w0);
            // a mode this peak can be: Im λ inside the peak's half width (else none of the computed eigenvalues)
            if (lam != null && !(Math.abs(lam.im() - w0) <= Math.max(hw, omega[i + 1] - omega[i - 1]))) lam = null;
            out.add(new PowerSpectrumResult.Peak(w0, h, hw, lam));
        }
        return out;
    }

    private static double root(UnivariateFunction g, double level, double a, double b) {
        try {
            return new BrentSolver(1e-12, 1e-12).solve(200, x -> g.value(x) - level, a, b);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The eigenvalue (other than λ0 = 0) whose Im is nearest ω, the slower-decaying one of near ties. */
    static Complex nearest(List<Complex> eigenvalues, double w) {
        if (eigenvalues == null) return null;
        Complex best = null;
        for (Complex z : eigenvalues) {
            if (z.abs() < 1e-9) continue;
            double d = Math.abs(z.im() - w);
            if (best == null || d < Math.abs(best.im() - w) - 1e-9 || (Math.abs(d - Math.abs(best.im() - w)) <= 1e-9 && z.re() > best.re())) best = z;
        }
        return best;
    }
}
