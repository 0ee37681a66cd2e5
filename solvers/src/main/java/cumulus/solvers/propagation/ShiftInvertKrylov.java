package cumulus.solvers.propagation;

import cumulus.solvers.floquet.DenseExpm;
import cumulus.solvers.space.SparseOps;
import cumulus.solvers.sparse.SparseLU;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.sparse.csc.CommonOps_DSCC;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The action of exp(sL) on a vector by the shift-and-invert ("restricted-denominator rational")
 * Krylov method, one real factorization of I − γL serving every step of a run:
 * Arnoldi on Z = (I − γL)^{-1} gives Z V_m = V_m H_m + h_{m+1,m} v_{m+1} e_m^T, and
 * exp(sL) v ≈ β V_m exp(s Ã_m) e_1 with Ã_m = (I − H_m^{-1})/γ
 * (Moret &amp; Novati, BIT 44 (2004); van den Eshof &amp; Hochbruck, SIAM J. Sci. Comput. 27 (2006);
 * Güttel, GAMM-Mitt. 36 (2013)). Its convergence depends on γ and the smoothness of the solution,
 * not on the spectral radius of L: a stiff L (collective dephasing, rates ∝ (m − m')²) costs no more
 * than a mild one.
 *
 * <p>Error control (a posteriori): the error of the m-dimensional approximation is estimated by its
 * distance to the (m−1)-dimensional one, β‖c_m(s) − c_{m−1}(s)‖ with c_k(s) = exp(s Ã_k) e_1 (V is
 * orthonormal, so this is the 2-norm in the state space): since the method converges linearly in m
 * this over-estimates the error of c_m (the residual bound of van den Eshof &amp; Hochbruck §4
 * ignores the damping of L and is useless at s → 0 for stiff L). A Krylov space is grown until the
 * estimate stays below {@code errorPerTime}·s at every point of a subgrid of the output times up to
 * the rest of the span (or the dimension cap), then the state is advanced as far as it holds and the
 * space rebuilt there (restart). Outputs in between come from the same space at the cost of
 * m-vector combinations.
 *
 * <p>{@link #arnoldi} is the polynomial variant on the same error control: Arnoldi on L itself, exp(sL)v ≈
 * β V_m exp(s H_m) e_1 (Saad, SIAM J. Numer. Anal. 29 (1992); Expokit: Sidje, ACM TOMS 24 (1998)), matrix-free,
 * no factorization. Its reach per space is ~m/ρ_v with ρ_v the spectral spread of L <em>seen by the state</em>,
 * not the spectral radius: btc's state from up is a spin-coherent-like packet, whose coherences span
 * |m − m'| ≲ a few √N, so ρ_v ~ ω_x √N while ρ(L) ~ ω_x N (the explicit driver's stability bound).
 *
 * <p>Written here because no library on the class path offers a rational Krylov exponential
 * (commons-math3 and EJML have neither an expmv nor a sparse LU of this size).
 */
public final class ShiftInvertKrylov {
    /** Subintervals of each output interval on which the residual is integrated. */
    static final int SUBDIVISIONS = 4;
    /**
     * Whether the error estimate is evaluated at dimension m (besides the cap and a breakdown): at 8, 16,
     * then every 32. Each evaluation costs a few m×m exponentials, and a space usually grows to its cap
     * (the time a restart covers grows faster than m), so the intermediate ones only end a restart early
     * near the end of a span.
     */
    static boolean checkpoint(int m) { return m >= 8 && Integer.bitCount(m) == 1; }

    private final DMatrixSparseCSC l;
    private final SparseLU lu;
    private final double gamma;
    private final int maxDim;
    private final int n;
    private long solves, restarts;

    private final int subdivisions;

    private ShiftInvertKrylov(DMatrixSparseCSC l, SparseLU lu, double gamma, int maxDim, int subdivisions) {
        this.l = l;
        this.lu = lu;
        this.gamma = gamma;
        this.maxDim = maxDim;
        this.n = l.numRows;
        this.subdivisions = subdivisions;
    }

    /**
     * The polynomial (Arnoldi on L) variant: no factorization; each space of at most {@code maxDim} vectors reaches a
     * short time (~maxDim/ρ_v), so its error is checked on a finer subgrid (dt/{@value #ARNOLDI_SUBDIVISIONS}).
     */
    public static ShiftInvertKrylov arnoldi(DMatrixSparseCSC l, int maxDim) {
        return new ShiftInvertKrylov(l, null, Double.NaN, maxDim, ARNOLDI_SUBDIVISIONS);
    }

    /** Subintervals of each output interval for the polynomial variant (its spaces reach less than dt). */
    static final int ARNOLDI_SUBDIVISIONS = 32;

    /** Whether this is the polynomial (Arnoldi on L) variant. */
    public boolean polynomial() { return lu == null; }

    /** Factors I − γL (nonsingular for every Lindbladian: its eigenvalues 1 − γλ have Re ≥ 1). */
    public static ShiftInvertKrylov factor(DMatrixSparseCSC l, double gamma, int maxDim) {
        if (!(gamma > 0)) throw new IllegalArgumentException("shift-invert Krylov needs γ > 0, got " + gamma);
        DMatrixSparseCSC id = CommonOps_DSCC.identity(l.numRows);
        DMatrixSparseCSC a = new DMatrixSparseCSC(l.numRows, l.numCols, 0);
        CommonOps_DSCC.add(1.0, id, -gamma, l, a, null, null);
        return new ShiftInvertKrylov(l, SparseLU.factor(a), gamma, maxDim, SUBDIVISIONS);
    }

    public long solves() { return solves; }
    public long restarts() { return restarts; }
    public long factorNonZeros() { return lu == null ? 0 : lu.factorNonZeros(); }
    public double gamma() { return gamma; }

    /** Receives the state at an output time (a copy it may keep). */
    public interface Sink { void sample(int index, double[] y); }

    /** One restart's result: how far it went (time since its start) and the state there. */
    record Step(double reach, double[] state) { }

    /**
     * One restart from {@code y}: grows a Krylov space until the error bound holds to {@code remaining}
     * or the dimension reaches its cap, then emits the states at the output offsets {@code outputs}
     * (increasing, in (0, remaining]) that the bound covers ({@code sink} gets their indices) and returns the
     * state at the furthest point it covers. The error estimate must stay below {@code outputError} at the
     * outputs, and below {@code errorPerTime}·s at the restart point s (whose error is carried on). A reach of 0 means the tolerance is out of reach even for the
     * smallest substep.
     */
    Step advance(double[] y, double remaining, double[] outputs, double dt, double outputError, double errorPerTime, Sink sink) {
        restarts++;
        double beta = norm(y);
        if (beta == 0) {
            for (int k = 0; k < outputs.length; k++) sink.sample(k, new double[n]);
            return new Step(remaining, new double[n]);
        }
        Grid grid = subgrid(remaining, outputs, dt, subdivisions);
        List<double[]> v = new ArrayList<>();
        double[] v0 = y.clone();
        scale(v0, 1 / beta);
        v.add(v0);
        double[][] h = new double[maxDim + 1][maxDim];
        Reach best = null;
        double[] w = new double[n];
        for (int j = 0; j < maxDim; j++) {
            if (lu != null) lu.solve(v.get(j), w);
            else SparseOps.multiply(l, v.get(j), w);
            solves++;
            // modified Gram-Schmidt, repeated once when the norm dropped by more than 1/√2
            // (Kahan–Parlett criterion; "twice is enough": Giraud, Langou & Rozložník 2005)
            double before = norm(w), hn = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double[] vi = v.get(i);
                    double d = dot(vi, w);
                    h[i][j] += d;
                    axpy(-d, vi, w);
                }
                hn = norm(w);
                if (hn > 0.7071 * before) break;
                before = hn;
            }
            h[j + 1][j] = hn;
            int m = j + 1;
            boolean breakdown = hn <= 1e-14 * Math.abs(h[j][j]) || hn == 0;
            double[] next = w.clone();
            if (!breakdown) scale(next, 1 / hn);
            Reach r = ((lu != null && checkpoint(m)) || m == maxDim || breakdown) ? reach(h, m, beta, grid, outputError, errorPerTime) : null;
            if (r != null) best = r;
            if (breakdown || (best != null && best.index == grid.points.length - 1)) break;
            v.add(next);
        }
        if (best == null || best.index < 0) return new Step(0, y);
        int m = best.u[0].length;
        for (int g = 0, k = 0; g <= best.index; g++)
            if (grid.output[g]) sink.sample(k++, combine(v, best.u[g], beta, m));
        return new Step(grid.points[best.index], combine(v, best.u[best.index], beta, m));
    }

    /** The Krylov coefficients along the grid and the furthest grid index the error bound covers (-1: none). */
    private record Reach(int index, double[][] u) { }

    private Reach reach(double[][] h, int m, double beta, Grid grid, double outputError, double errorPerTime) {
        if (m < 2) return null;
        DMatrixRMaj a = generator(h, m), b = generator(h, m - 1);
        if (a == null || b == null) return null;
        Map<Long, DMatrixRMaj[]> cache = new HashMap<>();
        int size = grid.points.length;
        double[][] u = new double[size][];
        double[] cur = new double[m], prev = new double[m - 1];
        cur[0] = 1;
        prev[0] = 1;
        int index = -1;
        for (int g = 0; g < size; g++) {
            double dtau = grid.steps[g];
            DMatrixRMaj[] e = cache.computeIfAbsent(Double.doubleToLongBits(dtau), k -> new DMatrixRMaj[]{DenseExpm.expm(a, dtau), DenseExpm.expm(b, dtau)});
            double[] nx = times(e[0], cur), np = times(e[1], prev);
            double d = 0;
            for (int i = 0; i < m; i++) {
                double diff = nx[i] - (i < m - 1 ? np[i] : 0);
                d += diff * diff;
            }
            d = beta * Math.sqrt(d);
            boolean finite = Double.isFinite(d);
            if (!finite || (grid.output[g] && !(d <= outputError))) break;
            u[g] = nx;
            cur = nx;
            prev = np;
            // a restart point carries its error on: only errorPerTime·s of it
            if (d <= errorPerTime * grid.points[g]) index = g;
        }
        return new Reach(index, u);
    }

    /** Ã_m = (I − H_m^{-1})/γ of the leading m×m block, or null if H_m is singular; H_m itself for the polynomial variant. */
    private DMatrixRMaj generator(double[][] h, int m) {
        if (lu == null) {
            DMatrixRMaj a = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) a.set(i, j, h[i][j]);
            return a;
        }
        DMatrixRMaj hinv = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) hinv.set(i, j, h[i][j]);
        if (!CommonOps_DDRM.invert(hinv)) return null;
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) a.set(i, j, ((i == j ? 1 : 0) - hinv.get(i, j)) / gamma);
        for (double x : a.data) if (!Double.isFinite(x)) return null;
        return a;
    }

    private static double[] times(DMatrixRMaj e, double[] x) {
        int m = x.length;
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) s += e.get(i, j) * x[j];
            y[i] = s;
        }
        return y;
    }

    /**
     * The points at which the error is estimated: each output interval in parts of at most dt/{@value #SUBDIVISIONS},
     * ending at {@code remaining}; {@code steps} gets the spacings (equal spacings are bitwise equal, so that
     * each needs one small exponential) and {@code output} marks the output offsets.
     */
    record Grid(double[] points, double[] steps, boolean[] output) { }

    static Grid subgrid(double remaining, double[] outputs, double dt) { return subgrid(remaining, outputs, dt, SUBDIVISIONS); }

    static Grid subgrid(double remaining, double[] outputs, double dt, int subdivisions) {
        double part = dt / subdivisions;
        List<double[]> pts = new ArrayList<>();   // {point, step, output?}
        double prev = 0;
        for (int k = 0; k <= outputs.length; k++) {
            boolean isOut = k < outputs.length;
            double end = isOut ? outputs[k] : remaining;
            if (!isOut && end <= prev * (1 + 1e-12)) break;
            int parts = Math.max(1, (int) Math.ceil((end - prev) / part - 1e-9));
            double step = quantize((end - prev) / parts, dt);
            double p = prev;
            for (int i = 1; i < parts; i++) { p += step; pts.add(new double[]{p, step, 0}); }
            pts.add(new double[]{end, end - p, isOut ? 1 : 0});
            prev = end;
        }
        Grid g = new Grid(new double[pts.size()], new double[pts.size()], new boolean[pts.size()]);
        for (int i = 0; i < pts.size(); i++) {
            g.points[i] = pts.get(i)[0];
            g.steps[i] = quantize(pts.get(i)[1], dt);
            g.output[i] = pts.get(i)[2] == 1;
        }
        return g;
    }

    /**
     * A spacing rounded to a multiple of dt·2^-40, so that spacings equal up to rounding are bitwise equal
     * (one small exponential each); the time shift this makes, below 1e-12·dt, is far inside any tolerance.
     */
    static double quantize(double step, double dt) {
        double unit = dt * 0x1p-40;
        return Math.max(1, Math.round(step / unit)) * unit;
    }

    private double[] combine(List<double[]> v, double[] c, double beta, int m) {
        double[] out = new double[n];
        for (int j = 0; j < m; j++) axpy(beta * c[j], v.get(j), out);
        return out;
    }

    /** Four partial sums: independent chains the CPU overlaps (a single sum waits on each addition). */
    static double dot(double[] a, double[] b) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0, n = a.length;
        for (; i + 4 <= n; i += 4) {
            s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    static void axpy(double c, double[] x, double[] y) { for (int i = 0; i < x.length; i++) y[i] += c * x[i]; }

    static void scale(double[] x, double c) { for (int i = 0; i < x.length; i++) x[i] *= c; }
}
