package cumulus.solvers;

import cumulus.api.*;
import cumulus.models.*;
import org.junit.jupiter.api.Test;

class ScratchProfTest {
    @Test void look() {
        System.setProperty("cumulus.exact.debug", "true");
        Model de = new Dephasing().model();
        for (int n : new int[]{64}) {
            var l = Liouvillian.assemble(new NumericModel(de, Refs.params(de, "N", n)));
            double s0 = LiouvillianSpectrum.shift(l.matrix());
            long t0 = System.nanoTime();
            var v = ComplexShiftArnoldi.nearest(l.matrix(), s0, 1.0, 12);
            System.out.printf("N=%d complexArnoldi %.2f %s%n", n, (System.nanoTime() - t0) / 1e9, v);
        }
    }
}
