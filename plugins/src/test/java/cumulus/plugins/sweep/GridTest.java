package cumulus.plugins.sweep;

import cumulus.api.ModelException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The grid of a sweep: ranges with both ends, the product in row-major order, shards that partition it. */
class GridTest {
    @Test
    void aRangeHasNPointsWithBothEndsAndRoundValues() {
        assertEquals(List.of(0.1, 0.2, 0.3, 0.4, 0.5), Grid.Axis.parse("omega_x=0.1:0.5:5").values());
        assertEquals(List.of(3.0), Grid.Axis.parse("N=3:3:1").values());
        assertEquals(List.of(1.0, 2.5, 4.0), Grid.Axis.parse("g = 1, 2.5 ,4").values());
    }

    @Test
    void malformedListsAreRefusedNamingTheParameter() {
        for (String bad : new String[]{"omega_x", "omega_x=", "omega_x=1:2", "omega_x=1:2:0", "omega_x=1:2:x", "omega_x=a,b", "omega_x=1,1", "omega_x=1:2:1"}) {
            ModelException e = assertThrows(ModelException.class, () -> Grid.Axis.parse(bad), bad);
            assertTrue(e.getMessage().contains("omega_x"), e.getMessage());
        }
        assertThrows(ModelException.class, () -> Grid.parse(List.of("N=1,2", "N=3")));
    }

    @Test
    void theProductIsRowMajorWithTheFirstAxisSlowest() {
        List<Grid.Point> p = Grid.parse(List.of("a=1,2", "b=10,20,30")).points();
        assertEquals(6, p.size());
        assertEquals(List.of(1.0, 10.0), new ArrayList<>(p.get(0).values().values()));
        assertEquals(List.of(1.0, 30.0), new ArrayList<>(p.get(2).values().values()));
        assertEquals(List.of(2.0, 10.0), new ArrayList<>(p.get(3).values().values()));
        assertEquals("a=2,b=30", p.get(5).label());
    }

    @Test
    void interleavedShardsPartitionTheGrid() {
        Grid g = Grid.parse(List.of("a=0:1:7", "b=1,2,3"));
        Set<Integer> seen = new HashSet<>();
        int total = 0;
        for (int k = 1; k <= 4; k++) {
            for (Grid.Point p : g.shard(k, 4)) {
                assertEquals(k - 1, p.index() % 4);
                assertTrue(seen.add(p.index()));
                total++;
            }
        }
        assertEquals(21, total);
        assertThrows(ModelException.class, () -> g.shard(5, 4));
    }

    @Test
    void csvCellsRoundTripQuotesAndCommas() {
        List<String> cells = List.of("0.5", "steady: error: bad \"x\", fix it", "");
        assertEquals(cells, Cells.parse(Cells.line(cells)));
        assertNull(Cells.parse("1,\"open"));
        assertEquals("4", Cells.number(4.0));
        assertEquals("0.30000000000000004", Cells.number(0.1 + 0.2));
        assertEquals("", Cells.number(Double.NaN));
    }
}
