package cumulus.plugins;

import cumulus.cumulant.CumulantDynamics;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.models.Btc;
import cumulus.models.BtcPair;
import cumulus.plugins.AttractorClassifier.Attractor;
import cumulus.solvers.Refs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Paper Fig. 3: the coupled BTCs' mean field from coherent:0.10017,0;coherent:0.10017,1.5708 at
 * the SPEC defaults, across ω_zz = 0.30..1.20, against an independent integration
 * (refs/btc_pair_attractors.csv: SciPy DOP853, variational Floquet multipliers, Jacobian decay
 * rates, Lyapunov exponents), and the single-ensemble btc mean field's closed orbits.
 */
class AttractorClassifierTest {
    private final Model pair = new BtcPair().model();
    private final InitialState start = InitialState.parse("coherent:0.10017,0;coherent:0.10017,1.5708", pair);

    private AttractorClassifier.Result pairAt(double omegaZz, double tEnd) {
        return AttractorClassifier.classify(CumulantDynamics.meanField(), pair, Refs.params(pair, "omega_zz", omegaZz), start, tEnd, 0.01);
    }

    @Test
    void atOmegaZz035TheMeanFieldSettlesOnALimitCycleOfPeriod49458() {
        var r = pairAt(0.35, 400);
        assertEquals(Attractor.LIMIT_CYCLE, r.attractor(), r.details());
        assertEquals(1, r.multiplicity());
        assertEquals(4.9458, r.period(), 5e-5);
        assertEquals("floquet-multiplier", r.decidedBy().kind());
        assertTrue(r.decidedBy().value() < 1);
    }

    @Test
    void atOmegaZz1ThePeriodDoubles() {
        var r = pairAt(1.0, 400);
        assertEquals(Attractor.LIMIT_CYCLE, r.attractor(), r.details());
        assertEquals(2, r.multiplicity(), "maxima " + r.maxima());
        assertEquals(7.9101, r.period(), 5e-5);
    }

    @Test
    void atOmegaZz080ThisStartReachesThePeriodOneOrbit() {
        // a period-2 orbit coexists nearby (0.78, 0.81: T ~ 7.9): this start finds the period-1 one
        var r = pairAt(0.80, 400);
        assertEquals(Attractor.LIMIT_CYCLE, r.attractor(), r.details());
        assertEquals(1, r.multiplicity());
        assertEquals(7.2015, r.period(), 5e-5);
    }

    @Test
    void atOmegaZz045NothingReturnsAndTheLongerRunCallsItIrregular() {
        var r = pairAt(0.45, 400);
        assertEquals(Attractor.IRREGULAR, r.attractor(), r.details());
        assertTrue(Double.isNaN(r.period()));
        assertEquals(800, r.decidedBy().tEnd(), "irregular only after the longer horizon");
        assertTrue(r.details().contains("no return of the full state within lag 200"), r.details());
        assertTrue(r.decidedBy().value() > 10 * 1e-5, r.details());
    }

    @Test
    void atOmegaZz065TheSlowSpiralIsAFixedPointWithTheJacobiansDecayRate() {
        // it was 'irregular' ("15 section crossings, no return within 8 crossings") with --t-end 400
        var r = pairAt(0.65, 400);
        assertEquals(Attractor.FIXED_POINT, r.attractor(), r.details());
        assertTrue(Double.isNaN(r.period()));
        assertEquals("decay-rate", r.decidedBy().kind());
        double jacobian = Refs.where("btc_pair_attractors.csv", "omega_zz", 0.65).get(0).get("decay_rate");
        assertEquals(jacobian, r.decidedBy().value(), 0.01 * jacobian, r.details());
        assertEquals(400, r.decidedBy().tEnd());
    }

    /** Every row of the reference scan (ω_zz step 0.01), classified with the default --t-end 400. */
    @Test
    void theOmegaZzScanMatchesTheIndependentIntegration() {
        List<Map<String, String>> rows = Refs.cells("btc_pair_attractors.csv");
        assertEquals(91, rows.size());
        for (Map<String, String> row : rows) {
            double w = Double.parseDouble(row.get("omega_zz"));
            var r = pairAt(w, 400);
            String at = "omega_zz = " + w + ": " + r.details();
            switch (row.get("attractor")) {
                case "periodic" -> {
                    assertEquals(Attractor.LIMIT_CYCLE, r.attractor(), at);
                    assertEquals(Double.parseDouble(row.get("period")), r.period(), 1e-6, at);
                    assertEquals(Integer.parseInt(row.get("multiplicity")), r.multiplicity(), at);
                    assertEquals(Double.parseDouble(row.get("floquet_modulus")), r.decidedBy().value(), 2e-3, at);
                }
                case "fixed-point" -> {
                    assertEquals(Attractor.FIXED_POINT, r.attractor(), at);
                    double rate = Double.parseDouble(row.get("decay_rate"));
                    assertEquals(rate, r.decidedBy().value(), 0.02 * rate, at);
                }
                case "irregular" -> {
                    assertEquals(Attractor.IRREGULAR, r.attractor(), at);
                    assertTrue(Double.parseDouble(row.get("lyapunov")) > 0.01);
                }
                default -> fail("unexpected reference attractor " + row.get("attractor"));
            }
        }
    }

