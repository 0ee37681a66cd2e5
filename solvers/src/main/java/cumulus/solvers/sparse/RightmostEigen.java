package cumulus.solvers.sparse;

import cumulus.api.Complex;
import cumulus.api.NumericalException;
import org.ejml.data.DMatrixSparseCSC;

import java.util.List;
import java.util.Locale;

/**
 * The rightmost eigenvalues (largest real part) of a large sparse real matrix whose spectrum lies to the left of a
 * real shift σ, e.g. a Liouvillian (Re λ ≤ 0 &lt; σ), from ONE real sparse LU of A − σI.
 *
 * <p>Algorithm: Krylov–Schur on OP = (A − σI)^{-1} ({@link ShiftInvertEigen#search}) whose restarts keep, and whose
 * convergence test asks for, the Ritz values of largest Re λ (λ = σ + 1/θ) instead of the largest |θ|. This is the
 * shift-invert form of the Cayley transform C = (A − σI)^{-1}(A + σI) = I + 2σ OP, which maps the half-plane Re λ &lt; 0
 * into the unit disk with the rightmost eigenvalues nearest its boundary (Meerbergen, Spence &amp; Roose, BIT 34 (1994)
 * 409): both transforms span the same Krylov space, so only the selection differs. Ritz values with Re λ ≥ σ lie
 * outside the spectrum's half-plane and are never wanted (the spurious ones that a rightmost selection attracts).
 *
 * <p>Why this and not a complex shift: the eigenvalue of largest real part can be an oscillating mode far from the real
 * axis behind many slow real modes (collective dephasing: λ₁ = −γ/2N + iω, with ~10 real eigenvalues nearer 0 at
 * N = 48 and more as N grows). Shift-invert ordered by distance to a real σ misses it; the previous route added
 * a complex shift s + iω, i.e. a factorization of the real 2n × 2n block [[A − s, ω], [−ω, A − s]], which stores 3.7
 * times the real factor and costs ~7 times its time (btc N = 512: 120 s against 4 s). Measured here (SciPy
 * prototype, btc and dephasing N = 256, Krylov space 40): the rightmost selection on the small real shift finds the
 * dephasing λ₁ after 150–210 solves and the btc pair −0.0081 ± 1.73i after 200–300, with σ between 0.005 and 1 making
 * little difference; ordering by |θ| never finds either. A solve costs about 1/20–1/40 of the factorization, so the
 * whole search costs about 2–4 real factorizations and the memory of one. The exponential transform exp(τA)
 * (matrix-free, {@code ExpmAction}) orders by Re λ exactly, but separating modes ~1/N apart needs τ ~ N and
 * ~τ‖A‖ ~ N² matrix products per application: far more than a factorization beyond N ~ 100.
 *
 * <p>Certificate: the search does not stop when the wanted Ritz values first converge (a rightmost selection can
 * converge on the slow real modes before an oscillating mode to their right has entered the Krylov space: this
 * happens for the dephasing model at N = 256); it goes on, restarting, until the wanted set stayed the same over
 * {@link Options#verifyRestarts} further restarts — a second Krylov sweep of that many times (m − keep) solves in
 * which nothing to the right of the reported eigenvalues appeared. Every reported eigenvalue is residual-checked on A
 * itself (‖Az − λz‖ ≤ 1e-8 max(‖A‖₁, |λ|) ‖z‖). The Bendixson box (Re λ ≤ λ_max((A + Aᵀ)/2) ≤ its Gershgorin bound,
 * |Im λ| ≤ ‖(A − Aᵀ)/2‖₁) is reported beside it: it bounds where any eigenvalue can be, but for Liouvillians it is far
 * too wide (‖H‖ ~ N) to close the question by itself, so the certificate is the Krylov sweep, not a proof.
 */
public final class RightmostEigen {
    private RightmostEigen() { }

    /**
     * @param shift real shift σ, to the right of the spectrum; NaN for 0.01 max|A_ii| / sqrt(n) (small, positive)
     * @param krylov Krylov space size m
     * @param verifyRestarts restarts after convergence over which the wanted set must stay the same
     */
    public record Options(double shift, int krylov, int verifyRestarts, double oscillation, double reuseRatio) {
        public static Options defaults() { return new Options(Double.NaN, 40, 3, 0, REUSE_RATIO); }

