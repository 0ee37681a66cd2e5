package cumulus.plugins.attractor;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's method (Numerical Recipes §10.3, commons-math's {@link BrentOptimizer}) on [lo, hi] from
 * {@code start}, to 1e-13 relative: how every time, period, peak and frequency of the classifier
 * is refined between samples.
 */
final class Brent {
    private Brent() { }

    static UnivariatePointValuePair max(DoubleUnaryOperator f, double lo, double hi, double start) { return run(f, lo, hi, start, GoalType.MAXIMIZE); }

    static UnivariatePointValuePair min(DoubleUnaryOperator f, double lo, double hi, double start) { return run(f, lo, hi, start, GoalType.MINIMIZE); }

    private static UnivariatePointValuePair run(DoubleUnaryOperator f, double lo, double hi, double start, GoalType goal) {
        return new BrentOptimizer(1e-13, 1e-15 * Math.max(1, Math.abs(hi))).optimize(new MaxEval(400),
                new UnivariateObjectiveFunction(f::applyAsDouble), goal, new SearchInterval(lo, hi, start));
    }
}
