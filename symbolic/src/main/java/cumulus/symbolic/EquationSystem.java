package cumulus.symbolic;

import cumulus.api.Expr;
import cumulus.api.ModelException;
import cumulus.symbolic.algebra.Atoms;
import cumulus.symbolic.algebra.ExprConverter;
import cumulus.symbolic.algebra.Mono;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.algebra.QI;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A closed system of ODEs d y_k/dt = f_k(t, y, parameters) for the unknowns y_k: first moments
 * ("m1x", "x", "p") and symmetrized cumulants ("K(m1x,m1y)", "K(m1x,m1x,p)"), all real-valued
 * for Hermitian letters (each equation records whether its right-hand side is real). Right-hand
 * sides are exact polynomials ({@link #rhsPoly}) and expression trees ({@link #rhs()}) over the
 * unknowns, the parameters (including N) and t. Immutable.
 */
public final class EquationSystem {
    private final String model;
    private final int order;
    private final List<String> unknowns;
    private final List<Integer> cumulantOrders;
    private final List<String> parameters;
    private final List<Poly> rhsPolys;
    private final List<Expr> rhsExprs;
    private final List<Boolean> real;
    private final Map<String, Integer> index = new HashMap<>();
    private volatile Compiled compiled;

    EquationSystem(String model, int order, List<String> unknowns, List<Integer> cumulantOrders,
                   List<String> parameters, List<Poly> rhs) {
        this.model = model;
        this.order = order;
        this.unknowns = List.copyOf(unknowns);
        this.cumulantOrders = List.copyOf(cumulantOrders);
        this.parameters = List.copyOf(parameters);
        this.rhsPolys = List.copyOf(rhs);
        List<Expr> ex = new ArrayList<>();
        List<Boolean> re = new ArrayList<>();
        for (Poly p : rhs) { ex.add(ExprConverter.toExpr(p)); re.add(p.isReal()); }
        this.rhsExprs = Collections.unmodifiableList(ex);
        this.real = Collections.unmodifiableList(re);
        for (int k = 0; k < this.unknowns.size(); k++) index.put(this.unknowns.get(k), k);
    }

    public String model() { return model; }
    /** The closure order k (cumulants of more than k letters set to zero). */
    public int order() { return order; }
    public List<String> unknowns() { return unknowns; }
    /** Number of letters of each unknown's cumulant (1 for first moments). */
    public List<Integer> cumulantOrders() { return cumulantOrders; }
    /** Names of the parameters the right-hand sides use (N included); t is the time argument, not listed. */
    public List<String> parameters() { return parameters; }
    public List<Expr> rhs() { return rhsExprs; }
    public List<Poly> rhsPolys() { return rhsPolys; }
    public int size() { return unknowns.size(); }
    public int indexOf(String unknown) {
        Integer k = index.get(unknown);
        if (k == null) throw new IllegalArgumentException("no unknown " + unknown + " in " + unknowns);
        return k;
    }
    public Poly rhsPoly(String unknown) { return rhsPolys.get(indexOf(unknown)); }
    public Expr rhs(String unknown) { return rhsExprs.get(indexOf(unknown)); }
    /** Whether the right-hand side of this unknown is real (true for every Hermitian model). */
    public boolean isReal(String unknown) { return real.get(indexOf(unknown)); }

    /**
     * The N → ∞ limit of every right-hand side with the unknowns held fixed: each coefficient is
     * replaced by its N^0 term ({@link Asymptotics#limitNInfinity}: kappa N/(N + 1) → kappa,
     * sqrt(N(N + 1))/S → 2, terms that vanish dropped). A term that grows with N, or whose
     * coefficient has no known expansion in 1/N, is a {@link ModelException} naming it. For
     * order 1 this is the paper's mean-field system (S3).
     */
    public EquationSystem thermodynamicLimit() {
        List<Poly> lim = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        java.util.Set<String> known = new java.util.HashSet<>(unknowns);
        for (int k = 0; k < rhsPolys.size(); k++) {
            Poly l = Asymptotics.limitNInfinity(rhsPolys.get(k), known::contains, "model " + model + ", d/dt " + unknowns.get(k));
            lim.add(l);
            used.addAll(l.symbolNames());
        }
        List<String> params = new ArrayList<>();
        for (String p : parameters) if (used.contains(p)) params.add(p);
        return new EquationSystem(model, order, unknowns, cumulantOrders, params, lim);
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < unknowns.size(); k++)
            sb.append("d/dt ").append(unknowns.get(k)).append(" = ").append(rhsPolys.get(k)).append('\n');
        return sb.toString();
    }

    public String toLatex() {
        StringBuilder sb = new StringBuilder("\\begin{aligned}\n");
        for (int k = 0; k < unknowns.size(); k++) {
            Poly name = Poly.atom(unknowns.get(k));
            sb.append("\\frac{d}{dt} ").append(name.toLatex()).append(" &= ").append(rhsPolys.get(k).toLatex())
              .append(k + 1 < unknowns.size() ? " \\\\\n" : "\n");
        }
        return sb.append("\\end{aligned}\n").toString();
    }

    /** Plain maps and lists for JSON: model, order, unknowns, parameters, equations [{lhs, unknown, rhs, real}]. */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("order", order);
        m.put("unknowns", new ArrayList<>(unknowns));
        m.put("parameters", new ArrayList<>(parameters));
        List<Object> eqs = new ArrayList<>();
        for (int k = 0; k < unknowns.size(); k++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("lhs", "d/dt " + unknowns.get(k));
            e.put("unknown", unknowns.get(k));
            e.put("rhs", rhsPolys.get(k).toString());
            e.put("real", real.get(k));
            eqs.add(e);
        }
        m.put("equations", eqs);
        return m;
    }

    @Override public String toString() { return toText(); }

    /**
     * Numerical right-hand sides (real parts; every equation of a Hermitian model is real) at time t,
     * unknowns y in the order of {@link #unknowns()}, parameters by name (N required; S is not used).
     * A plain tree evaluation, the reference for generated code.
     */
    public double[] rhs(double t, double[] y, Map<String, Double> params) {
        if (y.length != unknowns.size()) throw new IllegalArgumentException("expected " + unknowns.size() + " unknowns, got " + y.length);
        Compiled c = compiled;
        if (c == null) compiled = c = new Compiled();
        return c.eval(t, y, params);
    }

    /** Flattened terms: per equation, coefficient and (atom slot, exponent in halves) lists. */
    private final class Compiled {
        final int[] atomIds;
        final int[] unknownIndex; // per slot: index into y, or -1
        final double[][] coefRe;
        final int[][][] slots, halves;

        Compiled() {
            Map<Integer, Integer> slotOf = new LinkedHashMap<>();
            int n = rhsPolys.size();
            coefRe = new double[n][];
            slots = new int[n][][];
            halves = new int[n][][];
            for (int k = 0; k < n; k++) {
                List<Map.Entry<Mono, QI>> ts = rhsPolys.get(k).sortedTerms();
                coefRe[k] = new double[ts.size()];
                slots[k] = new int[ts.size()][];
                halves[k] = new int[ts.size()][];
                for (int j = 0; j < ts.size(); j++) {
                    Mono m = ts.get(j).getKey();
                    coefRe[k][j] = ts.get(j).getValue().reDouble();
                    slots[k][j] = new int[m.size()];
                    halves[k][j] = new int[m.size()];
                    for (int a = 0; a < m.size(); a++) {
                        slots[k][j][a] = slotOf.computeIfAbsent(m.id(a), id -> slotOf.size());
                        halves[k][j][a] = m.halves(a);
                    }
                }
            }
            atomIds = new int[slotOf.size()];
            unknownIndex = new int[slotOf.size()];
            for (Map.Entry<Integer, Integer> e : slotOf.entrySet()) {
                atomIds[e.getValue()] = e.getKey();
                Integer u = index.get(Atoms.name(e.getKey()));
                unknownIndex[e.getValue()] = Atoms.kind(e.getKey()) == Atoms.Kind.SYMBOL && u != null ? u : -1;
            }
        }

        double[] eval(double t, double[] y, Map<String, Double> params) {
            double[] v = new double[atomIds.length];
            for (int s = 0; s < v.length; s++) {
                if (unknownIndex[s] >= 0) { v[s] = y[unknownIndex[s]]; continue; }
                int id = atomIds[s];
                switch (Atoms.kind(id)) {
                    case PRIME -> v[s] = Atoms.primeValue(id);
                    case OPAQUE -> {
                        Map<String, Double> vals = new HashMap<>(params);
                        vals.put("t", t);
                        v[s] = Atoms.opaqueExpr(id).evaluate(vals).re();
                    }
                    default -> {
                        String name = Atoms.name(id);
                        if (name.equals("t")) v[s] = t;
                        else {
                            Double d = params.get(name);
                            if (d == null) throw new ModelException("no value for parameter '" + name + "' of the " + model + " equations: give it with --set " + name + "=VALUE");
                            v[s] = d;
                        }
                    }
                }
            }
            double[] out = new double[coefRe.length];
            for (int k = 0; k < out.length; k++) {
                double acc = 0;
                for (int j = 0; j < coefRe[k].length; j++) {
                    double term = coefRe[k][j];
                    int[] sl = slots[k][j], h = halves[k][j];
                    for (int a = 0; a < sl.length; a++) term *= power(v[sl[a]], h[a]);
                    acc += term;
                }
                out[k] = acc;
            }
            return out;
        }
    }

    private static double power(double x, int halves) {
        switch (halves) {
            case 2: return x;
            case 4: return x * x;
            case 6: return x * x * x;
            case -2: return 1 / x;
            case 1: return Math.sqrt(x);
            case -1: return 1 / Math.sqrt(x);
            default: return Math.pow(x, halves / 2.0);
        }
    }
}