        public Options withShift(double s) { return new Options(s, krylov, verifyRestarts, oscillation, reuseRatio); }

        public Options withVerifyRestarts(int r) { return new Options(shift, krylov, r, oscillation, reuseRatio); }

        /**
         * A frequency ω at which oscillating modes may hide (the model's precession frequencies): a second search,
         * on a real factorization at σ = ω, asks for the rightmost pair with |Im λ| ≥ ω/4 (which then competes with
         * the first search's eigenvalues for the reported places). 0: none.
         */
        public Options withOscillation(double w) { return new Options(shift, krylov, verifyRestarts, w, reuseRatio); }

        /**
         * The factorization cost, in solves of the first search, above which the oscillating-mode search is first
         * tried on the first LU ({@link #REUSE_RATIO}; 0: always, +∞: never).
         */
        public Options withReuseRatio(double r) { return new Options(shift, krylov, verifyRestarts, oscillation, r); }
    }

    /** How far the answer is certified: Krylov work, the verification sweep, and the Bendixson box of the spectrum. */
    public record Certificate(int solves, int restarts, int stableRestarts, int verificationSolves, double bendixsonRe,
                              double bendixsonIm, String text) { }

    /** The eigenvalues sorted by descending real part (λ with Im ≥ 0 before its conjugate), how, and the certificate. */
    public record Result(List<Complex> values, double shift, String method, Certificate certificate) { }

    /** The {@code count} rightmost eigenvalues of {@code a} (both members of a conjugate pair, so possibly count + 1). */
    public static Result compute(DMatrixSparseCSC a, int count, Options o) {
        return computeEach(List.of(a), count, o).get(0);
    }

    /**
     * {@link #compute} over several independent matrices (the symmetry sectors of one Liouvillian), in two phases, each
     * running two sectors side by side when two cores are available (each with its own factorization, so the peak
     * memory is that of two): first every sector's rightmost search on the small shift; then, with a precession
     * frequency ω, every sector's oscillating-mode search on a factorization at σ = ω, which only has to show that
     * no oscillating mode lies right of the line through the count-th rightmost eigenvalue of ALL sectors found so
     * far (the union's λ1 for count 2), and converges one only if it might.
     */
    public static List<Result> computeEach(List<DMatrixSparseCSC> parts, int count, Options o) {
        int p = parts.size();
        First[] first = new First[p];
        // the first searches' LUs, kept for the second LU to factor into (and first for a trial of the oscillating-mode
        // search where a factorization costs many solves); at most two (the phases' peak memory stays that of two side by side)
        SparseLU[] kept = new SparseLU[p];
        DenseKernels.eachPair(p, i -> first[i] = first(parts.get(i), Math.min(count, parts.get(i).numRows - 2), o, p <= 2 ? kept : null, i));
        double line = split(o, count) ? line(java.util.Arrays.stream(first).map(First::values).toList(), count) : Double.NaN;
        Result[] out = new Result[p];
        DenseKernels.eachPair(p, i -> out[i] = second(parts.get(i), Math.min(count, parts.get(i).numRows - 2), o, first[i], line, kept, i));
        return List.of(out);
    }

    /** What the first search of a sector found, and the sentences describing it. */
    private record First(List<Complex> values, double sigma, int solves, int restarts, int stableRestarts, int verification,
                         double[] box, String method, String text, SparseLU.Ordering ordering, double[][] seed, boolean trial) { }

    /**
     * A factorization that costs more than this many solves (4-D lattices: btc-pair N = 16, 1.3e12 flops, ~107 s against
     * ~0.1 s a solve) is worth a trial of the oscillating-mode search on the first search's LU before factoring at σ = ω.
     */
    static final double REUSE_RATIO = 300;
    /** Restarts of that trial (about 40 + 4 × 17 solves): where it does not resolve the line, σ = ω decides. */
    static final int TRIAL_RESTARTS = 4;

