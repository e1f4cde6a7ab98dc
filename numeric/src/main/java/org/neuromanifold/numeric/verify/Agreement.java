package org.neuromanifold.numeric.verify;

import java.util.Arrays;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.neuromanifold.core.expr.Relation;

/**
 * The rule that decides whether the two sides of an identity agree on one instance (documented in full
 * on {@link Verifier}). Per entry c, with l and r the two sides and SE the standard error of l − r:
 * <ul>
 * <li>the violation is |l − r| for {@code =} and max(0, l − r) for {@code ≤};</li>
 * <li>the entry agrees when violation ≤ tol · max(|l|, |r|, m) + z · SE, where m is the run's typical
 * magnitude (the median over trials of the largest |l|, |r| of the trial, trials where
 * both sides vanish left out).</li>
 * </ul>
 * A NaN or infinite side never agrees.
 */
final class Agreement {
    /** The family-wise false-alarm probability behind the default z: a true identity fails a run this rarely. */
    static final double FAMILY_FALSE_ALARM = 1e-3;

    private Agreement() {
    }

    /** How far the entry is from satisfying the relation (NaN if a side is not finite). */
    static double violation(Relation relation, double l, double r) {
        if (!Double.isFinite(l) || !Double.isFinite(r)) {
            return Double.NaN;
        }
        return relation == Relation.LE ? Math.max(0, l - r) : Math.abs(l - r);
    }

    /** max(|l|, |r|), NaN if a side is not finite. */
    static double magnitude(double l, double r) {
        if (!Double.isFinite(l) || !Double.isFinite(r)) {
            return Double.NaN;
        }
        return Math.max(Math.abs(l), Math.abs(r));
    }

    /** Whether the entry agrees (false when any input is NaN). */
    static boolean agrees(double violation, double magnitude, double standardError, double floor, double tol,
            double z) {
        return violation <= tol * Math.max(magnitude, floor) + z * standardError;
    }

    /** The relative error violation / max(|l|, |r|, m); 0 when the violation is 0. */
    static double relative(double violation, double magnitude, double floor) {
        if (violation == 0) {
            return 0;
        }
        return violation / Math.max(magnitude, floor);
    }

    /**
     * The typical magnitude m: the median of the positive finite values (mean of the two middle ones for
     * an even count), or 0 when there is none. Trials where both sides vanish test nothing and do not
     * count.
     */
    static double typicalMagnitude(double[] trialMagnitudes) {
        double[] s = Arrays.stream(trialMagnitudes).filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
        int n = s.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /**
     * The Bonferroni z for {@code comparisons} two-sided normal comparisons at family-wise level
     * {@link #FAMILY_FALSE_ALARM}: Φ⁻¹(1 − α / (2·comparisons)).
     */
    static double bonferroniZ(long comparisons) {
        double p = FAMILY_FALSE_ALARM / (2.0 * Math.max(1, comparisons));
        return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - p);
    }
}
