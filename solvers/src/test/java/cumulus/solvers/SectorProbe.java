package cumulus.solvers;

import cumulus.models.LocalBtc;
import cumulus.solvers.piqs.PermutationInvariantSpace;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class SectorProbe {
    @Test void probe() {
        int n = Integer.getInteger("probe.N", 60);
        var model = new LocalBtc().model();
        var space = new PermutationInvariantSpace(model, model.resolve(Map.of("N", Integer.toString(n))));
        DMatrixSparseCSC l = space.generator(space.values());
        long t0 = System.nanoTime();
        var e = SectorSpectrum.compute(l, space.sectorOffsets(), 2, 400, List.of());
        long t1 = System.nanoTime();
        System.out.println("sector " + (t1 - t0) / 1e9 + " s: " + e.values().subList(0, Math.min(6, e.values().size())) + "\n" + e.method());
        if (Boolean.getBoolean("probe.lu")) {
            var f = LiouvillianSpectrum.compute(l, 2, 400, new Shifts(Shifts.real(l), List.of(), ""), LiouvillianSpectrum.Search.RIGHTMOST);
            System.out.println("LU " + (System.nanoTime() - t1) / 1e9 + " s: " + f.values().subList(0, Math.min(6, f.values().size())));
        }
    }
}
