package cumulus.solvers.floquet;

import cumulus.api.FloquetResult;
import cumulus.api.Model;
import cumulus.models.DickeFloquet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** dicke-floquet (Eq. 13) against QuTiP (shared/refs/dicke_floquet.csv, dense route). */
class DickeFloquetTest {
    private static final Model DICKE = new DickeFloquet().model();

    @ParameterizedTest(name = "N = {0}, cutoff {1}")
    @CsvSource({"2, 16, 0.40127559104599364, -0.5987244089540064", "4, 16, 0.0630985796425233, -0.9369014203574767"})
    void floquetGapAndSlowestMultiplierMatchQutip(int n, int cutoff, double gap, double mu1) {
        FloquetResult r = new FloquetEngine().floquet(DICKE, DICKE.resolve(Map.of("N", Integer.toString(n), "cutoff", Integer.toString(cutoff))), 3);
        assertEquals(1.0, r.multipliers().get(0).re(), 1e-10);
        assertEquals(gap, r.floquetGap(), 1e-8 * gap, "floquet_gap, relative 1e-8");
        assertEquals(mu1, r.multipliers().get(1).re(), 1e-9);
        assertEquals(0.0, r.multipliers().get(1).im(), 1e-9, "the slowest multiplier is real and negative: period doubling");
        assertEquals(5 * 0 + (n + 1) * cutoff, r.dimension());
    }
}
