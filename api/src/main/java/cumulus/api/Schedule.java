package cumulus.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A periodic, piecewise-constant drive (paper Eqs. 13 and 16): the period is split into
 * segments; during a segment, the schedule's switch symbols take the segment's values.
 * Coefficients of H and of the jumps use the switch symbols like parameters (e.g.
 * {@code g*on/sqrt(N)} with {@code on} = 1 then 0). Segment durations are expressions of the
 * parameters and must add up to a positive period. Coefficients may also use {@code t} for
 * smooth periodic drives; the schedule's period then sets the Floquet period.
 */
public record Schedule(List<Segment> segments) {

    /** One constant stretch of the drive: its duration and the switch values during it. */
    public record Segment(Expr duration, Map<String, Expr> values) {
        public Segment {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    public Schedule {
        if (segments.isEmpty()) throw new ModelException("a schedule needs at least one segment");
        segments = List.copyOf(segments);
        Set<String> first = segments.get(0).values().keySet();
        for (Segment s : segments)
            if (!s.values().keySet().equals(first))
                throw new ModelException("every schedule segment must set the same switch symbols " + first + ", got " + s.values().keySet());
    }

    /** The switch symbols the segments set. */
    public Set<String> symbols() { return new TreeSet<>(segments.get(0).values().keySet()); }

    /** The period T = Σ durations. */
    public Expr period() {
        List<Expr> d = new ArrayList<>();
        for (Segment s : segments) d.add(s.duration());
        return Expr.sum(d);
    }

    /** Numerical durations at these parameter values; each must be finite and ≥ 0, their sum > 0. */
    public double[] durations(Map<String, Double> parameters) {
        double[] out = new double[segments.size()];
        double total = 0;
        for (int i = 0; i < out.length; i++) {
            Complex c = segments.get(i).duration().evaluate(parameters);
            if (!c.isFinite() || c.re() < 0 || Math.abs(c.im()) > 0)
                throw new ModelException("schedule segment " + (i + 1) + " has duration " + segments.get(i).duration() + " = " + c + ": it must be a finite number >= 0");
            out[i] = c.re();
            total += out[i];
        }
        if (!(total > 0)) throw new ModelException("the schedule's period must be positive, got " + total);
        return out;
    }

    /** Parameter values during segment {@code k}: the parameters plus the segment's switch values. */
    public Map<String, Double> valuesIn(int k, Map<String, Double> parameters) {
        Map<String, Double> v = new LinkedHashMap<>(parameters);
        for (Map.Entry<String, Expr> e : segments.get(k).values().entrySet()) {
            Complex c = e.getValue().evaluate(parameters);
            if (!c.isFinite() || c.im() != 0) throw new ModelException("schedule value " + e.getKey() + " = " + e.getValue() + " must be a finite real number, got " + c);
            v.put(e.getKey(), c.re());
        }
        return v;
    }

    /** A stretch [start, end) of time during which segment {@code segment} applies. */
    public record Span(double start, double end, int segment) { }

    /**
     * The constant stretches of [0, tEnd]: the segments repeated period after period, the last one
     * cut at tEnd. Every integrator restarts at each span boundary, where the generator jumps.
     */
    public List<Span> spans(double tEnd, Map<String, Double> parameters) {
        double[] d = durations(parameters);
        double period = 0;
        for (double x : d) period += x;
        if (tEnd / period > 1e7)
            throw new ModelException("t-end = " + tEnd + " spans " + String.format("%.3g", tEnd / period) + " periods of the schedule (T = " + period + "): at most 10^7 are integrated; lower --t-end");
        List<Span> out = new ArrayList<>();
        double t = 0;
        for (long n = 0; t < tEnd; n++) {
            double base = n * period;
            for (int k = 0; k < d.length && t < tEnd; k++) {
                double end = Math.min(tEnd, base + sum(d, k + 1));
                if (end > t) out.add(new Span(t, end, k));
                t = Math.max(t, end);
            }
        }
        return out;
    }

    /** One span [0, tEnd] for a model without a schedule. */
    public static List<Span> constant(double tEnd) { return List.of(new Span(0, tEnd, 0)); }

    private static double sum(double[] d, int upTo) {
        double s = 0;
        for (int i = 0; i < upTo; i++) s += d[i];
        return s;
    }
}
