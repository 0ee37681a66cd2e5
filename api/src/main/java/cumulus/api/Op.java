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

    /**
     * a_mode ({@code dagger = false}) or a_mode† ({@code dagger = true}) of bosonic mode {@code mode}
     * (numbered from 1 in the order the model declares its modes); operators of different modes commute.
     */
    record Boson(int mode, boolean dagger) implements Op {
        public Boson {
            if (mode < 1) throw new ModelException("bosonic modes are numbered from 1, got " + mode);
        }
        /** a or a† of the first (or only) mode. */
        public Boson(boolean dagger) { this(1, dagger); }
        @Override public Op adjoint() { return new Boson(mode, !dagger); }
        @Override public String toString() { return (mode == 1 ? "a" : "a" + mode) + (dagger ? "†" : ""); }
    }

    Op adjoint();
}
