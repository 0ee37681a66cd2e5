/**
 * The Apache Spark engine of {@code cumulus sweep} ({@code --engine spark --master URL}): the grid
 * points as a Spark job, each partition computing its points with the same per-point code as the
 * local engine ({@link cumulus.plugins.sweep.LocalSweep#row}); rows are appended to the same
 * resumable DIR/results.csv as partitions finish, and DIR/results.parquet holds the whole table.
 * A separate module (built with {@code -Pspark}) so that the core jar does not carry Spark.
 *
 * <p>May import: cumulus.api, cumulus.plugins (the facade and cumulus.plugins.sweep), Spark.
 */
package cumulus.spark;
