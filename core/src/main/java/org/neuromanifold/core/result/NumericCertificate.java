package org.neuromanifold.core.result;

/**
 * A numeric certificate: both sides evaluated at {@code points} random points.
 *
 * @param points      how many points were tried
 * @param maxAbsError max |lhs − rhs| over the points
 * @param maxRelError max |lhs − rhs| / max(|lhs|, |rhs|, tiny) over the points
 * @param tolerance   the relative tolerance the verdict uses (with an absolute floor of the same size
 *                    for values near 0)
 */
public record NumericCertificate(int points, double maxAbsError, double maxRelError, double tolerance) {
    /** Whether the two sides agreed within tolerance at every point. */
    public boolean agrees() {
        return points > 0 && (maxRelError <= tolerance || maxAbsError <= tolerance);
    }
}
