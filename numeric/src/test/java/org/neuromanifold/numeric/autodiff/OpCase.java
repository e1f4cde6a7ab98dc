package org.neuromanifold.numeric.autodiff;

import java.util.SplittableRandom;
import java.util.function.Function;

import org.neuromanifold.numeric.autodiff.AutoDiff.TapeFunction;

/**
 * One op under test: a function of a packed input vector x (operands are cut out of x with slices),
 * the domain to draw x from, and whether second derivatives exist (for the Hessian checks).
 *
 * @param name          shown in the test report
 * @param point         draws a point x
 * @param body          the function; its output may be a scalar, vector or matrix
 * @param secondOrder   whether Hessian-vector products are defined (σ'' and the rules' rules exist)
 */
record OpCase(String name, Function<SplittableRandom, double[]> point, TapeFunction body, boolean secondOrder) {
    @Override
    public String toString() {
        return name;
    }

    /** Uniform entries in [lo, hi]. */
    static Function<SplittableRandom, double[]> uniform(int n, double lo, double hi) {
        return r -> {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = lo + (hi - lo) * r.nextDouble();
            }
            return x;
        };
    }

    /** Entries with |x| in [0.2, 1.5] and a random sign: away from the kinks at 0 by far more than a step. */
    static Function<SplittableRandom, double[]> awayFromZero(int n) {
        return r -> {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = (0.2 + 1.3 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
            }
            return x;
        };
    }
}
