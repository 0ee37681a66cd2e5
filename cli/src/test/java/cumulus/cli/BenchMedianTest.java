package cumulus.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's table shows medians of repeated runs: a slow or failed run must not decide a ratio. */
class BenchMedianTest {
    @Test
    void theMedianSkipsFailedRunsAndThePeakIsTheLargest() {
        assertEquals(2.0, BenchProcess.median(new double[]{3, 1, 2}), 0);
        assertEquals(2.5, BenchProcess.median(new double[]{4, 1, 3, 2}), 0);
        assertEquals(1.5, BenchProcess.median(new double[]{Double.NaN, 1, 2}), 0, "a failed run (NaN) is left out");
        assertTrue(Double.isNaN(BenchProcess.median(new double[]{Double.NaN, Double.NaN})));
        // {wall s, peak MB, lambda1} of three fresh processes, one of them slowed by the machine
        double[][] runs = {{2.1, 500, -4.6e-3}, {3.9, 530, -4.6e-3}, {2.3, 510, -4.6e-3}};
        assertArrayEquals(new double[]{2.3, 530, -4.6e-3}, BenchProcess.median(runs), 0);
    }
}
