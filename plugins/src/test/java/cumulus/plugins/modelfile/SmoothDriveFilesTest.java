package cumulus.plugins.modelfile;

import cumulus.api.Complex;
import cumulus.api.FloquetResult;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Trajectory;
import cumulus.plugins.Cumulus;
import cumulus.solvers.Refs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The example files of smooth drives in t (examples/models/cos-drive-floquet.yaml,
 * local-cos-drive.yaml), through the facade, give QuTiP 5.3.1's numbers (refs/smooth_drive.py):
 * the two formerly silent cases.
 */
class SmoothDriveFilesTest {
    static Cumulus cumulus;

    @BeforeAll
    static void create() { cumulus = Cumulus.create(SmoothDriveFilesTest.class.getClassLoader()); }

    static Model file(String name) { return cumulus.model(ModelFileExamplesTest.file(name).toString()); }

    @Test
    void cosineDriveFileHasTheMultipliersOfQutipsPropagator() {
        Model m = file("cos-drive-floquet");
        FloquetResult r = cumulus.floquetSolver().floquet(m, m.resolve(Map.of()), 3);
        Complex mu = r.multipliers().get(1);
        assertEquals(0.133944202805, mu.re(), 1e-9);
        assertEquals(0.08207518155256, Math.abs(mu.im()), 1e-9);
        assertEquals(1, r.multipliers().get(0).re(), 1e-10);
        // its Floquet steady state is where the stroboscopic orbit from 'up' goes (QuTiP, n = 5: 1e-4 from it)
        List<Map<String, Double>> strobe = Refs.read("smooth_stroboscopic.csv");
        assertEquals(strobe.get(5).get("m1z"), r.expectations().get("m1z"), 1e-3);
    }

    @Test
    void cosineDriveWithLocalDephasingFileFollowsMesolve() {
        Model m = file("local-cos-drive");
        Trajectory t = cumulus.dynamics("exact").evolve(m, m.resolve(Map.of()), InitialState.parse("up", m), 2, 0.25);
        List<Map<String, Double>> ref = Refs.read("smooth_local.csv");
        assertEquals(ref.size(), t.rows().size());
        for (int i = 0; i < ref.size(); i++) for (String c : new String[]{"m1x", "m1y", "m1z"})
            assertEquals(ref.get(i).get(c), t.value(i, c), 1e-8, c + " at t = " + ref.get(i).get("t"));
    }
}