    @Test
    void theMeasuredContractionAgreesWithTheFloquetMultiplier() {
        // the route for methods that cannot restart from an arbitrary state, checked against the return map
        for (double w : new double[]{0.35, 1.0}) {
            Map<String, Double> p = Refs.params(pair, "omega_zz", w);
            var floquet = AttractorClassifier.classify(CumulantDynamics.meanField(), pair, p, start, 400, 0.01, true);
            var measured = AttractorClassifier.classify(CumulantDynamics.meanField(), pair, p, start, 400, 0.01, false);
            assertEquals(Attractor.LIMIT_CYCLE, measured.attractor(), measured.details());
            assertEquals("contraction-rate", measured.decidedBy().kind(), measured.details());
            double mu = Math.exp(-measured.decidedBy().value() * measured.period());
            assertEquals(floquet.decidedBy().value(), mu, 0.05 * floquet.decidedBy().value(), measured.details());
        }
    }

    @Test
    void aSpiralThatNearlyReturnsIsNoCycleWhenNewtonFindsNoPeriodicOrbit() {
        // ω_xx = 4.5: at t = 400 the state nearly returns after T = 1.05 and the residual still falls, but
        // shooting finds no periodic orbit; the longer run sees the spiral (SciPy: fixed point, decay 0.0064)
        var r = AttractorClassifier.classify(CumulantDynamics.meanField(), pair, Refs.params(pair, "omega_zz", 0.35, "omega_xx", 4.5), start, 400, 0.01);
        assertEquals(Attractor.FIXED_POINT, r.attractor(), r.details());
        assertEquals(800, r.decidedBy().tEnd());
        assertTrue(r.details().contains("Newton's method finds no periodic orbit"), r.details());
    }

    @Test
    void aTooShortHorizonIsUndecidedAndTheSuggestedOneDecides() {
        var shortRun = pairAt(0.35, 20);
        assertEquals(Attractor.UNDECIDED, shortRun.attractor(), shortRun.details());
        assertTrue(shortRun.suggestedTEnd() > 40, shortRun.details());
        assertTrue(shortRun.details().contains("--t-end " + (long) shortRun.suggestedTEnd() + " would decide"), shortRun.details());
        var enough = pairAt(0.35, shortRun.suggestedTEnd());
        assertEquals(Attractor.LIMIT_CYCLE, enough.attractor(), enough.details());
        assertEquals(4.9458, enough.period(), 5e-5);
    }

    @Test
    void btcMeanFieldHasClosedOrbitsAboveTheCriticalDriveAndAFixedPointBelow() {
        Model btc = new Btc().model();
        InitialState up = InitialState.parse("up", btc);
        var above = AttractorClassifier.classify(CumulantDynamics.meanField(), btc, btc.resolve(Map.of("omega_x", "2")), up, 100, 0.01);
        assertEquals(Attractor.CLOSED_ORBITS, above.attractor(), above.details());
        assertEquals(1, above.decidedBy().value(), 1e-6, "the transverse multiplier of a conservative family is 1");
        var moved = AttractorClassifier.classify(CumulantDynamics.meanField(), btc, btc.resolve(Map.of("omega_x", "2")),
                InitialState.parse("coherent:0.5,0", btc), 100, 0.01);
        assertEquals(Attractor.CLOSED_ORBITS, moved.attractor(), moved.details());
        // every orbit of the family has the linearized period 2π/sqrt(ω_x² − κ²), but the orbit itself moves with the start
        for (var r : List.of(above, moved)) assertEquals(2 * Math.PI / Math.sqrt(3), r.period(), 1e-8, r.details());
        assertTrue(Math.abs(moved.maxima().get(0) - above.maxima().get(0)) > 1e-2, above.maxima() + " vs " + moved.maxima());
        var below = AttractorClassifier.classify(CumulantDynamics.meanField(), btc, btc.resolve(Map.of("omega_x", "0.5")), up, 100, 0.01);
        assertEquals(Attractor.FIXED_POINT, below.attractor(), below.details());
        assertTrue(Double.isNaN(below.period()));
        assertTrue(below.decidedBy().value() > 0);
    }
}
