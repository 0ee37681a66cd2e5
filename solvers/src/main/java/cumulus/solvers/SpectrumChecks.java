package cumulus.solvers;

import cumulus.solvers.dicke.Liouvillian;

import cumulus.api.Complex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every computed Liouvillian spectrum is checked for before it is reported (SPEC.md
 * "Spectrum"), with tolerances relative to ||L||_1, the scale of the eigenvalues and of their
 * rounding errors (backward-stable eigensolvers are exact for a matrix within ~ε||L|| of L):
 * <ul>
 *   <li>a zero eigenvalue must exist (|λ_0| ≤ 1e-9 ||L||_1): L preserves the trace;</li>
 *   <li>a degenerate zero (several |λ| ≤ 1e-9 ||L||_1) means several steady states: the zeros are
 *       listed first, λ_1 is the second zero and the gap is 0, with a warning;</li>
 *   <li>Re λ_1 below the rounding level 1e3·ε·||L||_1 is not resolved (parameters of extreme
 *       ratio, e.g. ω_x/κ = 1e100): a warning, and a gap within rounding of 0 is reported as 0;</li>
 *   <li>a real part clearly above 0 means the generator is not of Lindblad form (warning).</li>
 * </ul>
 */
public final class SpectrumChecks {
    private SpectrumChecks() { }

    /** The eigenvalues in SPEC order (zeros first), λ_1, the gap and the warnings. */
    public record Checked(List<Complex> values, Complex lambda1, double gap, int zeros, List<String> warnings) { }

    /** @param sorted eigenvalues in {@link LiouvillianSpectrum#sort} order; @param norm ||L||_1 */
    public static Checked check(List<Complex> sorted, double norm) {
        if (sorted.size() < 2) throw new cumulus.api.NumericalException("the eigensolver returned " + sorted.size() + " eigenvalue(s): at least lambda0 and lambda1 are needed");
        List<String> warnings = new ArrayList<>();
        double zeroTol = 1e-9 * norm, rounding = 1e3 * Math.ulp(1.0) * norm;
        List<Complex> zeros = new ArrayList<>(), rest = new ArrayList<>();
        for (Complex z : sorted) (z.abs() <= zeroTol ? zeros : rest).add(z);
        List<Complex> values = new ArrayList<>(zeros);
        values.addAll(rest);
        if (zeros.isEmpty())
            warnings.add(String.format(Locale.ROOT, "no eigenvalue within 1e-9 ||L|| = %.3g of 0 (nearest: %s): the generator does not preserve the trace", zeroTol, sorted.get(0)));
        if (zeros.size() > 1) {
            warnings.add(String.format(Locale.ROOT, "0 is a degenerate eigenvalue (%d eigenvalues within %.3g of 0): the steady state is not unique (or not resolved at this precision), spectral_gap = 0", zeros.size(), zeroTol));
            return new Checked(values, Complex.ZERO, 0, zeros.size(), warnings);
        }
        Complex l1 = values.get(1);
        double gap = -l1.re();
        if (Math.abs(l1.re()) <= rounding) {
            warnings.add(String.format(Locale.ROOT, "Re lambda1 = %.3g is below the rounding level %.3g of this Liouvillian (||L||_1 = %.3g): the gap is not resolved at these parameters",
                    l1.re(), rounding, norm));
            gap = Math.max(0, gap);
        } else if (l1.re() > zeroTol)
            warnings.add(String.format(Locale.ROOT, "an eigenvalue has positive real part (%s): the generator is not of Lindblad form", l1));
        return new Checked(values, l1, gap, zeros.size(), warnings);
    }
}
