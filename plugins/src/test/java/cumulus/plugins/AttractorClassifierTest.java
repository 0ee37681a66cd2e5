package cumulus.plugins;

import cumulus.cumulant.CumulantDynamics;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.models.Btc;
import cumulus.models.BtcPair;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Paper Fig. 3a/b: the coupled BTCs' mean field settles on a limit cycle, period-doubled at omega_zz = 1. */
class AttractorClassifierTest {
    private final Model pair = new BtcPair().model();
    private final InitialState start = InitialState.parse("coherent:0.10017,0;coherent:0.10017,1.5708", pair);

    @Test
    void btcPairAtOmegaZz035IsALimitCycleOfMultiplicityOne() {
        var r = AttractorClassifier.classify(CumulantDynamics.meanField(), pair, pair.resolve(Map.of("omega_zz", "0.35")), start, 400, 0.01);
        assertEquals(AttractorClassifier.Attractor.LIMIT_CYCLE, r.attractor(), r.details());
        assertEquals(1, r.multiplicity());
        assertEquals(4.95, r.period(), 0.01);
    }

    @Test
    void btcPairAtOmegaZz1DoublesThePeriod() {
        var r = AttractorClassifier.classify(CumulantDynamics.meanField(), pair, pair.resolve(Map.of("omega_zz", "1")), start, 400, 0.01);
        assertEquals(AttractorClassifier.Attractor.LIMIT_CYCLE, r.attractor(), r.details());
        assertEquals(2, r.multiplicity());
        assertEquals(7.91, r.period(), 0.01);
    }

    @Test
    void btcMeanFieldHasClosedOrbitsAboveTheCriticalDriveAndAFixedPointBelow() {
        Model btc = new Btc().model();
        InitialState up = InitialState.parse("up", btc);
        var above = AttractorClassifier.classify(CumulantDynamics.meanField(), btc, btc.resolve(Map.of("omega_x", "2")), up, 100, 0.01);
        assertEquals(AttractorClassifier.Attractor.CLOSED_ORBITS, above.attractor(), above.details());
        var below = AttractorClassifier.classify(CumulantDynamics.meanField(), btc, btc.resolve(Map.of("omega_x", "0.5")), up, 100, 0.01);
        assertEquals(AttractorClassifier.Attractor.FIXED_POINT, below.attractor(), below.details());
        assertTrue(Double.isNaN(below.period()));
    }
}
