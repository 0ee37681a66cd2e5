package cumulus.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A sum of operator products with symbolic coefficients, Σ_k c_k O_k1 O_k2 ..., in the order
 * written (no operator algebra is applied here: that is the symbolic engine's job). Immutable.
 */
public record OpSum(List<Term> terms) {

    /** One product c · O_1 O_2 ... O_n; an empty factor list is the identity. */
    public record Term(Expr coefficient, List<Op> factors) {
        public Term { factors = List.copyOf(factors); }
        public Term adjoint() {
            List<Op> rev = new ArrayList<>();
            for (int i = factors.size() - 1; i >= 0; i--) rev.add(factors.get(i).adjoint());
            return new Term(coefficient.conj(), rev);
        }
        @Override public String toString() {
            String ops = String.join(" ", factors.stream().map(Object::toString).toList());
            return coefficient + (ops.isEmpty() ? "" : " " + ops);
        }
    }

    public OpSum { terms = List.copyOf(terms); }

    public static final OpSum ZERO = new OpSum(List.of());

    public static OpSum of(Op op) { return new OpSum(List.of(new Term(Expr.ONE, List.of(op)))); }
    public static OpSum identity() { return new OpSum(List.of(new Term(Expr.ONE, List.of()))); }

    public static OpSum sx(int ensemble) { return of(new Op.Spin(ensemble, Op.Component.X)); }
    public static OpSum sy(int ensemble) { return of(new Op.Spin(ensemble, Op.Component.Y)); }
    public static OpSum sz(int ensemble) { return of(new Op.Spin(ensemble, Op.Component.Z)); }
    public static OpSum sp(int ensemble) { return of(new Op.Spin(ensemble, Op.Component.PLUS)); }
    public static OpSum sm(int ensemble) { return of(new Op.Spin(ensemble, Op.Component.MINUS)); }
    public static OpSum a() { return of(new Op.Boson(false)); }
    public static OpSum adag() { return of(new Op.Boson(true)); }
    /** a_k of bosonic mode k (from 1). */
    public static OpSum a(int mode) { return of(new Op.Boson(mode, false)); }
    /** a_k† of bosonic mode k (from 1). */
    public static OpSum adag(int mode) { return of(new Op.Boson(mode, true)); }

    public OpSum plus(OpSum o) {
        List<Term> t = new ArrayList<>(terms);
        t.addAll(o.terms);
        return new OpSum(t);
    }

    public OpSum minus(OpSum o) { return plus(o.scale(Expr.num(-1))); }

    /** Operator product this · o, distributed over the sums. */
    public OpSum times(OpSum o) {
        List<Term> out = new ArrayList<>();
        for (Term x : terms) for (Term y : o.terms) {
            List<Op> f = new ArrayList<>(x.factors());
            f.addAll(y.factors());
            out.add(new Term(x.coefficient().times(y.coefficient()), f));
        }
        return new OpSum(out);
    }

    public OpSum scale(Expr c) {
        return new OpSum(terms.stream().map(t -> new Term(c.times(t.coefficient()), t.factors())).toList());
    }

    public OpSum scale(String expression) { return scale(Expr.parse(expression)); }

    public OpSum adjoint() { return new OpSum(terms.stream().map(Term::adjoint).toList()); }

    public boolean isZero() { return terms.isEmpty(); }

    @Override public String toString() {
        return terms.isEmpty() ? "0" : String.join(" + ", terms.stream().map(Term::toString).toList());
    }
}
