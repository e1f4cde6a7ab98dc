package org.neuromanifold.core.data;

import java.util.Objects;

import org.neuromanifold.core.error.Checks;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/** A distribution of network inputs, as data: the numeric module samples it, the symbolic one uses its moments. */
public sealed interface InputDistribution permits InputDistribution.Gaussian, InputDistribution.Empirical,
        InputDistribution.Uniform {

    /** Input width. */
    int dim();

    /**
     * x ~ N(μ, σ² I).
     *
     * @param mean  μ
     * @param sigma σ &gt; 0 (the standard deviation)
     */
    record Gaussian(double[] mean, double sigma) implements InputDistribution {
        public Gaussian {
            Objects.requireNonNull(mean, "mean");
            if (mean.length == 0) {
                throw new SpecificationException(ErrorCode.EMPTY, "mean", "mean: expected a non-empty vector");
            }
            Checks.finite("mean", mean);
            Checks.positive("sigma", sigma);
            mean = mean.clone();
        }

        /** N(0, I) in dimension {@code d}. */
        public static Gaussian standard(int d) {
            return new Gaussian(new double[Checks.positive("dimension", d)], 1.0);
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public int dim() {
            return mean.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Gaussian g && java.util.Arrays.equals(g.mean, mean) && g.sigma == sigma;
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(mean) + Double.hashCode(sigma);
        }

        @Override
        public String toString() {
            return "Gaussian(mean=" + java.util.Arrays.toString(mean) + ", sigma=" + sigma + ")";
        }
    }

    /** The empirical distribution of a data set's inputs (uniform over its rows). */
    record Empirical(Dataset data) implements InputDistribution {
        public Empirical {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public int dim() {
            return data.inputDim();
        }
    }

    /** Each coordinate uniform on [lo, hi], independently. */
    record Uniform(double lo, double hi, int dim) implements InputDistribution {
        public Uniform {
            Checks.finite("lo", lo);
            Checks.finite("hi", hi);
            Checks.positive("dimension", dim);
            if (!(lo < hi)) {
                throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "hi", "a value > lo = " + lo, hi);
            }
        }
    }
}
