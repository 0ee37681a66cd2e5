package cumulus.cli.reproduce;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary's diagnosis: the paper's sufficient condition (Eq. 11) at small N. */
class DiagnosisTest {
    static Context ctx;

    @BeforeAll static void setUp() { ctx = Context.quiet(); }

    static final int[] NS = {4, 8, 16};

    @Test void btcTimeCrystalIsGapless() {
        Diagnosis.Row r = Diagnosis.diagnose(ctx, "btc 2", "btc", new Object[]{"omega_x", 2.0}, NS, NS);
        assertEquals(Diagnosis.GAPLESS, r.verdict(), r.reason());
        assertTrue(r.a() > -0.5 && r.b() < -0.8, r.reason());
    }

    @Test void btcStrongDissipationHasFiniteGap() {
        Diagnosis.Row r = Diagnosis.diagnose(ctx, "btc 0.5", "btc", new Object[]{"omega_x", 0.5}, NS, NS);
        assertEquals(Diagnosis.FINITE_GAP, r.verdict(), r.reason());
        assertEquals(-1.0, r.a(), 0.05, "C_diag ~ 1/N");
    }

    @Test void dephasingIsGapless() {
        Diagnosis.Row r = Diagnosis.diagnose(ctx, "dephasing", "dephasing", new Object[]{"omega_x", 1.0, "gamma", 1.0}, NS, NS);
        assertEquals(Diagnosis.GAPLESS, r.verdict(), r.reason());
        assertEquals(-1.0, r.b(), 0.05, "gap ~ 1/N");
    }
}
