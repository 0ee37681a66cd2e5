package cumulus.solvers.ode;

import cumulus.api.ModelException;
import cumulus.api.Schedule;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;
import cumulus.solvers.sparse.DenseKernels;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The Dormand–Prince 8(5,3) method of {@link Evolution} for dy/dt = L y with a sparse L constant over each span of a
 * schedule (exact dynamics of a time-independent or piecewise-constant Lindbladian), with fewer passes over memory.
 *
 * <p>Why not {@link Evolution} (commons-math3): on a linear autonomous system every stage of an explicit Runge–Kutta
 * method is a polynomial in z = hL applied to y (Butcher), so one step is y ← R(hL) y with the method's stability
 * polynomial R of degree 12, and its two embedded error estimates are E₅(hL) y and E₃(hL) y. Evaluating them in the
 * power basis needs the 12 products w_k = hL w_{k−1} (w_0 = y) and three running sums updated in the same pass over
 * the rows, instead of 12 stored stage vectors combined with O(stages²) vector operations and a 7th-order interpolant
 * (3 more products) at every step. Measured on btc N = 1024 (525,825 unknowns, 3.1e6 entries, one core): the
 * library's stage combinations and interpolant took 2.8× the time of its products. The method is the same: the
 * tableau and error weights are read from commons-math3's {@code DormandPrince853Integrator}, the error norm is that
 * of Hairer, Nørsett &amp; Wanner (Solving ODEs I, §II.10, {@code DOP853}); the step sizes come from DOP853's PI
 * controller ({@link StepSizeControl}: collective-spin dynamics is stability-limited, where the library's
 * I-controller rejected every other step); rounding in the power basis is bounded by the largest term
 * |R_k z^k| ≤ e^{|hλ|} ≈ 10³ at the stability boundary, far below the step tolerances. Samples are taken by landing
 * steps on the grid t_j = j·dt (no interpolant); the guards are {@link Evolution}'s.
 */
public final class LinearDormandPrince {
    private LinearDormandPrince() { }

    /** Degree of the stability polynomial (stages 1..12 of the 13-stage FSAL tableau). */
    static final int DEGREE = 12;
    /** Coefficients (in powers of z = hL) of the step R(z), and of the two error estimates (h·err = E(z) y). */
    static final double[] R = new double[DEGREE + 1], E5 = new double[DEGREE + 1], E3 = new double[DEGREE + 1];

