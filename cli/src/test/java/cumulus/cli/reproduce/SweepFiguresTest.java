package cumulus.cli.reproduce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Full-mode figures computed through {@code sweep} equal the same figures computed point by point. */
class SweepFiguresTest {
    private static final double TOL = 1e-9;

    @Test
    void fig2bThroughASweepEqualsFig2bPointByPoint(@TempDir Path dir) {
        Context ctx = Context.quiet().sweeps(dir);
        int[] ns = {4, 6};
        double[] w = {0.5, 1.5, 2.5};
        FigureData bySweep = new Fig2b().compute(ctx, ns, w, true);
        FigureData direct = new Fig2b().compute(Context.quiet(), ns, w, false);
        Series a = bySweep.panels().get(0).series("N = 6"), b = direct.panels().get(0).series("N = 6");
        for (int i = 0; i < w.length; i++) assertEquals(b.y()[i], a.y()[i], TOL);
        assertTrue(Files.exists(dir.resolve("fig2b/results.csv")));
        assertTrue(Files.exists(dir.resolve("fig2b/sweep.png")));
    }

    @Test
    void theGapScalingPanelsOfFigS2ThroughASweepEqualThePointByPointOnes(@TempDir Path dir) {
        int[] ns = {4, 8};
        double[] g = {1, 10};
        FigureData bySweep = new FigS2().compute(Context.quiet().sweeps(dir), ns, g, new int[]{4}, 4, 2.0, true);
        FigureData direct = new FigS2().compute(Context.quiet(), ns, g, new int[]{4}, 4, 2.0, false);
        for (String key : direct.numbers().keySet())
            if (key.contains("lambda1")) assertEquals(direct.number(key), bySweep.number(key), TOL, key);
    }

    @Test
    void theAttractorMapHasTheIssuesOrbitsAtOmegaXxThree(@TempDir Path dir) {
        FigureData d = new FigAttractors().compute(Context.quiet().sweeps(dir), "map", "omega_zz=0.35,0.45,0.8,1", "omega_xx=3", 400);
        String notes = d.notes();
        // issue 16 / refs/btc_pair_attractors.csv: LC T = 4.9458 at 0.35, no recurrence at 0.45, period-1 T = 7.2015 at 0.80, period 2 at 1.0
        assertTrue(notes.contains("| 3.00 | LC1 | IR | LC1 | LC2 |"), notes);
        assertEquals(4.9458273, d.number("period_at_paper_point"), 1e-6);
    }
}
