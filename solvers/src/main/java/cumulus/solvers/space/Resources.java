package cumulus.solvers.space;

import cumulus.api.ModelException;
import cumulus.api.Progress;

import java.util.Locale;

/**
 * Memory and time of an exact computation, estimated before it starts, so that a run beyond this
 * machine is refused at once (exit 2, with the estimate) instead of growing for minutes, and a
 * large run says what it is about to do.
 *
 * <p>The Liouvillian's unknowns |i⟩⟨j| form a grid of k = 2·(ensembles + bosons) dimensions (m, m'
 * per ensemble, n, n' per boson; the permutation-invariant space j, m, m' is k = 3). Nested
 * dissection on a k-dimensional grid stores O(n log n) factor entries for k = 2 and
 * O(n^{2(k−1)/k}) for k ≥ 3 (George 1973; Lipton, Rose &amp; Tarjan 1979). The constants were
 * measured with {@code cumulus.solvers.sparse.SparseLU} here: btc (k = 2) E = (3.5 + 0.117 log2 n)
 * n log2 n (N = 64..1024, 4.9..5.8 n log2 n); local-btc (k = 3) E ≈ 13 n^{4/3} (N = 40..100);
 * dicke (k = 4) E ≈ 7 n^{3/2} (N = 4..16, cutoffs 12..24); the complex-shift block system
 * [[A − s, ω], [−ω, A − s]] stores 3.7 times the real factor (btc N = 128..512); the spectrum no longer
 * factors it ({@link #spectrum}: one real LU and a few hundred solves). A stored entry costs
 * ~11 bytes with the fronts' workspace; the factorization does ~2E²/n flops, at ~2 Gflop/s here.
 */
public final class Resources {
    private Resources() { }

    /** Bytes per stored factor entry (8 for the value, the rest for fronts and indices, measured). */
    static final double BYTES_PER_ENTRY = 11;
    /** Sustained flop rate of the multifrontal factorization on this 2-core machine. */
    static final double FLOPS = 2e9;
    /** Runs above this many bytes or seconds announce their estimate. */
    static final double ANNOUNCE_BYTES = 2e9, ANNOUNCE_SECONDS = 20;

    /** An estimate of one computation: what it is, how many real unknowns, peak bytes, seconds. */
    public record Estimate(String what, long unknowns, double bytes, double seconds) {
        public String text() {
            return String.format(Locale.ROOT, "%s: %,d real unknowns, about %s of memory and %s", what, unknowns, gb(bytes), duration(seconds));
        }
    }

    /** Stored LU entries of a Liouvillian of n unknowns on a k-dimensional grid. */
    static double luEntries(double n, int dims) {
        double l2 = Math.log(Math.max(n, 2)) / Math.log(2);
        if (dims <= 2) return (3.5 + 0.117 * l2) * n * l2;
        if (dims == 3) return 13 * Math.pow(n, 4.0 / 3);
        return 7 * Math.pow(n, 2.0 * (Math.min(dims, 6) - 1) / Math.min(dims, 6));
    }

    /**
     * A sparse direct solve (steady state) or shift-invert eigen-search: the real factorization, and
     * with {@code complexShift} also the 2n-unknown block factorization of a complex shift, plus
     * {@code vectors} Krylov vectors and the Liouvillian's own {@code nnz} entries.
     */
    public static Estimate direct(String what, long n, long nnz, int dims, boolean complexShift, int vectors) {
        return direct(what, n, nnz, dims, complexShift, vectors, 1);
    }

    /**
     * The same when only {@code share} of the whole factor is stored: g independent slabs of a
     * 3-dimensional grid (a block-Jacobi preconditioner) store g^{-1/3} of it.
     */
    public static Estimate direct(String what, long n, long nnz, int dims, boolean complexShift, int vectors, double share) {
        double e = share * luEntries(n, dims);
        double peakFactor = complexShift ? 3.7 * e : e;
        double bytes = BYTES_PER_ENTRY * peakFactor + 36.0 * nnz + 8.0 * vectors * n * (complexShift ? 2 : 1);
        double seconds = 2 * e * e / n / FLOPS * (complexShift ? 1 + 3.7 * 3.7 / 2 : 1);
        return new Estimate(what, n, bytes, seconds);
    }

    /** Solves with the factor that a rightmost-eigenvalue search makes (convergence plus the verification sweep, measured 150–600). */
    static final int RIGHTMOST_SOLVES = 300;
    /** Memory bandwidth of a triangular solve here (it reads the whole factor once per solve), bytes per second. */
    static final double SOLVE_BANDWIDTH = 5e9;

    /**
     * The rightmost {@code count} eigenvalues ({@link cumulus.solvers.sparse.RightmostEigen}): one real factorization
     * (no complex-shift block), a Krylov space of {@code krylov} vectors, the shifted and transposed copies of L, and
     * about {@value #RIGHTMOST_SOLVES} solves that each read the factor once. {@code sectors} independent parts are
     * factored side by side (two at once).
     */
    public static Estimate spectrum(String what, long n, long nnz, int dims, int krylov, int sectors) {
        Estimate d = direct(what, n, nnz, dims, false, krylov, 1);
        double e = luEntries(n, dims);
        double solves = RIGHTMOST_SOLVES * 8.0 * e / SOLVE_BANDWIDTH;   // dense fronts: 8 bytes per entry
        // two sectors of n/2 side by side hold as much factor as one of n, or less (fill is superlinear)
        return new Estimate(d.what(), n, d.bytes() + 36.0 * nnz, d.seconds() + solves * (sectors > 1 ? 0.5 : 1));
    }

    /** Assembling the Liouvillian: about {@code nnzPerColumn} entries per column, a few copies. */
    public static Estimate assembly(String what, long n, int nnzPerColumn) {
        return new Estimate(what, n, 36.0 * nnzPerColumn * n + 8.0 * 4 * n, 1e-7 * nnzPerColumn * n);
    }

    /** Whether the estimate fits in 90% of this run's heap. */
    public static boolean fits(Estimate e) { return e.bytes() <= 0.9 * Runtime.getRuntime().maxMemory(); }

    /** Refuses an estimate beyond 90% of the heap; announces large ones on the progress channel. */
    public static void admit(Estimate e) {
        double heap = Runtime.getRuntime().maxMemory();
        if (e.bytes() > 0.9 * heap)
            throw new ModelException(e.text() + ", more than the " + gb(heap) + " heap of this run: use a smaller N or cutoff, "
                    + "or raise the heap (CUMULUS_HEAP=90 for 90% of memory, or CUMULUS_JAVA_OPTS=-Xmx..g) on a larger machine");
        if (e.bytes() > ANNOUNCE_BYTES || e.seconds() > ANNOUNCE_SECONDS) Progress.get().note(e.text() + " (estimate)");
    }

    static String gb(double bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9) : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    static String duration(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.0f s", Math.max(1, s));
        if (s < 7200) return String.format(Locale.ROOT, "%.0f min", s / 60);
        if (s < 48 * 3600) return String.format(Locale.ROOT, "%.0f h", s / 3600);
        return String.format(Locale.ROOT, "%.0f days", s / 86400);
    }
}