    static {
        try {
            Class<?> c = Class.forName("org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator");
            double[][] a = (double[][]) field(c, "STATIC_A");
            double[] b = (double[]) field(c, "STATIC_B");
            double[] e1 = new double[DEGREE], e2 = new double[DEGREE];
            int[] stages = {1, 6, 7, 8, 9, 10, 11, 12};
            for (int s : stages) {
                e1[s - 1] = (double) field(c, String.format(Locale.ROOT, "E1_%02d", s));
                e2[s - 1] = (double) field(c, String.format(Locale.ROOT, "E2_%02d", s));
            }
            // p_i: stage i's argument Y_i = p_i(z) y; p_0 = 1, p_i = 1 + Σ_{j<i} a_ij z p_j
            double[][] p = new double[DEGREE][DEGREE + 1];
            for (int i = 0; i < DEGREE; i++) {
                p[i][0] = 1;
                for (int j = 0; j < i; j++) for (int k = 0; k < DEGREE; k++) p[i][k + 1] += a[i - 1][j] * p[j][k];
            }
            R[0] = 1;
            for (int i = 0; i < DEGREE; i++)
                for (int k = 0; k < DEGREE; k++) {   // h K_i = z p_i(z) y
                    R[k + 1] += b[i] * p[i][k];
                    E5[k + 1] += e1[i] * p[i][k];
                    E3[k + 1] += e2[i] * p[i][k];
                }
            // the order conditions hold to rounding of the tableau: R_k = 1/k! up to the order 8, and the estimates
            // vanish below their orders (z^6, z^4); snap those so that no 1e-16 term of a large power enters a step
            double fact = 1;
            for (int k = 1; k <= DEGREE; k++) {
                fact *= k;
                if (Math.abs(R[k] * fact - 1) < 1e-12) R[k] = 1 / fact;
                if (Math.abs(E5[k] * fact) < 1e-12) E5[k] = 0;
                if (Math.abs(E3[k] * fact) < 1e-12) E3[k] = 0;
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new ExceptionInInitializerError("LinearDormandPrince: commons-math3's Dormand-Prince 8(5,3) tableau is not where 3.6.1 keeps it: " + e);
        }
    }

    /** The lowest powers with a term in E₅ and E₃ (6 and 4 by the embedded orders). */
    static final int FIRST5 = firstNonzero(E5), FIRST3 = firstNonzero(E3);

    private static int firstNonzero(double[] c) {
        for (int k = 1; k < DEGREE; k++) if (c[k] != 0) return k;
        throw new ExceptionInInitializerError("LinearDormandPrince: an error estimate without terms below z^12");
    }

    private static Object field(Class<?> c, String name) throws ReflectiveOperationException {
        var f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    /** Below this many unknowns a product runs on one thread (the hand-over costs more than it saves). */
    public static final int MIN_PARALLEL = 20_000;


    /**
     * Integrates dy/dt = L_k y over {@code spans} (contiguous, from 0; {@code generatorOfSegment.apply(k)} is L_k as a
     * square CSC matrix), calling {@code out} at t = j·dt for j = 0 .. floor(tEnd/dt); {@code threads} (1 or 2) share
     * the rows of every product. The outcome and its failure texts are those of {@link Evolution#run}.
     */
    public static Evolution.Outcome run(List<Schedule.Span> spans, IntFunction<DMatrixSparseCSC> generatorOfSegment, double[] y0, double dt,
                                        Evolution.Tolerances tol, Evolution.Budget budget, Evolution.Sampler out, int threads) {
        return run(spans, generatorOfSegment, y0, dt, tol, budget, out, threads, null);
    }

    /**
     * The same; with a {@code window} (null: none), each step computes only the rows the state's support reaches,
     * and entries below the window's budget are dropped ({@link SupportWindow}: exact steps, a rigorous bound).
     */
    public static Evolution.Outcome run(List<Schedule.Span> spans, IntFunction<DMatrixSparseCSC> generatorOfSegment, double[] y0, double dt,
                                        Evolution.Tolerances tol, Evolution.Budget budget, Evolution.Sampler out, int threads, SupportWindow window) {
        if (spans.isEmpty()) throw new ModelException("nothing to integrate: t-end must be positive");
        double tEnd = spans.get(spans.size() - 1).end();
        if (!(dt > 0) || !(tEnd > 0) || !Double.isFinite(tEnd)) throw new ModelException("need dt > 0 and a finite t-end > 0, got dt = " + dt + ", t-end = " + tEnd);
        long samples = (long) Math.floor(tEnd / dt + 1e-9);
        int n = y0.length;
        if (window != null && window.weightsLength() != n) throw new IllegalArgumentException("LinearDormandPrince: " + window.weightsLength() + " weights for a state of " + n);
        for (double v : y0)
            if (!Double.isFinite(v) || Math.abs(v) > budget.blowUp())
                return new Evolution.Outcome(0, 0, "the initial state is not usable: a component is " + v);
        Stepper st = new Stepper(n, tol, Math.max(1, Math.min(2, threads)));
        System.arraycopy(y0, 0, st.y, 0, n);
        out.sample(0, st.y.clone());
        StepSizeControl control = new StepSizeControl();
        long next = 1, steps = 0;
        double reached = 0, minStep = 1e-13 * Math.max(1, tEnd), checkTime = 0;
        Map<Integer, Csr> rows = new HashMap<>();
        for (Schedule.Span span : spans) {
            double length = span.end() - span.start();
            if (length <= 1e-14 * Math.max(1, tEnd)) continue;
            st.l = rows.computeIfAbsent(span.segment(), k -> new Csr(generatorOfSegment.apply(k), st.parts));
            if (st.l.n != n) throw new IllegalArgumentException("LinearDormandPrince: generator of size " + st.l.n + " for a state of " + n);
            double t = span.start();
            double h = Math.min(length, st.initialStep());
            if (window != null) st.reshape(window, t, false);   // the window follows this segment's graph
            while (t < span.end()) {
                // land on the next grid time or the span's end (stretching a step by up to 5% rather than
                // leaving a sliver)
                double target = span.end();
                if (next <= samples && next * dt < span.end() - 1e-9 * dt) target = next * dt;
                double step = h;
                boolean lands = t + 1.05 * step >= target;
                if (lands) step = target - t;
                if (step < minStep)
                    return new Evolution.Outcome(reached, steps, control.rejections(), String.format(Locale.ROOT,
                            "too stiff at t = %.6g: the step size fell below %.3g (1e-13 of the horizon), so t-end = %.6g would need more than %.2g steps; lower t-end or use parameters of less extreme ratio",
                            t, minStep, tEnd, tEnd / minStep));
                double err = st.step(step);
                if (!Double.isFinite(err) || !(st.maxAbs <= budget.blowUp()))
                    return new Evolution.Outcome(reached, steps, control.rejections(), String.format(Locale.ROOT, "solution diverged at t = %.6g (%s)", t + step,
                            Double.isFinite(st.maxAbs) && st.maxAbs > budget.blowUp() ? String.format(Locale.ROOT, "max |y| = %.3g exceeds %.3g", st.maxAbs, budget.blowUp())
                                    : "a component is not finite"));
                if (err > 1) { h = control.rejected(step, err); continue; }
                double proposed = control.accepted(step, err);
                st.accept();
                steps++;
                t = lands ? target : t + step;
                if (window != null) {
                    if (st.rows != null) window.counted(st.count);
                    if (st.rows != null || steps % SupportWindow.RECHECK == 0) st.reshape(window, t, true);
                }
                reached = t;
                // a landing step was shortened for the grid: keep the step the controller had proposed
                if (!lands || step >= h) h = proposed;
                if (lands && target < span.end() || lands && next <= samples && Math.abs(next * dt - target) <= 1e-9 * dt) {
                    out.sample(next * dt, st.y.clone());
                    next++;
                }
                if (steps > budget.maxSteps())
                    return new Evolution.Outcome(reached, steps, control.rejections(), String.format(Locale.ROOT,
                            "step budget exhausted at t = %.6g after %d steps (t-end %.6g): the problem is too stiff or t-end too long for this integrator", t, steps, tEnd));
                if (steps % 1000 == 0) {
                    double mean = (t - checkTime) / 1000;
                    checkTime = t;
                    double remaining = (tEnd - t) / Math.max(mean, Double.MIN_NORMAL);
                    if (steps + remaining > 10.0 * budget.maxSteps())
                        return new Evolution.Outcome(reached, steps, control.rejections(), String.format(Locale.ROOT,
                                "too stiff at t = %.6g: at the present step size %.3g, t-end = %.6g needs about %.2g more steps (budget %d); lower t-end or use parameters of less extreme ratio",
                                t, mean, tEnd, remaining, budget.maxSteps()));
                }
            }
        }
        while (next <= samples) { out.sample(next * dt, st.y.clone()); next++; }   // a grid time at the very end
        return new Evolution.Outcome(tEnd, steps, control.rejections(), null);
    }

    /** L by rows (the CSC of Lᵀ), and the row ranges of the threads, balanced by entries. */
    private static final class Csr {
        final int n;
        final int[] ptr, col;
        final double[] val;
        final int[] cut;
        /** L's own pattern by columns: the rows each coordinate feeds (for {@link SupportWindow}). */
        final int[] colPtr, rowIdx;

        Csr(DMatrixSparseCSC l, int parts) {
            if (l.numRows != l.numCols) throw new IllegalArgumentException("LinearDormandPrince: the generator must be square");
            DMatrixSparseCSC t = CommonOps_DSCC.transpose(l, null, null);
            n = l.numRows;
            colPtr = l.col_idx;
            rowIdx = l.nz_rows;
            ptr = t.col_idx;
            col = t.nz_rows;
            val = t.nz_values;
            cut = new int[parts + 1];
            cut[parts] = n;
            for (int p = 1, r = 0; p < parts; p++) {
                long want = (long) ptr[n] * p / parts;
                while (r < n && ptr[r] < want) r++;
                cut[p] = r;
            }
        }
    }

    /** One step's arrays and kernels: the power w_k, the running sums of R, E₅, E₃, and the reductions of the last pass. */
    private static final class Stepper {
        final int n, parts;
        final double rtol, atol;
        double[] y, w, wn, acc;
        final double[] e5, e3;
        final double[] sum1, sum2, max;
        Csr l;
        double maxAbs;
        /**
         * The rows a step computes ({@link SupportWindow}): the first {@code count}, the kept entries first, then by
         * hops from them; null: all.
         */
        int[] rows;
        int count;
        /** rowCut[k]: the parts' ranges of rows[] for power k (the rows within k hops), balanced by entries. */
        final int[][] rowCut;
        /** Where the rows beyond the kept entries start, and the running count of entries along rows[]. */
        int kept;
        int[] entries;

        Stepper(int n, Evolution.Tolerances tol, int parts) {
            this.n = n;
            this.parts = n < MIN_PARALLEL ? 1 : parts;
            rtol = tol.relative();
            atol = tol.absolute();
            y = new double[n]; w = new double[n]; wn = new double[n]; acc = new double[n];
            e5 = new double[n]; e3 = new double[n];
            sum1 = new double[this.parts]; sum2 = new double[this.parts]; max = new double[this.parts];
            rowCut = new int[DEGREE + 1][this.parts + 1];
        }

        /** Rebuilds the window after a step (drop: spend the budget) or at a segment's start (nothing dropped). */
        void reshape(SupportWindow window, double t, boolean drop) {
            rows = window.reshape(t, y, drop, rows != null, parts > 1, l.colPtr, l.rowIdx, w, wn, acc, e5, e3);
            if (rows == null) return;
            int c = count = window.size();
            if (entries == null) entries = new int[n + 1];
            for (int r = 0; r < c; r++) entries[r + 1] = entries[r] + l.ptr[rows[r] + 1] - l.ptr[rows[r]];
            kept = window.levelEnd(0);
            for (int k = 1; k <= DEGREE; k++) {
                int ck = k == DEGREE ? c : window.levelEnd(k);
                int[] cut = rowCut[k];
                cut[parts] = ck;
                for (int p = 1; p < parts; p++) {
                    long want = (long) entries[ck] * p / parts;
                    int r = Arrays.binarySearch(entries, 0, ck + 1, (int) want);
                    cut[p] = c < MIN_PARALLEL ? ck : r >= 0 ? r : -r - 1;   // one thread below MIN_PARALLEL: part 0 has them all
                }
            }
        }

        /** Runs kernel(part) for both parts, side by side when two threads are allowed. */
        void each(java.util.function.IntConsumer kernel) {
            if (parts == 1) kernel.accept(0);
            else if (rows != null && count < MIN_PARALLEL) { kernel.accept(0); kernel.accept(1); }
            else DenseKernels.parallel(() -> kernel.accept(0), () -> kernel.accept(1));
        }

        /**
         * One trial step of size h from y into acc; returns the DOP853 error norm (≤ 1: accept) and sets maxAbs to
         * max |acc_i| (NaN if a component is not finite).
         */
        double step(double h) {
            double[] from = y;
            if (rows != null)   // beyond the kept entries, power k writes only the rows within k hops: the rest start at 0
                for (int r = kept; r < count; r++) { int i = rows[r]; w[i] = 0; wn[i] = 0; acc[i] = 0; e5[i] = 0; e3[i] = 0; }
            for (int k = 1; k <= DEGREE; k++) {
                final int kk = k;
                final double[] src = from, dst = wn;
                each(part -> power(part, kk, h, src, dst));
                if (k < DEGREE) { double[] tmp = w; w = wn; wn = tmp; from = w; }
            }
            double s1 = 0, s2 = 0, m = 0;
            for (int p = 0; p < parts; p++) { s1 += sum1[p]; s2 += sum2[p]; m = Double.isNaN(max[p]) || Double.isNaN(m) ? Double.NaN : Math.max(m, max[p]); }
            maxAbs = m;
            double den = s1 + 0.01 * s2;
            if (den <= 0) den = 1;
            return s1 / Math.sqrt(n * den);
        }

        /**
         * w_k = hL w_{k−1} on this part's rows, with the running sums (and at k = 12 the error sums) of those rows. The
         * estimates have no terms below z^6 and z^4: their sums start there (fewer passes over memory).
         */
        private void power(int part, int k, double h, double[] src, double[] dst) {
            int[] rs = rows;
            int lo = rs == null ? l.cut[part] : rowCut[k][part], hi = rs == null ? l.cut[part + 1] : rowCut[k][part + 1];
            int[] ptr = l.ptr, col = l.col;
            double[] val = l.val, yy = y, ac = acc, f5 = e5, f3 = e3;
            double rk = R[k], ek5 = E5[k], ek3 = E3[k];
            if (k < DEGREE) {
                boolean first = k == 1, start5 = k == FIRST5, start3 = k == FIRST3, add5 = k > FIRST5, add3 = k > FIRST3;
                for (int r = lo; r < hi; r++) {
                    int i = rs == null ? r : rs[r];
                    double s = rowTimes(ptr[i], ptr[i + 1], col, val, src) * h;
                    dst[i] = s;
                    ac[i] = (first ? yy[i] : ac[i]) + rk * s;
                    if (start5) f5[i] = ek5 * s; else if (add5) f5[i] += ek5 * s;
                    if (start3) f3[i] = ek3 * s; else if (add3) f3[i] += ek3 * s;
                }
            } else {
                double a1 = 0, a2 = 0, mx = 0;
                for (int r = lo; r < hi; r++) {
                    int i = rs == null ? r : rs[r];
                    double s = rowTimes(ptr[i], ptr[i + 1], col, val, src) * h;
                    double v = ac[i] + rk * s;
                    ac[i] = v;
                    double sk = atol + rtol * Math.max(Math.abs(yy[i]), Math.abs(v));
                    double r1 = (f5[i] + ek5 * s) / sk, r2 = (f3[i] + ek3 * s) / sk;
                    a1 += r1 * r1;
                    a2 += r2 * r2;
                    double av = Math.abs(v);
                    if (!(av <= mx)) mx = Double.isNaN(av) ? Double.NaN : Math.max(mx, av);
                    if (Double.isNaN(mx)) break;
                }
                sum1[part] = a1; sum2[part] = a2; max[part] = mx;
            }
        }

        /**
         * Σ_q val[q]·x[col[q]] over one row, in two partial sums: one chain of dependent additions (4 cycles each)
         * was the limit of a row of ~12 entries, not the loads.
         */
        private static double rowTimes(int from, int to, int[] col, double[] val, double[] x) {
            double s0 = 0, s1 = 0;
            int q = from;
            for (; q + 1 < to; q += 2) {
                s0 += val[q] * x[col[q]];
                s1 += val[q + 1] * x[col[q + 1]];
            }
            if (q < to) s0 += val[q] * x[col[q]];
            return s0 + s1;
        }

        /** y ← the accepted step. */
        void accept() { double[] tmp = y; y = acc; acc = tmp; }

        /** Hairer's starting step (HNW I, §II.4), as commons-math3 chooses it: two products with L. */
        double initialStep() {
            double[] f0 = new double[n], f1 = new double[n], y1 = new double[n];
            multiply(y, f0);
            double d0 = 0, d1 = 0;
            for (int i = 0; i < n; i++) {
                double sc = atol + rtol * Math.abs(y[i]);
                d0 += (y[i] / sc) * (y[i] / sc);
                d1 += (f0[i] / sc) * (f0[i] / sc);
            }
            d0 = Math.sqrt(d0 / n);
            d1 = Math.sqrt(d1 / n);
            double h0 = d0 < 1e-10 || d1 < 1e-10 ? 1e-6 : 0.01 * d0 / d1;
            for (int i = 0; i < n; i++) y1[i] = y[i] + h0 * f0[i];
            multiply(y1, f1);
            double d2 = 0;
            for (int i = 0; i < n; i++) {
                double sc = atol + rtol * Math.abs(y[i]);
                double d = (f1[i] - f0[i]) / sc;
                d2 += d * d;
            }
            d2 = Math.sqrt(d2 / n) / h0;
            double mx = Math.max(d1, d2);
            double h1 = mx < 1e-15 ? Math.max(1e-6, 0.001 * h0) : Math.pow(0.01 / mx, 1.0 / 8);
            return Math.min(100 * h0, h1);
        }

        private void multiply(double[] x, double[] out) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int q = l.ptr[i]; q < l.ptr[i + 1]; q++) s += l.val[q] * x[l.col[q]];
                out[i] = s;
            }
        }
    }
}