    /**
     * The rightmost search on one real LU at the small shift σ; with an oscillation frequency ω it orders only the
     * modes with |Im λ| &lt; ω/4 (the oscillating ones are the second search's). Its LU goes into kept[index] (if
     * kept is given) for the second search: its arrays take the LU at σ = ω, and a trial runs on it first when its
     * factorization cost more than the reuse ratio of its solves.
     */
    private static First first(DMatrixSparseCSC a, int count, Options o, SparseLU[] kept, int index) {
        int n = a.numCols;
        if (a.numRows != n) throw new IllegalArgumentException("RightmostEigen: matrix must be square");
        if (count < 1 || count > n - 2) throw new IllegalArgumentException("RightmostEigen: count must be in [1, n-2], got " + count);
        double sigma = Double.isNaN(o.shift()) ? defaultShift(a) : o.shift();
        boolean split = split(o, count);
        DMatrixSparseCSC shifted = ShiftInvertEigen.shifted(a, sigma);
        // A − σI and A − ωI share their pattern: one nested-dissection ordering serves both factorizations
        SparseLU.Ordering ordering = split ? SparseLU.order(shifted) : null;
        SparseLU lu = split ? SparseLU.factor(shifted, ordering) : SparseLU.factor(shifted);
        shifted = null;
        int nev = Math.min(n - 2, count);   // pairs are completed, and the verification sweep guards the last asked one
        Stage stage = new Stage("Arnoldi (rightmost eigenvalues, Krylov-Schur on (L - sigma)^-1)");
        // λ0 and λ1 (with its conjugate) are converged and verified; the further ones asked for are extracted in the
        // same order and residual-checked: converging all of them costs thousands of solves when they are
        // oscillating modes (dephasing, count 6: 7455 solves at N = 256 without converging)
        ShiftInvertEigen.Search s = ShiftInvertEigen.search(a, sigma, Math.min(nev, 2), nev, lu,
                split ? ShiftInvertEigen.Which.RIGHTMOST_REAL : ShiftInvertEigen.Which.RIGHTMOST, split ? o.oscillation() / 4 : 0,
                o.krylov(), o.verifyRestarts(), stage);
        stage.done(s.solves() + " solves, " + s.restarts() + " restarts");
        boolean trial = split && lu.factorSeconds() >= o.reuseRatio() * stage.seconds() / Math.max(1, s.solves());
        if (split && kept != null) kept[index] = lu;
        if (s.values().size() < Math.min(count, 2) && !split)
            throw new NumericalException(String.format(Locale.ROOT, "rightmost eigenvalues: only %d of %d eigenvalues passed the residual check after %d solves (shift %.3g)",
                    s.values().size(), count, s.solves(), sigma));
        int m = Math.min(n, Math.max(o.krylov(), nev + 8));
        int verification = s.verificationSolves();
        double[] box = bendixson(a);
        String modes = split ? String.format(Locale.ROOT, " of the modes with |Im| < %.3g", o.oscillation() / 4) : "";
        String text = String.format(Locale.ROOT, "%s; the %d rightmost%s (lambda0, lambda1) unchanged over %d further restarts (%d solves) of the rightmost-ordered Krylov sweep; "
                        + "each residual-checked on L; Bendixson box Re <= %.3g, |Im| <= %.3g",
                s.converged() ? "converged" : "NOT converged within the restart budget", Math.min(nev, 2), modes, s.stableRestarts(), verification, box[0], box[1])
                + (nev > 2 ? "; the further eigenvalues are residual-checked, their order beyond lambda1 is not certified" : "");
        String method = String.format(Locale.ROOT, "rightmost eigenvalues%s by shift-invert Krylov-Schur on (L - sigma I)^-1 ordered by Re(lambda) (Cayley form, one real LU), sigma=%.3g, m=%d, %d solves",
                modes, sigma, m, s.solves());
        return new First(s.values(), sigma, s.solves(), s.restarts(), s.stableRestarts(), verification, box, method, text, ordering,
                s.oscillatingSeed(), trial);   // the seed: non-null only from the RIGHTMOST_REAL search of the split phases
    }

    private static boolean oscillating(Options o) { return o.oscillation() > 0 && Double.isFinite(o.oscillation()); }

    /**
     * Whether the phases split the spectrum at |Im λ| = ω/4: only for λ0 and λ1 (count ≤ 2), the places the search
     * certifies. A longer list keeps the oscillating modes in the first search's extraction (and the second search
     * converges its pair whatever the line), as its places beyond λ1 would otherwise lack them.
     */
    private static boolean split(Options o, int count) { return oscillating(o) && count <= 2; }

