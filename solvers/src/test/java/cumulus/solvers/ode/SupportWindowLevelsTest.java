package cumulus.solvers.ode;

import cumulus.api.Model;
import cumulus.models.Btc;
import cumulus.solvers.Refs;
import cumulus.solvers.Spaces;
import cumulus.solvers.space.LiouvillianSpace;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's levels are the reach of the powers of L: the first levelEnd(k) rows are exactly the coordinates where
 * L^k y can be nonzero (the union over j ≤ k of the patterns of L^j y, by boolean products), for k = 0 … 12.
 */
class SupportWindowLevelsTest {
    @ParameterizedTest(name = "levels split over two threads: {0}")
    @ValueSource(booleans = {false, true})
    void theFirstLevelEndKRowsAreTheReachOfTheKthPower(boolean split) {
        Model btc = new Btc().model();
        LiouvillianSpace space = Spaces.of(btc, Refs.params(btc, "N", 64, "omega_x", 2));
        DMatrixSparseCSC l = space.generator(space.values());
        int n = l.numRows;
        double[] y = new double[n];
        Random rnd = new Random(7);
        for (int k = 0; k < 5; k++) y[rnd.nextInt(n)] = 0.1 + rnd.nextDouble();
        SupportWindow w = new SupportWindow(space.traceNormWeights(), 0, 1);
        if (split) w.splitFrom = 2;   // every level of two or more columns (and the histogram) on two threads
        int[] rows = w.reshape(0, y.clone(), false, false, split, l.col_idx, l.nz_rows);
        assertNotNull(rows, "five entries and their 12 hops are a small part of 4225 coordinates");
        boolean[] reach = new boolean[n];
        for (int i = 0; i < n; i++) reach[i] = y[i] != 0;
        for (int k = 0; k <= SupportWindow.HOPS; k++) {
            if (k > 0) {   // one boolean product with the pattern of L, keeping what was reached
                boolean[] next = reach.clone();
                for (int c = 0; c < n; c++)
                    if (reach[c]) for (int q = l.col_idx[c]; q < l.col_idx[c + 1]; q++) next[l.nz_rows[q]] = true;
                reach = next;
            }
            Set<Integer> want = new HashSet<>(), got = new HashSet<>();
            for (int i = 0; i < n; i++) if (reach[i]) want.add(i);
            for (int r = 0; r < w.levelEnd(k); r++) got.add(rows[r]);
            assertTrue(want.equals(got), "rows within " + k + " hops: " + want.size() + " reached, " + got.size() + " in the window");
        }
        assertEquals(w.levelEnd(SupportWindow.HOPS), w.size());
        Set<Integer> distinct = new HashSet<>();
        for (int r = 0; r < w.size(); r++) distinct.add(rows[r]);
        assertEquals(w.size(), distinct.size(), "no row twice in the window");
    }
}
