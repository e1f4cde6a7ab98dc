package org.neuromanifold.symbolic.derive;

import java.util.List;

import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.NumericCertificate;

/**
 * Compares two sides evaluated at the same points and summarises the agreement as a
 * {@link NumericCertificate}.
 *
 * <p>For {@code =} the error at a component is |a − b| and its relative version |a − b| / max(|a|, |b|)
 * (0 when both are 0). For {@code ≤} only a violation counts: max(0, a − b), relative to max(|a|, |b|).
 * A non-finite value on either side is an infinite error.
 */
public final class NumericComparison {
    private NumericComparison() {
    }

    /**
     * @param relation  = or ≤
     * @param lhs       the left side at each point (vectors of equal length per point)
     * @param rhs       the right side at each point
     * @param tolerance the relative tolerance the certificate records
     */
    public static NumericCertificate compare(Relation relation, List<double[]> lhs, List<double[]> rhs,
            double tolerance) {
        if (lhs.size() != rhs.size()) {
            throw new IllegalArgumentException("rhs: expected " + lhs.size() + " points, got " + rhs.size());
        }
        double maxAbs = 0;
        double maxRel = 0;
        for (int p = 0; p < lhs.size(); p++) {
            double[] a = lhs.get(p);
            double[] b = rhs.get(p);
            if (a.length != b.length) {
                return new NumericCertificate(lhs.size(), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                        tolerance);
            }
            for (int i = 0; i < a.length; i++) {
                double abs = error(relation, a[i], b[i]);
                double scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
                double rel = abs == 0 ? 0 : scale == 0 ? Double.POSITIVE_INFINITY : abs / scale;
                maxAbs = Math.max(maxAbs, abs);
                maxRel = Math.max(maxRel, rel);
            }
        }
        return new NumericCertificate(lhs.size(), maxAbs, maxRel, tolerance);
    }

    private static double error(Relation relation, double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return Double.POSITIVE_INFINITY;
        }
        return relation == Relation.EQ ? Math.abs(a - b) : Math.max(0, a - b);
    }
}
