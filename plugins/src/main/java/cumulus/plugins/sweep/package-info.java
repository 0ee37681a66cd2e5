/**
 * Parameter sweeps ({@code cumulus sweep}): a {@link cumulus.plugins.sweep.Grid} of parameter
 * points (the product of the {@code --grid} axes, optionally one interleaved shard of it), the
 * per-point computations of the single commands ({@link cumulus.plugins.sweep.PointRunner}), the
 * local work-stealing engine ({@link cumulus.plugins.sweep.LocalSweep}) and the resumable,
 * append-only {@code results.csv} ({@link cumulus.plugins.sweep.ResultsTable}) with the merge of
 * shards.
 *
 * <p>May import: cumulus.api, cumulus.plugins (the facade and the classifier).
 */
package cumulus.plugins.sweep;
