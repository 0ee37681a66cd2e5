package cumulus.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A model declaration, Eq. (1): M spin ensembles of N spins-1/2 each, zero, one or several bosonic modes,
 * a Hamiltonian and dissipators, all with symbolic coefficients over the named parameters and
 * N, S = N/2. Every engine (symbolic, exact, mean-field) reads the same declaration. Immutable;
 * build with {@link #builder(String)}.
 */
public final class Model {

    /**
     * A bosonic mode: the parameter holding its Fock cutoff, its frequency ω_k (for x_k, p_k of Eq. 5)
     * and its name (the model-file operator name: {@code a}, {@code b}, ...).
     */
    public record Boson(String cutoffParameter, Expr frequency, String name) {
        /** The single mode of a one-boson model, named a. */
        public Boson(String cutoffParameter, Expr frequency) { this(cutoffParameter, frequency, "a"); }
    }

    /** A named macroscopic observable (Eq. 5), such as m1x = S_1^x / S or x = (a + a†)/sqrt(2 N ω_b). */
    public record Observable(String name, OpSum operator) { }

    private final String name;
    private final String description;
    private final List<Parameter> parameters;
    private final int ensembles;
    private final List<Boson> bosons;
    private final OpSum hamiltonian;
    private final List<Dissipator> dissipators;
    private final Schedule schedule;

    private Model(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.parameters = List.copyOf(b.parameters);
        this.ensembles = b.ensembles;
        this.bosons = List.copyOf(b.bosons);
        this.hamiltonian = b.hamiltonian;
        this.dissipators = List.copyOf(b.dissipators);
        this.schedule = b.schedule;
        checkDeclaration();
    }

    public static Builder builder(String name) { return new Builder(name); }

    public String name() { return name; }
    public String description() { return description; }
    public List<Parameter> parameters() { return parameters; }
    public int ensembles() { return ensembles; }
    /** Whether the model has at least one bosonic mode. */
    public boolean hasBoson() { return !bosons.isEmpty(); }
    /** The first (for most models the only) bosonic mode, or null without one. */
    public Boson boson() { return bosons.isEmpty() ? null : bosons.get(0); }
    /** Every bosonic mode, in the order of {@link Op.Boson#mode()} (mode k is element k − 1). */
    public List<Boson> bosons() { return bosons; }
    /** Bosonic mode k (from 1). */
    public Boson boson(int mode) { return bosons.get(mode - 1); }
    /** The observable names of mode k: x, p for a single mode, x1, p1, x2, p2, ... for several (SPEC.md). */
    public String[] quadratureNames(int mode) {
        return bosons.size() == 1 ? new String[]{"x", "p"} : new String[]{"x" + mode, "p" + mode};
    }
    public OpSum hamiltonian() { return hamiltonian; }
    public List<Dissipator> dissipators() { return dissipators; }
    /** True when some dissipator acts on single spins ({@link Dissipator.Local}): total spin is then not conserved. */
    public boolean hasLocalDissipation() {
        for (Dissipator d : dissipators) if (d instanceof Dissipator.Local || d instanceof Dissipator.LocalGamma) return true;
        return false;
    }
    /** The periodic drive, or null for a time-independent model. */
    public Schedule schedule() { return schedule; }
    public boolean isPeriodic() { return schedule != null; }

    /** Whether any coefficient (H, jump, Γ, local rate) uses the time t explicitly. */
    public boolean dependsOnTime() {
        for (OpSum.Term t : hamiltonian.terms()) if (t.coefficient().symbols().contains("t")) return true;
        for (Dissipator d : dissipators) {
            if (d instanceof Dissipator.Jump j) {
                if (j.rate().symbols().contains("t")) return true;
                for (OpSum.Term t : j.operator().terms()) if (t.coefficient().symbols().contains("t")) return true;
            } else if (d instanceof Dissipator.GammaMatrix g) {
                for (Expr[] row : g.gamma()) for (Expr e : row) if (e.symbols().contains("t")) return true;
            } else if (d instanceof Dissipator.Local l) {
                if (l.rate().symbols().contains("t")) return true;
            } else if (d instanceof Dissipator.LocalGamma g) {
                for (Expr[] row : g.gamma()) for (Expr e : row) if (e.symbols().contains("t")) return true;
            }
        }
        return false;
    }

    public Parameter parameter(String n) {
        for (Parameter p : parameters) if (p.name().equals(n)) return p;
        return null;
    }

    /**
     * m_i^a for every ensemble, then x_k = (a_k + a_k†)/sqrt(2 N ω_k), p_k = i sqrt(ω_k/(2N)) (a_k† − a_k)
     * per mode (Eq. 5 per mode), named x, p for one mode and x1, p1, x2, p2, ... for several (SPEC.md).
     */
    public List<Observable> observables() {
        List<Observable> out = new ArrayList<>();
        Expr invS = Expr.ONE.div(Expr.S);
        for (int i = 1; i <= ensembles; i++) {
            out.add(new Observable("m" + i + "x", OpSum.sx(i).scale(invS)));
            out.add(new Observable("m" + i + "y", OpSum.sy(i).scale(invS)));
            out.add(new Observable("m" + i + "z", OpSum.sz(i).scale(invS)));
        }
        for (int k = 1; k <= bosons.size(); k++) {
            Expr w = bosons.get(k - 1).frequency();
            Expr xs = Expr.ONE.div(Expr.sqrt(Expr.num(2).times(Expr.N).times(w)));
            Expr ps = Expr.ONE.div(Expr.sqrt(Expr.num(2).times(Expr.N).div(w)));
            String[] names = quadratureNames(k);
            out.add(new Observable(names[0], OpSum.a(k).plus(OpSum.adag(k)).scale(xs)));
            out.add(new Observable(names[1], OpSum.adag(k).minus(OpSum.a(k)).scale(Expr.I.times(ps))));
        }
        return out;
    }

    /** Every symbol a coefficient uses must be a parameter, N, S or t. */
    private void checkDeclaration() {
        Set<String> known = new TreeSet<>();
        for (Parameter p : parameters) {
            if (!known.add(p.name())) throw new ModelException("model " + name + ": parameter '" + p.name() + "' is declared twice");
        }
        known.add("S");
        known.add("t");
        if (schedule != null) {
            for (String sw : schedule.symbols()) {
                if (parameter(sw) != null) throw new ModelException("model " + name + ": schedule switch '" + sw + "' is also a parameter");
                known.add(sw);
            }
            for (Schedule.Segment seg : schedule.segments()) {
                for (String s : seg.duration().symbols())
                    if (parameter(s) == null && !s.equals("S")) throw new ModelException("model " + name + ": schedule duration " + seg.duration() + " uses '" + s + "', which is not a parameter");
                for (Expr e : seg.values().values())
                    for (String s : e.symbols())
                        if (parameter(s) == null && !s.equals("S")) throw new ModelException("model " + name + ": schedule value " + e + " uses '" + s + "', which is not a parameter");
            }
        }
        if (ensembles > 0 && parameter("N") == null)
            throw new ModelException("model " + name + ": a model with spin ensembles must declare the parameter N (spins per ensemble)");
        Set<String> modeNames = new TreeSet<>(), cutoffs = new TreeSet<>();
        for (Boson boson : bosons) {
            Parameter c = parameter(boson.cutoffParameter());
            if (c == null || c.kind() != Parameter.Kind.CUTOFF)
                throw new ModelException("model " + name + ": the boson " + boson.name() + " needs a cutoff parameter '" + boson.cutoffParameter() + "' declared with Parameter.cutoff");
            if (!modeNames.add(boson.name())) throw new ModelException("model " + name + ": two bosonic modes are named '" + boson.name() + "': give each mode its own name");
            if (!cutoffs.add(boson.cutoffParameter())) throw new ModelException("model " + name + ": two bosonic modes share the cutoff parameter '" + boson.cutoffParameter() + "'");
        }
        List<Expr> coefficients = new ArrayList<>();
        List<OpSum> operators = new ArrayList<>(List.of(hamiltonian));
        for (Boson boson : bosons) coefficients.add(boson.frequency());
        for (Dissipator d : dissipators) {
            if (d instanceof Dissipator.Jump j) {
                coefficients.add(j.rate());
                operators.add(j.operator());
            } else if (d instanceof Dissipator.GammaMatrix g) {
                for (int e : g.ensembles())
                    if (e < 1 || e > ensembles) throw new ModelException("model " + name + ": Γ matrix on ensemble " + e + " but the model has " + ensembles);
                for (Expr[] row : g.gamma()) coefficients.addAll(List.of(row));
            } else if (d instanceof Dissipator.Local l) {
                if (l.ensemble() > ensembles) throw new ModelException("model " + name + ": local " + l.process().name().toLowerCase(java.util.Locale.ROOT) + " on ensemble " + l.ensemble() + " but the model has " + ensembles);
                coefficients.add(l.rate());
            } else if (d instanceof Dissipator.LocalGamma g) {
                if (g.ensemble() > ensembles) throw new ModelException("model " + name + ": local γ matrix on ensemble " + g.ensemble() + " but the model has " + ensembles);
                for (Expr[] row : g.gamma()) coefficients.addAll(List.of(row));
            }
        }
        for (OpSum o : operators) for (OpSum.Term t : o.terms()) {
            coefficients.add(t.coefficient());
            for (Op op : t.factors()) {
                if (op instanceof Op.Spin s && s.ensemble() > ensembles)
                    throw new ModelException("model " + name + ": operator " + s + " names ensemble " + s.ensemble() + " but the model has " + ensembles);
                if (op instanceof Op.Boson bo && bo.mode() > bosons.size())
                    throw new ModelException("model " + name + ": operator " + bo + " acts on bosonic mode " + bo.mode() + " but the model declares "
                            + (bosons.isEmpty() ? "no boson" : bosons.size() + " mode(s)"));
            }
        }
        for (Expr c : coefficients) for (String s : c.symbols()) {
            if (!known.contains(s)) throw new ModelException("model " + name + ": coefficient " + c + " uses '" + s + "', which is not a parameter (known: " + known + ")");
        }
    }

    /**
     * Parameter values: the defaults overridden by {@code overrides} (name → text), checked:
     * names known, values numeric and finite, N a positive integer, cutoffs integers ≥ 2.
     * The result also holds S = N/2 when the model has N.
     */
    public Map<String, Double> resolve(Map<String, String> overrides) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (Parameter p : parameters) v.put(p.name(), p.defaultValue());
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            Parameter p = parameter(e.getKey());
            if (p == null) {
                List<String> names = parameters.stream().map(Parameter::name).toList();
                throw new ModelException("unknown parameter '" + e.getKey() + "' for model " + name + ": known parameters are " + names);
            }
            double x;
            try {
                x = Double.parseDouble(e.getValue().trim());
            } catch (NumberFormatException ex) {
                throw new ModelException("parameter " + p.name() + " = '" + e.getValue() + "' is not a number: give e.g. --set " + p.name() + "=" + fmt(p.defaultValue()));
            }
            v.put(p.name(), x);
        }
        for (Parameter p : parameters) check(p, v.get(p.name()));
        if (v.containsKey("N")) v.put("S", v.get("N") / 2);
        return Collections.unmodifiableMap(v);
    }

    private void check(Parameter p, double x) {
        if (!Double.isFinite(x)) throw new ModelException("parameter " + p.name() + " must be finite, got " + x);
        switch (p.kind()) {
            case POSITIVE_INTEGER -> {
                if (x != Math.rint(x) || x < 1)
                    throw new ModelException("parameter " + p.name() + " must be a positive integer, got " + fmt(x) + ": give e.g. --set " + p.name() + "=" + fmt(p.defaultValue()));
            }
            case CUTOFF -> {
                if (x != Math.rint(x) || x < 2)
                    throw new ModelException("parameter " + p.name() + " (Fock cutoff) must be an integer >= 2, got " + fmt(x));
            }
            case REAL -> { }
        }
    }

    /**
     * Checks the coefficients at these parameter values and returns warnings. Errors (thrown):
     * a non-finite coefficient, a non-Hermitian Γ, a non-real jump or local rate. Warnings: a Γ that
     * is not positive semidefinite or a negative jump or local rate (the generator is then not of
     * Lindblad form).
     * Hermiticity of H is checked on its matrix by the exact engine.
     */
    public List<String> checkCoefficients(Map<String, Double> values) {
        List<String> warnings = new ArrayList<>();
        if (schedule != null && !values.keySet().containsAll(schedule.symbols())) {
            // check every segment's coefficients
            double[] durations = schedule.durations(values);
            for (int k = 0; k < durations.length; k++)
                for (String w : checkCoefficients(schedule.valuesIn(k, values)))
                    if (!warnings.contains(w)) warnings.add(w);
            return warnings;
        }
        for (OpSum.Term t : hamiltonian.terms()) finite(t.coefficient(), values, "Hamiltonian term " + t);
        for (Dissipator d : dissipators) {
            if (d instanceof Dissipator.Jump j) {
                realRate(j.rate(), values, "jump rate " + j.rate(), warnings);
                for (OpSum.Term t : j.operator().terms()) finite(t.coefficient(), values, "jump operator term " + t);
            } else if (d instanceof Dissipator.GammaMatrix g) {
                hermitian(g.gamma(), values, "Γ", g.ensembles().size() == 1 ? "Γ matrix of ensemble " + g.ensembles().get(0) : "Γ matrix of ensembles " + g.ensembles(), warnings);
            } else if (d instanceof Dissipator.Local l) {
                realRate(l.rate(), values, "local " + l.process().name().toLowerCase(java.util.Locale.ROOT) + " rate " + l.rate(), warnings);
            } else if (d instanceof Dissipator.LocalGamma g) {
                hermitian(g.gamma(), values, "γ", "local γ matrix of ensemble " + g.ensemble(), warnings);
            }
        }
        return warnings;
    }

    /** A rate must be real (error); a negative one is not of Lindblad form (warning). */
    private static void realRate(Expr rate, Map<String, Double> values, String what, List<String> warnings) {
        Complex r = finite(rate, values, what);
        if (Math.abs(r.im()) > 1e-12 * Math.max(1, Math.abs(r.re()))) throw new ModelException(what + " = " + r + " is not real");
        if (r.re() < 0) warnings.add(what + " = " + r.re() + " is negative: the generator is not of Lindblad form");
    }

    /**
     * A rate matrix (Eq. 4's Γ, 3k × 3k across k ensembles, or Eq. 18's local γ, 3×3) must be Hermitian (error);
     * one that is not PSD is not of Lindblad form (warning). Rows are named (i, a) for several ensembles.
     */
    private static void hermitian(Expr[][] g, Map<String, Double> values, String symbol, String what, List<String> warnings) {
        int n = g.length;
        Complex[][] m = new Complex[n][n];
        for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) m[a][b] = finite(g[a][b], values, what + ": " + symbol + "_" + index(a, n) + index(b, n));
        for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) {
            Complex diff = m[a][b].minus(m[b][a].conj());
            if (diff.abs() > 1e-12 * Math.max(1, m[a][b].abs()))
                throw new ModelException(what + " is not Hermitian: " + symbol + "_" + index(a, n) + index(b, n)
                        + " = " + m[a][b] + " but conj(" + symbol + "_" + index(b, n) + index(a, n) + ") = " + m[b][a].conj());
        }
        if (!positiveSemidefinite(m)) warnings.add(what + " is not positive semidefinite: the generator is not of Lindblad form");
    }

    /** x, y, z for a 3×3 matrix; (i,x) ... for a matrix over several ensembles (i counted within the matrix). */
    private static String index(int k, int n) { return n == 3 ? String.valueOf("xyz".charAt(k)) : "(" + (k / 3 + 1) + "," + "xyz".charAt(k % 3) + ")"; }

    private static Complex finite(Expr e, Map<String, Double> values, String what) {
        Complex c = e.evaluate(values);
        if (!c.isFinite()) throw new ModelException(what + " evaluates to " + c + " at these parameters: choose parameters that keep it finite");
        return c;
    }

    /**
     * A Hermitian matrix is PSD iff every principal minor is ≥ 0 (Sylvester's criterion for
     * semidefiniteness needs all 2^n − 1 of them, not only the leading ones); each is a determinant
     * by Gaussian elimination with partial pivoting. n ≤ 3·(a few ensembles), so 2^n stays small.
     */
    static boolean positiveSemidefinite(Complex[][] m) {
        int n = m.length;
        double scale = 0;
        for (Complex[] row : m) for (Complex z : row) scale = Math.max(scale, z.abs());
        double tol = 1e-12 * Math.max(1, scale);
        for (int mask = 1; mask < (1 << n); mask++) {
            int k = Integer.bitCount(mask);
            int[] idx = new int[k];
            for (int i = 0, c = 0; i < n; i++) if ((mask & (1 << i)) != 0) idx[c++] = i;
            Complex[][] a = new Complex[k][k];
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) a[i][j] = m[idx[i]][idx[j]];
            if (determinant(a).re() < -tol * Math.pow(Math.max(1, scale), k - 1)) return false;
        }
        return true;
    }

    private static Complex determinant(Complex[][] a) {
        int k = a.length;
        Complex det = Complex.ONE;
        for (int c = 0; c < k; c++) {
            int p = c;
            for (int r = c + 1; r < k; r++) if (a[r][c].abs() > a[p][c].abs()) p = r;
            if (a[p][c].abs() == 0) return Complex.ZERO;
            if (p != c) { Complex[] t = a[p]; a[p] = a[c]; a[c] = t; det = det.times(Complex.real(-1)); }
            det = det.times(a[c][c]);
            for (int r = c + 1; r < k; r++) {
                Complex f = a[r][c].divide(a[c][c]);
                for (int j = c; j < k; j++) a[r][j] = a[r][j].minus(f.times(a[c][j]));
            }
        }
        return det;
    }

    static String fmt(double x) { return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x); }

    @Override public String toString() { return "Model[" + name + "]"; }

    public static final class Builder {
        private final String name;
        private String description = "";
        private final List<Parameter> parameters = new ArrayList<>();
        private int ensembles;
        private final List<Boson> bosons = new ArrayList<>();
        private OpSum hamiltonian = OpSum.ZERO;
        private final List<Dissipator> dissipators = new ArrayList<>();
        private Schedule schedule;

        private Builder(String name) { this.name = name; }

        /** Makes the model periodic in time with this piecewise-constant schedule. */
        public Builder schedule(Schedule s) { this.schedule = s; return this; }

        public Builder description(String d) { this.description = d; return this; }
        public Builder parameter(Parameter p) { parameters.add(p); return this; }
        public Builder real(String n, double def, String desc) { return parameter(Parameter.real(n, def, desc)); }
        /** M ensembles of N spins each; declares N with its default. */
        public Builder spinEnsembles(int m, int defaultN) {
            this.ensembles = m;
            return parameter(Parameter.count("N", defaultN, "spins-1/2 per ensemble"));
        }
        /** The bosonic mode with its frequency (used by x and p) and a Fock cutoff parameter "cutoff". */
        public Builder boson(Expr frequency, int defaultCutoff) {
            if (!bosons.isEmpty()) throw new ModelException("model " + name + ": boson(frequency, cutoff) declares the only mode; declare several with mode(name, frequency, cutoffParameter, cutoff)");
            bosons.add(new Boson("cutoff", frequency));
            return parameter(Parameter.cutoff("cutoff", defaultCutoff, "Fock states kept for the boson (0..cutoff-1)"));
        }
        /**
         * Adds a bosonic mode (mode k = the number of modes declared so far + 1; its operators are
         * {@code OpSum.a(k)}, {@code OpSum.adag(k)}) with its frequency ω_k (for x_k, p_k), a name, and a
         * Fock cutoff parameter of its own (e.g. cutoff_a, cutoff_b).
         */
        public Builder mode(String modeName, Expr frequency, String cutoffParameter, int defaultCutoff) {
            bosons.add(new Boson(cutoffParameter, frequency, modeName));
            return parameter(Parameter.cutoff(cutoffParameter, defaultCutoff, "Fock states kept for mode " + modeName + " (0.." + cutoffParameter + "-1)"));
        }
        public Builder hamiltonian(OpSum h) { this.hamiltonian = h; return this; }
        public Builder jump(Expr rate, OpSum operator) { dissipators.add(new Dissipator.Jump(rate, operator)); return this; }
        public Builder jump(String rate, OpSum operator) { return jump(Expr.parse(rate), operator); }
        public Builder gamma(int ensemble, Expr[][] gamma) { dissipators.add(new Dissipator.GammaMatrix(ensemble, gamma)); return this; }
        /**
         * Γ across several ensembles coupled to one bath (Eq. 4 generalised): a 3k × 3k matrix over
         * (S_i^x, S_i^y, S_i^z) of each ensemble i in {@code ensembles}, in that order.
         */
        public Builder gamma(List<Integer> ensembles, Expr[][] gamma) { dissipators.add(new Dissipator.GammaMatrix(ensembles, gamma)); return this; }
        /** rate · Σ_k D[σ_k] on every spin k of an ensemble (Eq. 18 with local γ). */
        public Builder local(int ensemble, Dissipator.LocalProcess process, Expr rate) { dissipators.add(new Dissipator.Local(ensemble, process, rate)); return this; }
        /** rate · Σ_k D[σ_k^-]: each spin decays on its own. */
        public Builder localEmission(int ensemble, String rate) { return local(ensemble, Dissipator.LocalProcess.EMISSION, Expr.parse(rate)); }
        /** rate · Σ_k D[σ_k^+]: each spin is pumped on its own. */
        public Builder localPumping(int ensemble, String rate) { return local(ensemble, Dissipator.LocalProcess.PUMPING, Expr.parse(rate)); }
        /** rate · Σ_k D[σ_k^z]: each spin dephases on its own (coherences |↑⟩⟨↓| of one spin decay at 2·rate). */
        public Builder localDephasing(int ensemble, String rate) { return local(ensemble, Dissipator.LocalProcess.DEPHASING, Expr.parse(rate)); }
        /** Σ_k Σ_ab γ_ab (σ_k^a ρ σ_k^b − ½{σ_k^b σ_k^a, ρ}) on every spin of an ensemble ({@link Dissipator.LocalGamma}). */
        public Builder localGamma(int ensemble, Expr[][] gamma) { dissipators.add(new Dissipator.LocalGamma(ensemble, gamma)); return this; }

        /**
         * Paper Eq. 18 for a permutation-invariant spin matrix: γ^{jj}_{ab} = {@code diag}_{ab} on every spin and
         * γ^{jk}_{ab} = {@code off}_{ab} between every two distinct spins j ≠ k of the ensemble. Since
         * Σ_{j≠k} σ_j^a ρ σ_k^b = 4 S^a ρ S^b − Σ_j σ_j^a ρ σ_j^b, this is the collective Γ-matrix channel with
         * Γ_ab = 4 S off_ab = 2 N off_ab (Eq. 4's normalization) plus the local channel diag − off. The
         * "well defined thermodynamic couplings" of the paper are Γ^diag = diag and Γ^off = (N − 1) off: off
         * must fall as 1/N (e.g. "kappa/N"), which {@code verify-mf} checks through the Γ-matrix part.
         */
        public Builder spinChannel(int ensemble, Expr[][] diag, Expr[][] off) {
            if (diag == null || off == null || diag.length != 3 || off.length != 3)
                throw new ModelException("spinChannel needs two 3×3 matrices over (σ^x, σ^y, σ^z)");
            Expr[][] coll = new Expr[3][3], loc = new Expr[3][3];
            for (int a = 0; a < 3; a++) {
                if (diag[a].length != 3 || off[a].length != 3) throw new ModelException("spinChannel needs two 3×3 matrices over (σ^x, σ^y, σ^z)");
                for (int b = 0; b < 3; b++) {
                    coll[a][b] = Expr.product(List.of(Expr.num(2), Expr.sym("N"), off[a][b]));
                    loc[a][b] = Expr.sum(List.of(diag[a][b], Expr.product(List.of(Expr.num(-1), off[a][b]))));
                }
            }
            boolean anyOff = false;
            for (Expr[] row : off) for (Expr e : row) if (!(e instanceof Expr.Rat r && r.num() == 0)) anyOff = true;
            if (anyOff) gamma(ensemble, coll);
            return localGamma(ensemble, loc);
        }

        /** Boson loss k_b D[a], Eq. (3). */
        public Builder bosonLoss(Expr rate) { return jump(rate, OpSum.a()); }
        public Model build() { return new Model(this); }
    }
}
