package cumulus.solvers;

import cumulus.solvers.space.SparseOps;
import cumulus.solvers.space.SymmetryBlocks;

import cumulus.api.Complex;
import cumulus.api.ModelException;
import cumulus.solvers.sparse.SparseLU;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What both exact engines share around the steady-state solve L x = 0, Tr ρ = 1 (the equation of
 * one population replaced by the trace functional): the scale of that trace row, the diagnosis of
 * a singular system (several steady states), and the residual and trace checks of the result.
 */
public final class SteadyStateChecks {
    private SteadyStateChecks() { }

    /**
     * The trace row is scaled to max|L_ij| so that its pivots are judged on the scale of the rest of
     * the matrix (with κ = 1e100 an unscaled row of ones looks numerically zero); the right-hand side
     * is scaled with it, the solution is unchanged.
     */
    public static double traceRowScale(DMatrixSparseCSC l) {
        double m = 0;
        for (int k = 0; k < l.nz_length; k++) m = Math.max(m, Math.abs(l.nz_values[k]));
        return m > 0 ? m : 1;
    }

    /** The exception for a singular bordered system: how many zero eigenvalues L has, and what that means. */
    public static ModelException notUnique(DMatrixSparseCSC l, SparseLU.Singular cause) {
        int[] zeros = zeroModes(l);
        String count = zeros[1] == 1 ? "at least " + zeros[0] : Integer.toString(zeros[0]);
        return new ModelException("the steady state is not unique (" + count + " zero eigenvalues found): the model has no dissipation "
                + "or a conserved quantity that the dissipators respect; 'cumulus spectrum' still works, or break the symmetry (e.g. a nonzero decay rate)");
    }

    /** {count, 1 if only a lower bound} of the eigenvalues within 1e-9 ||L||_1 of zero. */
    static int[] zeroModes(DMatrixSparseCSC l) {
        double tol = 1e-9 * SparseOps.norm1(l);
        List<Complex> vals = new ArrayList<>();
        boolean bounded = false;
        if (l.numRows <= ExactEngine.DENSE_LIMIT) {
            for (int[] idx : SymmetryBlocks.of(List.of(l))) vals.addAll(LiouvillianSpectrum.denseEig(SymmetryBlocks.restrict(l, idx)));
        } else {
            int nev = Math.min(l.numRows - 2, 30);
            vals.addAll(cumulus.solvers.sparse.ShiftInvertEigen.nearest(l, Shifts.real(l), nev));
            bounded = true;
        }
        int zeros = 0;
        for (Complex z : vals) if (z.abs() <= tol) zeros++;
        return new int[]{Math.max(zeros, 2), bounded && zeros >= vals.size() ? 1 : 0};
    }

    /** Warnings for a steady state that fails its residual (relative to ||L||_1) or trace check. */
    public static List<String> check(double residual, double norm, double trace) {
        List<String> w = new ArrayList<>();
        if (residual > 1e-10 * norm)
            w.add(String.format(Locale.ROOT, "steady-state residual max|L rho| = %.2g exceeds 1e-10 ||L||_1 = %.2g: the result is inaccurate", residual, 1e-10 * norm));
        if (!(Math.abs(trace - 1) < 1e-8))
            w.add(String.format(Locale.ROOT, "steady state has trace %.12g, not 1", trace));
        return w;
    }
}
