package org.neuromanifold.core.result;

import java.util.Objects;

/**
 * A numeric certificate: both sides evaluated at {@code points} random points.
 *
 * <p>Most certificates measure errors ({@link Measure#ERROR}). A comparison against a Monte Carlo
 * estimate measures standard scores instead ({@link Measure#STANDARD_SCORE}): then
 * {@code maxAbsError} and {@code maxRelError} both hold the largest |estimate − prediction| / standard
 * error, and {@code tolerance} the score threshold.
 *
 * @param points      how many points were tried
 * @param maxAbsError max |lhs − rhs| over the points (or the largest standard score)
 * @param maxRelError max |lhs − rhs| / max(|lhs|, |rhs|, tiny) over the points (or the largest score)
 * @param tolerance   the relative tolerance the verdict uses (with an absolute floor of the same size
 *                    for values near 0), or the score threshold
 * @param measure     what the error fields measure
 */
public record NumericCertificate(int points, double maxAbsError, double maxRelError, double tolerance,
        Measure measure) {
    /** What the error fields of a certificate hold. */
    public enum Measure {
        /** Absolute and relative errors between the two sides. */
        ERROR,
        /** Standard scores of a Monte Carlo estimate against the prediction. */
        STANDARD_SCORE
    }

    public NumericCertificate {
        Objects.requireNonNull(measure, "measure");
    }

    /** An error certificate. */
    public NumericCertificate(int points, double maxAbsError, double maxRelError, double tolerance) {
        this(points, maxAbsError, maxRelError, tolerance, Measure.ERROR);
    }

    /** A Monte Carlo certificate: the largest standard score over {@code points} estimates and the threshold. */
    public static NumericCertificate standardScores(int points, double maxScore, double threshold) {
        return new NumericCertificate(points, maxScore, maxScore, threshold, Measure.STANDARD_SCORE);
    }

    /** Whether the two sides agreed within tolerance at every point. */
    public boolean agrees() {
        return points > 0 && (maxRelError <= tolerance || maxAbsError <= tolerance);
    }
}
