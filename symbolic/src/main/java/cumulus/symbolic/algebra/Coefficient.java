package cumulus.symbolic.algebra;

/**
 * The commutative coefficient algebra behind the operator algebra: exact, immutable, with
 * structural equality and hashing (so equal operators are equal objects). {@link Poly} is the
 * implementation used everywhere; the operator algebra only uses these methods and a
 * {@link CoefficientRing} for constants.
 */
public interface Coefficient<C extends Coefficient<C>> {
    C plus(C o);
    C times(C o);
    C negate();
    /** Complex conjugate (every symbol is real). */
    C conj();
    C scale(QI q);
    boolean isZero();

    default C minus(C o) { return plus(o.negate()); }

    /** Constants of a coefficient algebra: the Gaussian rationals and powers of N. */
    interface CoefficientRing<C extends Coefficient<C>> {
        C zero();
        C one();
        C of(QI q);
        /** N^(halves/2), N = spins per ensemble. */
        C nPower(int halves);
    }
}
