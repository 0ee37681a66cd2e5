package cumulus.api;

import java.util.ArrayList;
import java.util.List;

/**
 * An initial state per SPEC.md: one spin state per ensemble ({@code up}, {@code down},
 * {@code coherent:THETA,PHI}, the Dicke state {@code dicke:M} = |S, M⟩, the one-axis twisted
 * (squeezed) state {@code squeezed:MU} = exp(−iμ (S^z)²/2)|θ = π/2, φ = 0⟩ of Kitagawa &amp; Ueda,
 * PRA 47, 5138 (1993)) and, for a boson, {@code vacuum}, {@code boson-coherent:RE[,IM]} (|α⟩,
 * α = RE + i IM), {@code boson-squeezed:R,PHI} (S(ξ)|0⟩, ξ = R e^{iPHI}, S(ξ) = exp[(ξ* a² − ξ a†²)/2])
 * or {@code boson-thermal:NBAR} (mean occupation NBAR); or the whole density matrix from a Matrix
 * Market file, {@code file:PATH} (in the exact engine's Dicke ⊗ Fock basis). Spin-coherent states
 * have polar angle θ and azimuth φ (up: θ = 0). With several bosonic modes the boson states follow
 * in mode order, or name their mode with {@code @K} ({@code boson-coherent@2:1.5}, {@code vacuum@2});
 * modes not given start in the vacuum. {@link #boson()} is mode 1's state, {@link #bosons()} every mode's.
 */
public record InitialState(List<SpinState> spins, BosonState boson, String densityMatrixFile, List<BosonState> bosons) {

    /** Which kind of collective spin state. */
    public enum SpinKind { COHERENT, DICKE, SQUEEZED }

    /**
     * A spin-coherent state along (sinθ cosφ, sinθ sinφ, cosθ); or, by {@code kind}, the Dicke
     * state |S, M = value⟩ or the one-axis twisted state of twist μ = value (θ, φ unused).
     */
    public record SpinState(double theta, double phi, SpinKind kind, double value) {
        public SpinState(double theta, double phi) { this(theta, phi, SpinKind.COHERENT, 0); }

        public boolean coherent() { return kind == SpinKind.COHERENT; }

        @Override public String toString() {
            return switch (kind) {
                case COHERENT -> "coherent:" + theta + "," + phi;
                case DICKE -> "dicke:" + Model.fmt(value);
                case SQUEEZED -> "squeezed:" + Model.fmt(value);
            };
        }
    }

    /**
     * The boson: a coherent state α = alpha + i·alphaIm (squeezing = thermal = 0), a squeezed vacuum
     * S(ξ)|0⟩ (ξ = squeezing·e^{i·squeezingPhase}), or a thermal state of mean occupation
     * {@code thermal}; one kind at a time.
     */
    public record BosonState(double alpha, double alphaIm, double squeezing, double squeezingPhase, double thermal) {
        /** Boson coherent state |α⟩ with real amplitude α (α = 0: vacuum). */
        public BosonState(double alpha) { this(alpha, 0, 0, 0, 0); }

        public boolean coherent() { return squeezing == 0 && thermal == 0; }

        /** The same state with Re α shifted by {@code d} (for a coherent state). */
        public BosonState displaced(double d) { return new BosonState(alpha + d, alphaIm, squeezing, squeezingPhase, thermal); }
    }

    public InitialState {
        spins = List.copyOf(spins);
        if (bosons == null || bosons.isEmpty()) bosons = boson == null ? List.of() : List.of(boson);
        else {
            bosons = List.copyOf(bosons);
            if (boson == null) boson = bosons.get(0);
            else if (!boson.equals(bosons.get(0))) throw new IllegalArgumentException("boson (mode 1) must equal bosons.get(0)");
        }
    }

    public InitialState(List<SpinState> spins, BosonState boson, String densityMatrixFile) { this(spins, boson, densityMatrixFile, null); }

    public InitialState(List<SpinState> spins, BosonState boson) { this(spins, boson, null, null); }

    /** Mode k's state (k from 1); the vacuum for a mode not given. */
    public BosonState boson(int mode) { return mode <= bosons.size() ? bosons.get(mode - 1) : new BosonState(0); }

    /** The same state with mode 1's boson state replaced (the other modes kept). */
    public InitialState withBoson(BosonState b) {
        List<BosonState> all = new ArrayList<>(bosons);
        if (all.isEmpty()) all.add(b); else all.set(0, b);
        return new InitialState(spins, b, densityMatrixFile, all);
    }

    /** Whether this is a product of spin-coherent states and a boson coherent state (what mean field assumes). */
    public boolean coherentProduct() {
        if (densityMatrixFile != null) return false;
        for (SpinState s : spins) if (!s.coherent()) return false;
        for (BosonState b : bosons) if (!b.coherent()) return false;
        return true;
    }

