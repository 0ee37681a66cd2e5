package cumulus.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A product initial state per SPEC.md: one spin state per ensemble ({@code up}, {@code down},
 * {@code coherent:THETA,PHI}) and, for a boson, {@code vacuum} or {@code boson-coherent:ALPHA}.
 * Spin states are spin-coherent states with polar angle θ and azimuth φ (up: θ = 0).
 */
public record InitialState(List<SpinState> spins, BosonState boson) {

    /** Spin-coherent state pointing along (sinθ cosφ, sinθ sinφ, cosθ). */
    public record SpinState(double theta, double phi) { }

    /** Boson coherent state |α⟩ with real amplitude α (α = 0: vacuum). */
    public record BosonState(double alpha) { }

    public InitialState { spins = List.copyOf(spins); }

    /** Parses SPEC.md's initial-state syntax for this model. */
    public static InitialState parse(String spec, Model model) {
        if (spec.isBlank()) throw bad(spec, "no state given");
        String[] parts = spec.trim().split(";", -1);
        List<SpinState> spins = new ArrayList<>();
        BosonState boson = null;
        for (String raw : parts) {
            String p = raw.trim();
            if (p.isEmpty()) throw bad(spec, "empty state between ';'");
            if (p.equals("vacuum") || p.startsWith("boson-coherent")) {
                if (!model.hasBoson()) throw bad(spec, "model " + model.name() + " has no boson, so '" + p + "' does not apply");
                if (boson != null) throw bad(spec, "two boson states given");
                boson = new BosonState(p.equals("vacuum") ? 0 : numbers(spec, p, "boson-coherent", 1)[0]);
            } else {
                if (boson != null) throw bad(spec, "spin states come before the boson state");
                spins.add(spin(spec, p));
            }
        }
        int m = model.ensembles();
        if (m == 0 && !spins.isEmpty()) throw bad(spec, "model " + model.name() + " has no spins: use vacuum or boson-coherent:ALPHA");
        if (spins.size() == 1 && m > 1) {
            SpinState s = spins.get(0);
            spins = new ArrayList<>();
            for (int i = 0; i < m; i++) spins.add(s);
        }
        if (spins.size() != m) throw bad(spec, "model " + model.name() + " has " + m + " spin ensembles but " + spins.size() + " spin states were given");
        if (model.hasBoson() && boson == null) boson = new BosonState(0);
        return new InitialState(spins, boson);
    }

    private static SpinState spin(String spec, String p) {
        return switch (p) {
            case "up" -> new SpinState(0, 0);
            case "down" -> new SpinState(Math.PI, 0);
            default -> {
                if (!p.startsWith("coherent")) throw bad(spec, "unknown state '" + p + "'");
                double[] v = numbers(spec, p, "coherent", 2);
                yield new SpinState(v[0], v[1]);
            }
        };
    }

    private static double[] numbers(String spec, String p, String head, int count) {
        if (!p.startsWith(head + ":")) throw bad(spec, "'" + head + "' needs values after ':', e.g. " + example(head));
        String[] v = p.substring(head.length() + 1).split(",");
        if (v.length != count) throw bad(spec, "'" + head + "' takes " + count + " value(s), e.g. " + example(head));
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Double.parseDouble(v[i].trim());
            } catch (NumberFormatException e) {
                throw bad(spec, "'" + v[i] + "' is not a number in '" + p + "'");
            }
            if (!Double.isFinite(out[i])) throw bad(spec, "'" + v[i] + "' is not finite");
        }
        return out;
    }

    private static String example(String head) { return head.equals("coherent") ? "coherent:0.1,0" : "boson-coherent:1.5"; }

    private static ModelException bad(String spec, String why) {
        return new ModelException("initial state '" + spec + "': " + why
                + " (states: up, down, coherent:THETA,PHI per ensemble separated by ';', then vacuum or boson-coherent:ALPHA)");
    }
}
