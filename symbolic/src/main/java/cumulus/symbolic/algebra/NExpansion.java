package cumulus.symbolic.algebra;

import cumulus.api.Expr;

import java.util.HashMap;
import java.util.Map;

/**
 * The asymptotic expansion in 1/N of exact coefficients: every {@link Poly} (and so every
 * coefficient the model grammar accepts) becomes an {@link NSeries}. N-free parts stay exact
 * constants; opaque atoms of N are expanded from their expression by the rules: S = N/2; sums and
 * products of series (leading terms may cancel: N − sqrt(N² + 1) = −1/(2N) + ...); (c N^h (1 + r))^p
 * = c^p N^(hp) Σ binom(p, j) r^j for rational p with hp a multiple of 1/2 (so (N + a)^p, sqrt of a
 * polynomial, 1/polynomial); exp, sin, cos around the N^0 part of the argument (exp(c/N) = 1 + c/N + ...).
 * Not expanded (the coefficient is then reported, never guessed): exponents that are symbolic or
 * depend on N, powers of N that are not multiples of 1/2, exp/sin/cos of growing arguments, roots of
 * quantities negative for large N.
 */
public final class NExpansion {
    /** Relative depths (halves of a power of N) tried in turn when all computed orders cancel. */
    static final int[] DEPTHS = {8, 16, 32};

    private final int depth;
    private final Map<Integer, NSeries> atoms = new HashMap<>();

    private NExpansion(int depth) { this.depth = depth; }

    /** The leading behaviour of a coefficient, deepening the expansion when its computed orders cancel. */
    public static Growth growth(Poly coefficient) {
        if (coefficient.isZero()) return Growth.zero();
        if (!coefficient.dependsOnN()) return Growth.leading(NSeries.constant(Ratio.of(coefficient)));
        NSeries bound = null;
        String reason = null;
        for (int d : DEPTHS) {
            try {
                NSeries s = new NExpansion(d).of(coefficient);
                if (s.isExactZero()) return Growth.zero();
                if (!s.terms().isEmpty()) return Growth.leading(s);
                bound = s;
            } catch (NotExpandable e) {
                if (!e.deeper) return Growth.unknown(e.getMessage());
                reason = e.getMessage();
            }
        }
        return bound != null ? Growth.bound(bound) : Growth.unknown(reason);
    }

    /** The series of a polynomial at a relative depth (halves); throws IllegalArgumentException if not expandable. */
    public static NSeries expand(Poly p, int depth) {
        try {
            return new NExpansion(depth).of(p);
        } catch (NotExpandable e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** The series of a coefficient expression (through its exact Poly). */
    public static NSeries expand(Expr e, int depth) { return expand(ExprConverter.toPoly(e), depth); }

    NSeries of(Poly p) {
        NSeries sum = NSeries.ZERO;
        for (Map.Entry<Mono, QI> t : p.terms().entrySet()) {
            Mono m = t.getKey(), free = m;
            Poly den = Poly.ONE;
            for (int k = 0; k < m.size(); k++) {
                int id = m.id(k);
                if (Atoms.dependsOnN(id)) free = free.without(id);
                else if (isInverseOfSum(id, m.halves(k))) { // 1/(kappa + gamma) is a denominator, so that it can cancel exactly
                    free = free.without(id);
                    den = den.times(ExprConverter.toPoly(Atoms.opaqueExpr(id)).pow(-m.halves(k) / 2));
                }
            }
            NSeries s = NSeries.constant(Ratio.of(Poly.term(t.getValue(), free), den));
            for (int k = 0; k < m.size(); k++) {
                int id = m.id(k), h = m.halves(k);
                if (!Atoms.dependsOnN(id)) continue;
                if (Atoms.kind(id) == Atoms.Kind.SYMBOL) s = s.shift(h);
                else s = s.times(atom(id, h));
            }
            sum = sum.plus(s);
        }
        return sum;
    }

    private static boolean isInverseOfSum(int id, int halves) {
        if (Atoms.kind(id) != Atoms.Kind.OPAQUE || halves >= 0 || halves % 2 != 0) return false;
        Expr e = Atoms.opaqueExpr(id);
        return e instanceof Expr.Add || e instanceof Expr.Mul;
    }

    /** An opaque atom of N to the power h/2. */
    private NSeries atom(int id, int h) {
        try {
            NSeries base = atoms.get(id);
            if (base == null) atoms.put(id, base = of(Atoms.opaqueExpr(id)));
            return h % 2 == 0 ? base.pow(h / 2, 1, depth) : base.pow(h, 2, depth);
        } catch (NotExpandable e) {
            String name = PolyFormat.atomText(id, h);
            throw new NotExpandable(e.getMessage().startsWith("in ") ? e.getMessage() : "in " + name + ": " + e.getMessage(), e.deeper);
        }
    }

    private static boolean dependsOnN(Expr e) {
        var s = e.symbols();
        return s.contains("N") || s.contains("S");
    }

    NSeries of(Expr e) {
        if (!dependsOnN(e)) return NSeries.constant(Ratio.of(ExprConverter.toPoly(e)));
        if (e instanceof Expr.Sym s) return NSeries.monomial(Ratio.of(s.name().equals("S") ? QI.HALF : QI.ONE), 2);
        if (e instanceof Expr.Add a) {
            NSeries r = NSeries.ZERO;
            for (Expr t : a.terms()) r = r.plus(of(t));
            return r;
        }
        if (e instanceof Expr.Mul m) {
            NSeries r = NSeries.ONE;
            for (Expr f : m.factors()) r = r.times(of(f));
            return r;
        }
        if (e instanceof Expr.Pow p) {
            if (dependsOnN(p.exponent())) throw new NotExpandable("an exponent that depends on N", false);
            Poly x = ExprConverter.toPoly(p.exponent());
            if (!x.isConstant() || !x.constantValue().isReal())
                throw new NotExpandable("the symbolic exponent " + p.exponent() + " makes the order in N depend on the parameters", false);
            QI q = x.constantValue();
            if (q.re.bitLength() > 30 || q.den.bitLength() > 30) throw new NotExpandable("exponent " + q + " is too large", false);
            return of(p.base()).pow(q.re.intValue(), q.den.intValue(), depth);
        }
        Expr.Fn f = (Expr.Fn) e;
        NSeries a = of(f.arg());
        return switch (f.name()) {
            case "sqrt" -> a.pow(1, 2, depth);
            case "exp" -> a.exp(depth);
            case "sin" -> a.trig(true, depth);
            default -> a.trig(false, depth);
        };
    }
}
