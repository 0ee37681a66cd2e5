package cumulus.plugins.sweep;

import cumulus.api.ModelException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grid of a sweep: the Cartesian product of its axes, the first axis varying slowest. Point
 * {@code i} of the product (row-major) belongs to shard K of N when {@code i mod N = K - 1}
 * (interleaved slices, so every shard gets a similar mix of cheap and expensive points).
 */
public record Grid(List<Axis> axes) {
    /** One {@code --grid NAME=LIST}: LIST is {@code v1,v2,...} or {@code a:b:n} (n points, both ends included). */
    public record Axis(String name, List<Double> values) {
        public Axis { values = List.copyOf(values); }

        public static Axis parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1)
                throw new ModelException("malformed --grid '" + spec + "': expected NAME=v1,v2,... or NAME=a:b:n, e.g. --grid omega_x=0.5:3:6");
            String name = spec.substring(0, eq).trim();
            String list = spec.substring(eq + 1).trim();
            List<Double> values = new ArrayList<>();
            if (list.contains(":")) {
                String[] p = list.split(":", -1);
                if (p.length != 3) throw new ModelException("malformed --grid " + name + "=" + list + ": a range is a:b:n (n points, both ends included), e.g. 0.5:3:6");
                double a = number(name, p[0]), b = number(name, p[1]);
                int n;
                try {
                    n = Integer.parseInt(p[2].trim());
                } catch (NumberFormatException e) {
                    throw new ModelException("--grid " + name + "=" + list + ": the point count n of a:b:n must be an integer, got '" + p[2].trim() + "'");
                }
                if (n < 1) throw new ModelException("--grid " + name + "=" + list + ": the point count n of a:b:n must be at least 1, got " + n);
                if (n == 1 && a != b) throw new ModelException("--grid " + name + "=" + list + ": one point cannot span " + p[0] + ".." + p[1] + ": give n >= 2 or a single value");
                for (int i = 0; i < n; i++) values.add(n == 1 ? a : round(a + (b - a) * i / (n - 1)));
            } else {
                for (String v : list.split(",", -1)) values.add(number(name, v));
            }
            Set<Double> seen = new LinkedHashSet<>();
            for (double v : values)
                if (!seen.add(v)) throw new ModelException("--grid " + name + " lists " + v + " twice: give each value once");
            return new Axis(name, values);
        }

        private static double number(String name, String v) {
            try {
                double d = Double.parseDouble(v.trim());
                if (Double.isFinite(d)) return d;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ModelException("--grid " + name + ": '" + v.trim() + "' is not a finite number");
        }

        /** Range points rounded to 12 significant digits, so that 0.1:3:30 gives 0.2, not 0.20000000000000004. */
        private static double round(double v) {
            return v == 0 ? 0 : new BigDecimal(v).round(new MathContext(12)).doubleValue();
        }
    }

    /** A grid point: its index in the full product and the parameter values, in axis order. */
    public record Point(int index, Map<String, Double> values) {
        public Point { values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); }

        /** {@code name=value,...} as {@code --set} takes it. */
        public String label() {
            StringBuilder b = new StringBuilder();
            values.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(Cells.number(v)));
            return b.toString();
        }
    }

    public Grid {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) throw new ModelException("sweep needs at least one --grid NAME=LIST");
        Set<String> names = new LinkedHashSet<>();
        for (Axis a : axes)
            if (!names.add(a.name())) throw new ModelException("--grid gives " + a.name() + " twice: give each parameter one --grid");
    }

    public static Grid parse(List<String> specs) {
        List<Axis> axes = new ArrayList<>();
        for (String s : specs) axes.add(Axis.parse(s));
        return new Grid(axes);
    }

    public List<String> names() { return axes.stream().map(Axis::name).toList(); }

    public long size() {
        long n = 1;
        for (Axis a : axes) n *= a.values().size();
        return n;
    }

    /** Every point of the product, first axis slowest. */
    public List<Point> points() {
        if (size() > 10_000_000L) throw new ModelException("the grid has " + size() + " points (more than 10^7): use coarser --grid lists or --shard");
        List<Point> out = new ArrayList<>();
        int n = (int) size();
        for (int i = 0; i < n; i++) {
            Map<String, Double> v = new LinkedHashMap<>();
            int rest = i;
            int stride = n;
            for (Axis a : axes) {
                stride /= a.values().size();
                v.put(a.name(), a.values().get(rest / stride));
                rest %= stride;
            }
            out.add(new Point(i, v));
        }
        return out;
    }

    /** The points of shard {@code k} (1-based) of {@code n}: indices i with i mod n = k - 1. */
    public List<Point> shard(int k, int n) {
        if (n < 1 || k < 1 || k > n) throw new ModelException("--shard K/N needs 1 <= K <= N, got " + k + "/" + n);
        return points().stream().filter(p -> p.index() % n == k - 1).toList();
    }
}
