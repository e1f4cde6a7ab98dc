package org.neuromanifold.symbolic.derive.conditioning;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.neuromanifold.core.result.NumericCertificate;

/**
 * Certificates for Monte Carlo comparisons, judged in units of the standard error: the error fields of
 * the {@link NumericCertificate} hold |estimate − reference| / SE (the largest over the entries), and the
 * tolerance is the two-sided quantile for a family-wise false-alarm rate of {@value #FAMILY_ALPHA} over
 * all entries (Bonferroni), from the normal law or, when the standard error is itself estimated from
 * few replicates, Student's t.
 */
final class Statistics {
    /** Family-wise probability that a correct result is flagged. */
    static final double FAMILY_ALPHA = 1e-3;

    private Statistics() {
    }

    /** The normal quantile for {@code comparisons} simultaneous two-sided tests. */
    static double normalThreshold(int comparisons) {
        return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - FAMILY_ALPHA / (2.0 * comparisons));
    }

    /** Student's t quantile ({@code dof} degrees of freedom) for {@code comparisons} simultaneous tests. */
    static double tThreshold(int dof, int comparisons) {
        return new TDistribution(null, dof).inverseCumulativeProbability(1 - FAMILY_ALPHA / (2.0 * comparisons));
    }

    /** max_k |estimate_k − reference_k| / se_k (an entry with se = 0 must match exactly). */
    static double maxScore(double[] estimate, double[] se, double[] reference) {
        double max = 0;
        for (int k = 0; k < estimate.length; k++) {
            double diff = Math.abs(estimate[k] - reference[k]);
            double score = se[k] > 0 ? diff / se[k] : diff == 0 ? 0 : Double.POSITIVE_INFINITY;
            max = Math.max(max, score);
        }
        return max;
    }

    /** A certificate in standard-error units (see the class comment). */
    static NumericCertificate scoreCertificate(int entries, double maxScore, double threshold) {
        return NumericCertificate.standardScores(entries, maxScore, threshold);
    }

    /** Mean and standard error of the mean of {@code values}. */
    static double[] meanAndStandardError(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : Double.NaN;
        return new double[] {mean, sd / Math.sqrt(values.length)};
    }
}
