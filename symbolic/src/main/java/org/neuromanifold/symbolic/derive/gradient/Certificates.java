package org.neuromanifold.symbolic.derive.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.NumericCertificate;
import org.neuromanifold.symbolic.derive.NumericComparison;

/** Numeric certificates of cross-checks: two computations compared at the same points. */
final class Certificates {
    private Certificates() {
    }

    /**
     * {@code a = b} at every point, to relative tolerance {@code tolerance}; a computation that fails at a
     * point (an expression the engine cannot evaluate) gives an infinite error, never an exception.
     */
    static <P> NumericCertificate equal(List<P> points, Function<P, double[]> a, Function<P, double[]> b,
            double tolerance) {
        List<double[]> left = new ArrayList<>(points.size());
        List<double[]> right = new ArrayList<>(points.size());
        try {
            for (P p : points) {
                left.add(a.apply(p));
                right.add(b.apply(p));
            }
        } catch (RuntimeException e) {
            return new NumericCertificate(points.size(), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    tolerance);
        }
        return NumericComparison.compare(Relation.EQ, left, right, tolerance);
    }
}
