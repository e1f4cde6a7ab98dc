package org.neuromanifold.numeric.random;

import java.util.random.RandomGenerator;

import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * Draws inputs from core {@link InputDistribution}s. Order of draws (part of the determinism
 * contract): Gaussian — one {@code nextGaussian()} per coordinate in order, x_i = μ_i + σ·z_i; uniform —
 * one {@code nextDouble()} per coordinate, x_i = lo + (hi − lo)·u_i; empirical — one
 * {@code nextInt(n)} choosing a row of the data set.
 */
public final class InputSampler {
    private InputSampler() {
    }

    /** One draw of x. */
    public static double[] sample(InputDistribution distribution, RandomGenerator rng) {
        double[] x = new double[distribution.dim()];
        sampleInto(distribution, rng, x, 0);
        return x;
    }

    /** One draw of x written to {@code out[offset, offset + dim)}. */
    public static void sampleInto(InputDistribution distribution, RandomGenerator rng, double[] out, int offset) {
        int d = distribution.dim();
        if (offset < 0 || offset + d > out.length) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "out",
                    "room for " + d + " entries from offset " + offset, "length " + out.length);
        }
        switch (distribution) {
            case InputDistribution.Gaussian g -> {
                double[] mean = g.mean();
                double sigma = g.sigma();
                for (int i = 0; i < d; i++) {
                    out[offset + i] = mean[i] + sigma * rng.nextGaussian();
                }
            }
            case InputDistribution.Uniform u -> {
                double width = u.hi() - u.lo();
                for (int i = 0; i < d; i++) {
                    out[offset + i] = u.lo() + width * rng.nextDouble();
                }
            }
            case InputDistribution.Empirical e -> {
                Dataset data = e.data();
                double[] row = data.input(rng.nextInt(data.size()));
                System.arraycopy(row, 0, out, offset, d);
            }
        }
    }

    /** {@code n} draws, row-major ({@code n × dim}). */
    public static double[] sampleRows(InputDistribution distribution, RandomGenerator rng, int n) {
        if (n <= 0) {
            throw SpecificationException.expected(ErrorCode.NON_POSITIVE_SIZE, "n", "a positive count", n);
        }
        int d = distribution.dim();
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            sampleInto(distribution, rng, out, i * d);
        }
        return out;
    }
}
