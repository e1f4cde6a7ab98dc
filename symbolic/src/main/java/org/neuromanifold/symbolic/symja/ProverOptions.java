package org.neuromanifold.symbolic.symja;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link SymjaProver}.
 *
 * @param points            random points of the numeric check
 * @param seed              seed of the random points (the same seed gives the same points)
 * @param stepLimit         time limit of each Symja step (one Simplify, one Together, ...)
 * @param maxCases          most cases a piecewise case split may produce before the proof gives up
 * @param zeroTolerance     a point counts as a zero of the difference when |d| ≤ zeroTolerance·scale
 * @param witnessTolerance  a point refutes when |d| &gt; witnessTolerance·scale (between the two
 *                          tolerances a point is inconclusive and refutes nothing)
 */
public record ProverOptions(int points, long seed, Duration stepLimit, int maxCases, double zeroTolerance,
        double witnessTolerance) {

    /**
     * 16 points, seed 20240611, the shared engine's step limit, at most 64 cases. The scale of a point is
     * the sum of the absolute values of the expression's parts (the size of the numbers whose rounding
     * errors the difference carries); 1e-9 relative leaves room for the error growth of a few hundred
     * double operations, 1e-6 is far above it.
     */
    public static ProverOptions defaults() {
        return new ProverOptions(16, 20240611L, SymjaEngine.shared().timeLimit(), 64, 1e-9, 1e-6);
    }

    public ProverOptions {
        if (points < 1) {
            throw new IllegalArgumentException("points: expected at least 1, got " + points);
        }
        Objects.requireNonNull(stepLimit, "stepLimit");
        if (stepLimit.isNegative() || stepLimit.isZero()) {
            throw new IllegalArgumentException("stepLimit: expected a positive duration, got " + stepLimit);
        }
        if (maxCases < 1) {
            throw new IllegalArgumentException("maxCases: expected at least 1, got " + maxCases);
        }
        if (!(zeroTolerance > 0 && witnessTolerance >= zeroTolerance)) {
            throw new IllegalArgumentException("tolerances: expected 0 < zeroTolerance <= witnessTolerance, got "
                    + zeroTolerance + " and " + witnessTolerance);
        }
    }

    /** A copy with another number of points. */
    public ProverOptions withPoints(int n) {
        return new ProverOptions(n, seed, stepLimit, maxCases, zeroTolerance, witnessTolerance);
    }

    /** A copy with another seed. */
    public ProverOptions withSeed(long s) {
        return new ProverOptions(points, s, stepLimit, maxCases, zeroTolerance, witnessTolerance);
    }

    /** A copy with another step limit. */
    public ProverOptions withStepLimit(Duration limit) {
        return new ProverOptions(points, seed, limit, maxCases, zeroTolerance, witnessTolerance);
    }

    /** A copy with another case limit. */
    public ProverOptions withMaxCases(int n) {
        return new ProverOptions(points, seed, stepLimit, n, zeroTolerance, witnessTolerance);
    }
}