    /** Parses SPEC.md's initial-state syntax for this model. */
    public static InitialState parse(String spec, Model model) {
        if (spec.isBlank()) throw bad(spec, "no state given");
        if (spec.trim().startsWith("file:")) {
            String path = spec.trim().substring(5).trim();
            if (path.isEmpty()) throw bad(spec, "'file:' needs the path of a Matrix Market file, e.g. file:rho0.mtx");
            return new InitialState(List.of(), null, path);
        }
        String[] parts = spec.trim().split(";", -1);
        List<SpinState> spins = new ArrayList<>();
        int modes = model.bosons().size();
        BosonState[] bosons = new BosonState[modes];
        int next = 0;
        boolean anyBoson = false;
        for (String raw : parts) {
            String p = raw.trim();
            if (p.isEmpty()) throw bad(spec, "empty state between ';'");
            if (p.startsWith("vacuum") || p.startsWith("boson-")) {
                if (!model.hasBoson()) throw bad(spec, "model " + model.name() + " has no boson, so '" + p + "' does not apply");
                anyBoson = true;
                int mode = next + 1;
                int at = p.indexOf('@');
                if (at >= 0) {
                    int colon = p.indexOf(':', at);
                    String k = p.substring(at + 1, colon < 0 ? p.length() : colon).trim();
                    try {
                        mode = Integer.parseInt(k);
                    } catch (NumberFormatException e) {
                        throw bad(spec, "'@" + k + "' in '" + p + "' must name a bosonic mode by its number 1.." + modes + ", e.g. boson-coherent@2:1.5");
                    }
                    p = p.substring(0, at) + (colon < 0 ? "" : p.substring(colon));
                }
                if (mode < 1 || mode > modes)
                    throw bad(spec, modes == 1 ? "two boson states given, but model " + model.name() + " has one bosonic mode"
                            : "model " + model.name() + " has " + modes + " bosonic modes, so mode " + mode + " does not exist");
                if (bosons[mode - 1] != null) throw bad(spec, "two states given for bosonic mode " + mode);
                bosons[mode - 1] = bosonState(spec, p);
                next = mode;
            } else {
                if (anyBoson) throw bad(spec, "spin states come before the boson state");
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
        for (int k = 0; k < modes; k++) if (bosons[k] == null) bosons[k] = new BosonState(0);
        return modes == 0 ? new InitialState(spins, null) : new InitialState(spins, bosons[0], null, List.of(bosons));
    }

    private static BosonState bosonState(String spec, String p) {
        if (p.equals("vacuum")) return new BosonState(0);
        if (p.startsWith("boson-coherent")) {
            double[] v = numbers(spec, p, "boson-coherent", 1, 2);
            return new BosonState(v[0], v.length > 1 ? v[1] : 0, 0, 0, 0);
        }
        if (p.startsWith("boson-squeezed")) {
            double[] v = numbers(spec, p, "boson-squeezed", 2, 2);
            if (v[0] < 0) throw bad(spec, "the squeezing R of boson-squeezed:R,PHI must be >= 0 (PHI sets the direction), got " + v[0]);
            return new BosonState(0, 0, v[0], v[1], 0);
        }
        if (p.startsWith("boson-thermal")) {
            double[] v = numbers(spec, p, "boson-thermal", 1, 1);
            if (v[0] < 0) throw bad(spec, "the mean occupation of boson-thermal:NBAR must be >= 0, got " + v[0]);
            return new BosonState(0, 0, 0, 0, v[0]);
        }
        throw bad(spec, "unknown boson state '" + p + "'");
    }

    private static SpinState spin(String spec, String p) {
        if (p.equals("up")) return new SpinState(0, 0);
        if (p.equals("down")) return new SpinState(Math.PI, 0);
        if (p.startsWith("dicke")) {
            double m = numbers(spec, p, "dicke", 1, 1)[0];
            if (Math.rint(2 * m) != 2 * m) throw bad(spec, "the M of dicke:M must be an integer or half-integer between -S and S, got " + m);
            return new SpinState(0, 0, SpinKind.DICKE, m);
        }
        if (p.startsWith("squeezed")) return new SpinState(Math.PI / 2, 0, SpinKind.SQUEEZED, numbers(spec, p, "squeezed", 1, 1)[0]);
        if (!p.startsWith("coherent")) throw bad(spec, "unknown state '" + p + "'");
        double[] v = numbers(spec, p, "coherent", 2, 2);
        return new SpinState(v[0], v[1]);
    }

    private static double[] numbers(String spec, String p, String head, int min, int max) {
        if (!p.startsWith(head + ":")) throw bad(spec, "'" + head + "' needs values after ':', e.g. " + example(head));
        String[] v = p.substring(head.length() + 1).split(",");
        if (v.length < min || v.length > max) throw bad(spec, "'" + head + "' takes " + (min == max ? min : min + " or " + max) + " value(s), e.g. " + example(head));
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            try {
                out[i] = Double.parseDouble(v[i].trim());
            } catch (NumberFormatException e) {
                throw bad(spec, "'" + v[i] + "' is not a number in '" + p + "'");
            }
            if (!Double.isFinite(out[i])) throw bad(spec, "'" + v[i] + "' is not finite");
        }
        return out;
    }

    private static String example(String head) {
        return switch (head) {
            case "coherent" -> "coherent:0.1,0";
            case "dicke" -> "dicke:0";
            case "squeezed" -> "squeezed:0.1";
            case "boson-squeezed" -> "boson-squeezed:0.5,0";
            case "boson-thermal" -> "boson-thermal:0.5";
            default -> "boson-coherent:1.5 or boson-coherent:1,0.5";
        };
    }

    private static ModelException bad(String spec, String why) {
        return new ModelException("initial state '" + spec + "': " + why
                + " (states: up, down, coherent:THETA,PHI, dicke:M, squeezed:MU per ensemble separated by ';', then vacuum, boson-coherent:RE[,IM], "
                + "boson-squeezed:R,PHI or boson-thermal:NBAR, one per bosonic mode in order or with @K for mode K (boson-coherent@2:1.5); or file:PATH.mtx for a density matrix)");
    }
}