    /** Appends z unless the list holds it already (to 1e-8 relative): the second search may find the first's values. */
    static void addNew(List<Complex> values, Complex z) {
        for (Complex y : values) if (y.minus(z).abs() <= 1e-8 * Math.max(1, z.abs())) return;
        values.add(z);
    }

    /**
     * The line an oscillating mode must cross to matter: Re λ of the count-th (at most the 2nd) rightmost of the union
     * of the blocks' eigenvalues; −∞ if there are fewer.
     */
    static double line(List<List<Complex>> each, int count) {
        List<Complex> all = new java.util.ArrayList<>();
        for (List<Complex> v : each) all.addAll(v);
        all.sort(java.util.Comparator.comparingDouble((Complex z) -> -z.re()));
        int k = Math.min(count, 2);
        return all.size() >= k ? all.get(k - 1).re() : Double.NEGATIVE_INFINITY;
    }

    /**
     * The oscillating modes, with a precession frequency ω: a real shift at ω puts them on the boundary of the
     * transformed spectrum beside the (then tightly clustered) slow real modes, where they enter the Krylov space early.
     * The search stops once its rightmost oscillating Ritz value is resolved left of {@code line}; otherwise it
     * converges it and it competes with the first search's eigenvalues.
     */
    private static Result second(DMatrixSparseCSC a, int count, Options o, First f, double line, SparseLU[] kept, int index) {
        List<Complex> values = new java.util.ArrayList<>(f.values());
        String method = f.method(), text = f.text();
        int solves = f.solves();
        SparseLU first = kept[index];
        kept[index] = null;
        if (oscillating(o) && first != null && f.trial() && Double.isFinite(line)) {
            // the trial: the same search on the first LU, which counts only if it shows the line unreached
            double w = o.oscillation();
            Stage st = new Stage("Arnoldi (oscillating modes, Krylov-Schur on the first LU (L - sigma)^-1)");
            ShiftInvertEigen.Search t = ShiftInvertEigen.search(a, f.sigma(), 2, 2, first, ShiftInvertEigen.Which.RIGHTMOST_OFF_AXIS, w / 4,
                    o.krylov(), o.verifyRestarts(), line, f.seed(), st, 1, TRIAL_RESTARTS);
            st.done(t.solves() + " solves" + (t.resolvedLeft() ? ", none right of the line" : ", the line not resolved"));
            solves += t.solves();
            if (t.resolvedLeft()) {
                method += String.format(Locale.ROOT, "; oscillating modes (|Im| >= %.3g) by the same ordering on the first LU (its factorization cost more than %.0f solves), %d solves",
                        w / 4, o.reuseRatio(), t.solves());
                return result(f, values, method, text + resolved(line, count), solves);
            }
            method += String.format(Locale.ROOT, "; a trial of the oscillating-mode search on the first LU did not resolve the line in %d solves", t.solves());
        }
        if (oscillating(o)) {
            double w = o.oscillation();
            int nev = Math.min(a.numCols - 2, count);
            DMatrixSparseCSC shifted = ShiftInvertEigen.shifted(a, w);
            // into the first LU's arrays, which the first search no longer needs
            SparseLU lu2 = f.ordering() != null ? SparseLU.factor(shifted, f.ordering(), first) : SparseLU.factor(shifted);
            first = null;
            shifted = null;
            Stage st2 = new Stage("Arnoldi (oscillating modes, Krylov-Schur on (L - omega)^-1)");
            ShiftInvertEigen.Search s2 = ShiftInvertEigen.search(a, w, Math.min(nev, 2), Math.min(nev, 2), lu2, ShiftInvertEigen.Which.RIGHTMOST_OFF_AXIS, w / 4,
                    o.krylov(), o.verifyRestarts(), line, f.seed(), st2);
            st2.done(s2.solves() + " solves, " + s2.restarts() + " restarts" + (s2.resolvedLeft() ? ", none right of the line" : ""));
            for (Complex z : s2.values()) {
                addNew(values, z);
            }
            solves += s2.solves();
            method += String.format(Locale.ROOT, "; oscillating modes (|Im| >= %.3g) by the same ordering on a second real LU at sigma=%.3g, %d solves%s", w / 4, w, s2.solves(),
                    f.seed() != null ? " (started half from the first search's rightmost oscillating Ritz pair)" : "");
            text += s2.resolvedLeft()
                    ? resolved(line, count)
                    : String.format(Locale.ROOT, "; oscillating-mode search %s, unchanged over %d restarts",
                            s2.converged() ? "converged" : "NOT converged within its budget (no oscillating mode to converge on, or too slow)", s2.stableRestarts());
        }
        return result(f, values, method, text, solves);
    }

