package cumulus.plugins.sweep;

import cumulus.api.ModelException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code cumulus sweep}: the model (name or file), fixed {@code --set} values, the grid, the
 * computations and their options as the single commands take them ({@code method} for steady,
 * spectrum and floquet; {@code classifyMethod}, {@code initial}, {@code tEnd}, {@code dt} for
 * classify; {@code count} for spectrum and floquet), the pool size and the shard K of N.
 */
public record SweepRequest(String model, Map<String, String> fixed, List<String> gridSpecs, List<Compute> compute,
                           String method, String classifyMethod, String initial, double tEnd, double dt, int count,
                           int threads, int shardK, int shardN) implements java.io.Serializable {
    public SweepRequest {
        fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        gridSpecs = List.copyOf(gridSpecs);
        compute = List.copyOf(compute);
        if (compute.isEmpty()) throw new ModelException("--compute is empty: give steady, spectrum, classify and/or floquet");
        if (threads < 1) throw new ModelException("--threads must be at least 1, got " + threads);
        if (count < 2) throw new ModelException("--count must be at least 2 (lambda0/mu0 and lambda1/mu1), got " + count);
        if (!(tEnd > 0) || !(dt > 0) || !Double.isFinite(tEnd)) throw new ModelException("--t-end and --dt must be positive");
        if (shardN < 1 || shardK < 1 || shardK > shardN) throw new ModelException("--shard K/N needs 1 <= K <= N, got " + shardK + "/" + shardN);
    }

    /** Defaults of the single commands: exact, meanfield from coherent:0.10017,0 to t = 400 step 0.01, 6 eigenvalues, all cores, one shard. */
    public static SweepRequest of(String model, Map<String, String> fixed, List<String> grid, List<Compute> compute) {
        return new SweepRequest(model, fixed, grid, compute, "exact", "meanfield", "coherent:0.10017,0", 400, 0.01, 6,
                Runtime.getRuntime().availableProcessors(), 1, 1);
    }

    public Grid grid() { return Grid.parse(gridSpecs); }

    public SweepRequest withThreads(int t) { return new SweepRequest(model, fixed, gridSpecs, compute, method, classifyMethod, initial, tEnd, dt, count, t, shardK, shardN); }

    public SweepRequest withShard(int k, int n) { return new SweepRequest(model, fixed, gridSpecs, compute, method, classifyMethod, initial, tEnd, dt, count, threads, k, n); }

    public SweepRequest withClassify(String m, String init, double t, double step) { return new SweepRequest(model, fixed, gridSpecs, compute, method, m, init, t, step, count, threads, shardK, shardN); }

    public SweepRequest withMethod(String m, int c) { return new SweepRequest(model, fixed, gridSpecs, compute, m, classifyMethod, initial, tEnd, dt, c, threads, shardK, shardN); }
}
