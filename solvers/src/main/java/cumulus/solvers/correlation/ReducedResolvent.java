package cumulus.solvers.correlation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Solutions of M(ω) z = r for a family M(ω) = M₀ + ω P at many ω, by multipoint moment matching
 * (a reduced basis; Grimme 1997, "Krylov projection methods for model reduction", §3; Bai 2002,
 * Appl. Numer. Math. 43, 9): where a factorization of M(ω_j) exists, its solution z(ω_j) and the
 * moments (M(ω_j)^{-1} P)^i z(ω_j), i &lt; {@value #MOMENTS} (the Taylor coefficients of z around ω_j), join an
 * orthonormal basis V; at any other ω the Galerkin solution z = V c with Vᵀ M(ω) V c = Vᵀ r is
 * accepted only if its residual ‖M(ω) z − r‖ is at most {@value #TOL} ‖r‖, computed in full from the
 * stored products M₀V and PV. Otherwise M(ω) is factored, its exact solution returned and its moments
 * added. So every answer has a checked residual, and a spectrum at 200 frequencies costs a few
 * factorizations instead of 200 (btc: the solution is smooth in ω between the few Liouvillian
 * resonances that matter). Written here because no library of the project does parametric model
 * reduction of a sparse family.
 */
final class ReducedResolvent {
    static final int MOMENTS = 8;
    static final double TOL = 1e-10;
    /** Memory for the basis and its two products, in bytes. */
    private static final double BASIS_BYTES = 1.5e9;

    /** A factorization of M(ω): solves in place of the family member at one ω. */
    interface Factor { void solve(double[] b, double[] x); }

    private final DMatrixSparseCSC m0;
    private final java.util.function.BiConsumer<double[], double[]> applyP;
    private final DoubleFunction<Factor> factor;
    private final int n, maxBasis;
    private final List<double[]> v = new ArrayList<>(), w0 = new ArrayList<>(), w1 = new ArrayList<>();
    private final double[][] h0, h1;
    private int factorizations, reducedAnswers;

    /**
     * @param m0 M₀ (the ω entries zero)
     * @param applyP y = P x
     * @param factor a factorization of M(ω)
     */
    ReducedResolvent(DMatrixSparseCSC m0, java.util.function.BiConsumer<double[], double[]> applyP, DoubleFunction<Factor> factor) {
        this.m0 = m0;
        this.applyP = applyP;
        this.factor = factor;
        this.n = m0.numRows;
        this.maxBasis = (int) Math.max(MOMENTS + 1, Math.min(400, BASIS_BYTES / (24.0 * n)));
        h0 = new double[maxBasis][maxBasis];
        h1 = new double[maxBasis][maxBasis];
    }

    /**
     * z = M(ω)^{-1} r for each right-hand side; when the basis does not serve ω, the family is first factored at {@code ahead} (when finite: the
     * next frequency of a scan, so that the new moments cover ω and what follows it) and ω tried again, and only
     * then factored at ω itself.
     */
    List<double[]> solve(double omega, List<double[]> rhs, double ahead) {
        if (!v.isEmpty()) {
            List<double[]> z = reduced(omega, rhs);
            if (z != null) { reducedAnswers++; return z; }
            if (Double.isFinite(ahead) && ahead != omega && v.size() < maxBasis) {
                expandAt(ahead, rhs);
                z = reduced(omega, rhs);
                if (z != null) { reducedAnswers++; return z; }
            }
        }
        return expandAt(omega, rhs);
    }

    /** Factors M(ω), adds the solutions and their moments to the basis, and returns the solutions. */
    private List<double[]> expandAt(double omega, List<double[]> rhs) {
        Factor f = factor.apply(omega);
        factorizations++;
        List<double[]> out = new ArrayList<>();
        for (double[] r : rhs) {
            double[] z = new double[n];
            f.solve(r, z);
            out.add(z);
            double[] q = z;
            for (int i = 0; i < MOMENTS && v.size() < maxBasis; i++) {
                add(q);
                if (i + 1 == MOMENTS) break;
                double[] pq = new double[n], next = new double[n];
                applyP.accept(q, pq);
                f.solve(pq, next);
                q = next;
            }
        }
        return out;
    }

    int factorizations() { return factorizations; }
    int reducedAnswers() { return reducedAnswers; }
    int basisSize() { return v.size(); }

    /** The Galerkin solutions, or null when one of them misses the residual tolerance. */
    private List<double[]> reduced(double omega, List<double[]> rhs) {
        int k = v.size();
        DMatrixRMaj h = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) h.set(i, j, h0[i][j] + omega * h1[i][j]);
        List<double[]> out = new ArrayList<>();
        double[] res = new double[n];
        for (double[] r : rhs) {
            DMatrixRMaj b = new DMatrixRMaj(k, 1), c = new DMatrixRMaj(k, 1);
            for (int i = 0; i < k; i++) b.set(i, 0, dot(v.get(i), r));
            if (!CommonOps_DDRM.solve(h, b, c)) return null;
            double[] z = new double[n];
            for (int i = 0; i < n; i++) res[i] = -r[i];
            for (int j = 0; j < k; j++) {
                double cj = c.get(j, 0);
                if (!Double.isFinite(cj)) return null;
                double[] vj = v.get(j), a = w0.get(j), p = w1.get(j);
                for (int i = 0; i < n; i++) { z[i] += cj * vj[i]; res[i] += cj * (a[i] + omega * p[i]); }
            }
            if (!(norm(res) <= TOL * norm(r))) return null;
            out.add(z);
        }
        return out;
    }

    /** Orthonormalizes q against the basis (modified Gram–Schmidt, twice) and adds it with its products. */
    private void add(double[] q0) {
        double[] q = q0.clone();
        double before = norm(q);
        if (!(before > 0)) return;
        for (int pass = 0; pass < 2; pass++)
            for (double[] b : v) { double d = dot(b, q); for (int i = 0; i < n; i++) q[i] -= d * b[i]; }
        double after = norm(q);
        if (!(after > 1e-14 * before)) return;            // already in the span (to rounding)
        for (int i = 0; i < n; i++) q[i] /= after;
        double[] a = new double[n], p = new double[n];
        multiply(m0, q, a);
        applyP.accept(q, p);
        int k = v.size();
        v.add(q); w0.add(a); w1.add(p);
        for (int i = 0; i <= k; i++) {
            h0[i][k] = dot(v.get(i), a);
            h1[i][k] = dot(v.get(i), p);
            if (i < k) { h0[k][i] = dot(q, w0.get(i)); h1[k][i] = dot(q, w1.get(i)); }
        }
    }

    private static void multiply(DMatrixSparseCSC m, double[] x, double[] y) {
        java.util.Arrays.fill(y, 0);
        for (int c = 0; c < m.numCols; c++) {
            double xc = x[c];
            if (xc == 0) continue;
            for (int k = m.col_idx[c]; k < m.col_idx[c + 1]; k++) y[m.nz_rows[k]] += m.nz_values[k] * xc;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double norm(double[] a) { return Math.sqrt(dot(a, a)); }
}