    /** The certificate's sentence for an oscillating-mode search that showed the line unreached. */
    private static String resolved(double line, int count) {
        return String.format(Locale.ROOT, "; oscillating-mode search: the rightmost oscillating Ritz value lay left of Re lambda = %.6g (the %s rightmost of all blocks' first searches) "
                        + "by %.0f times its error estimate at every check over %d solves, so none competes", line, count >= 2 ? "2nd" : "1st",
                ShiftInvertEigen.RESOLVED_MARGIN, ShiftInvertEigen.RESOLVED_SOLVES);
    }

    private static Result result(First f, List<Complex> values, String method, String text, int solves) {
        // a sector's second place may be an oscillating mode resolved left of the union's line: one value is enough
        if (values.isEmpty())
            throw new NumericalException(String.format(Locale.ROOT, "rightmost eigenvalues: no eigenvalue passed the residual check after %d solves (shift %.3g)",
                    solves, f.sigma()));
        values.sort(java.util.Comparator.comparingDouble((Complex z) -> -z.re()).thenComparing(z -> -z.im()));
        Certificate c = new Certificate(solves, f.restarts(), f.stableRestarts(), f.verification(), f.box()[0], f.box()[1], text);
        return new Result(values, f.sigma(), method, c);
    }

    /** σ = 0.01 · max|A_ii| / sqrt(n): small and positive, so that λ = 0 is not hit exactly. */
    public static double defaultShift(DMatrixSparseCSC a) {
        double m = 0;
        for (int c = 0; c < a.numCols; c++) for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++)
            if (a.nz_rows[k] == c) m = Math.max(m, Math.abs(a.nz_values[k]));
        double s = 0.01 * m / Math.sqrt(a.numRows);
        return s > 0 ? s : 1e-3;
    }

    /**
     * Bendixson's box: every eigenvalue has Re λ ≤ max_i (S_ii + Σ_{j≠i} |S_ij|) (Gershgorin on S = (A + Aᵀ)/2) and
     * |Im λ| ≤ ‖K‖₂ ≤ ‖K‖₁ for K = (A − Aᵀ)/2 (λ = x*Ax for a unit eigenvector x).
     */
    static double[] bendixson(DMatrixSparseCSC a) {
        int n = a.numCols;
        double[] diag = new double[n], offS = new double[n], colK = new double[n];
        DMatrixSparseCSC t = org.ejml.sparse.csc.CommonOps_DSCC.transpose(a, null, null);
        // columns of A and of A^T side by side (both sorted by row after a merge-free dense scatter)
        double[] wa = new double[n], wt = new double[n];
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        int[] list = new int[n];
        for (int j = 0; j < n; j++) {
            int c = 0;
            for (int k = a.col_idx[j]; k < a.col_idx[j + 1]; k++) { int i = a.nz_rows[k]; if (mark[i] != j) { mark[i] = j; list[c++] = i; wa[i] = 0; wt[i] = 0; } wa[i] += a.nz_values[k]; }
            for (int k = t.col_idx[j]; k < t.col_idx[j + 1]; k++) { int i = t.nz_rows[k]; if (mark[i] != j) { mark[i] = j; list[c++] = i; wa[i] = 0; wt[i] = 0; } wt[i] += t.nz_values[k]; }
            for (int q = 0; q < c; q++) {
                int i = list[q];
                double s = 0.5 * (wa[i] + wt[i]), k = 0.5 * (wa[i] - wt[i]);
                if (i == j) diag[j] = s; else offS[j] += Math.abs(s);
                colK[j] += Math.abs(k);
            }
        }
        double re = Double.NEGATIVE_INFINITY, im = 0;
        for (int j = 0; j < n; j++) { re = Math.max(re, diag[j] + offS[j]); im = Math.max(im, colK[j]); }
        return new double[]{re, im};
    }
}
