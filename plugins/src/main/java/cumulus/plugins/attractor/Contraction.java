package cumulus.plugins.attractor;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A measured contraction rate, for methods whose states cannot all be written as initial states
 * (cumulants, bosons, driven models): the distance of a second run, started slightly off, to the
 * first run's late orbit (the set of its states over one period, the nearest point refined by
 * Brent's method on the interpolant), fitted as exp(−r t) over its last stretch between 100× the
 * floor and 1% of the orbit's size.
 * r > 0: the orbit attracts (multiplier exp(−rT)); r ≈ 0: a neighbouring orbit of a family.
 */
public final class Contraction {
    private Contraction() { }

    /** {@code rate} per unit time (NaN if the distance was never above the floor long enough to fit), {@code distance} at the end. */
    public record Measured(double rate, double distance, double floor) {
        public boolean converged() { return distance < 100 * floor; }
    }

    public static Measured measure(StateSeries reference, StateSeries moved, double period) {
        int n = reference.size();
        int orbitFrom = Math.max(0, (int) Math.floor(n - 1 - period / reference.dt()) - 2);
        double[] centre = Envelope.lateMean(reference, n / 2, n);
        double floor = OrbitAnalysis.floor(centre);
        int m = moved.size(), step = Math.max(1, (int) Math.round(period / moved.dt() / 4));
        double size = reference.range(orbitFrom, n), low = 100 * floor, high = 1e-2 * size;
        SimpleRegression fit = new SimpleRegression();
        int stretch = 0;
        double last = Double.NaN;
        // walk back from the end: the last stretch of distances between 100·floor and 1% of the orbit's size
        // (the linear regime of the approach; at most 40 points)
        for (int i = m - 1; i >= 0 && stretch < 40; i -= step) {
            double dist = toOrbit(reference, orbitFrom, moved.state(i));
            if (Double.isNaN(last)) last = dist;
            if (dist >= high && stretch > 0) break; // back in the transient
            if (dist <= low || dist >= high) continue; // converged (an oscillating approach dips below now and then)
            fit.addData(moved.time(i), Math.log(dist));
            stretch++;
        }
        double rate = stretch >= 4 ? -fit.getSlope() : Double.NaN;
        return new Measured(rate, last, floor);
    }

    static double toOrbit(StateSeries orbit, int from, double[] y) {
        int best = from;
        double bd = Double.MAX_VALUE;
        for (int j = from; j < orbit.size(); j++) {
            double d = StateSeries.distance(orbit.state(j), y);
            if (d < bd) { bd = d; best = j; }
        }
        double lo = orbit.time(Math.max(0, best - 1)), hi = orbit.time(Math.min(orbit.size() - 1, best + 1));
        return Brent.min(t -> StateSeries.distance(orbit.at(t), y), lo, hi, orbit.time(best)).getValue();
    }
}
