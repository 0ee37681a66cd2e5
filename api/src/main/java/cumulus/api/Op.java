package cumulus.api;

/**
 * An elementary operator of a model: a collective spin component of one ensemble, or the boson
 * annihilation / creation operator. Products and sums are {@link OpSum}s.
 */
public sealed interface Op permits Op.Spin, Op.Boson {

    /** Collective spin component of an ensemble; S^± = S^x ± i S^y. */
    enum Component {
        X("x"), Y("y"), Z("z"), PLUS("+"), MINUS("-");
        public final String label;
        Component(String label) { this.label = label; }
        public Component adjoint() {
            return this == PLUS ? MINUS : this == MINUS ? PLUS : this;
        }
    }

    /** S_ensemble^component; ensembles are numbered from 1 as in SPEC.md (m1x, m2z, ...). */
    record Spin(int ensemble, Component component) implements Op {
        public Spin {
            if (ensemble < 1) throw new ModelException("spin ensembles are numbered from 1, got " + ensemble);
        }
        @Override public Op adjoint() { return new Spin(ensemble, component.adjoint()); }
        @Override public String toString() { return "S" + ensemble + "^" + component.label; }
    }

    /** a ({@code dagger = false}) or a† ({@code dagger = true}). */
    record Boson(boolean dagger) implements Op {
        @Override public Op adjoint() { return new Boson(!dagger); }
        @Override public String toString() { return dagger ? "a†" : "a"; }
    }

    Op adjoint();
}
