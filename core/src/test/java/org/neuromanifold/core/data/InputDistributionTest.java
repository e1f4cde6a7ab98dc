package org.neuromanifold.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neuromanifold.core.testing.SpecAssertions.assertSpecError;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.error.ErrorCode;

/** Validation, dimensions and value semantics of the input distributions. */
class InputDistributionTest {

    @Test
    void gaussian() {
        var g = new InputDistribution.Gaussian(new double[] {1, -2}, 0.5);
        assertEquals(2, g.dim());
        assertArrayEquals(new double[] {1, -2}, g.mean());
        assertEquals(0.5, g.sigma());
        var standard = InputDistribution.Gaussian.standard(3);
        assertArrayEquals(new double[3], standard.mean());
        assertEquals(1.0, standard.sigma());
        assertEquals("Gaussian(mean=[1.0, -2.0], sigma=0.5)", g.toString());
    }

    @Test
    void gaussianValidation() {
        assertSpecError(ErrorCode.EMPTY, () -> new InputDistribution.Gaussian(new double[0], 1), "mean", "non-empty");
        assertSpecError(ErrorCode.NOT_FINITE, () -> new InputDistribution.Gaussian(new double[] {0, Double.NaN}, 1),
                "mean[1]", "NaN");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new InputDistribution.Gaussian(new double[] {0}, 0), "sigma",
                "> 0", "0.0");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new InputDistribution.Gaussian(new double[] {0}, -1), "sigma");
        assertSpecError(ErrorCode.NOT_FINITE,
                () -> new InputDistribution.Gaussian(new double[] {0}, Double.POSITIVE_INFINITY), "sigma");
        assertSpecError(ErrorCode.NON_POSITIVE_SIZE, () -> InputDistribution.Gaussian.standard(0), "dimension", "0");
        assertThrows(NullPointerException.class, () -> new InputDistribution.Gaussian(null, 1));
    }

    /** The mean array is copied in and out, and equality compares contents. */
    @Test
    void gaussianIsAValue() {
        double[] mean = {1, 2};
        var g = new InputDistribution.Gaussian(mean, 1);
        mean[0] = 100;
        g.mean()[1] = 100;
        assertArrayEquals(new double[] {1, 2}, g.mean());
        var same = new InputDistribution.Gaussian(new double[] {1, 2}, 1);
        assertEquals(g, same);
        assertEquals(g.hashCode(), same.hashCode());
        assertNotEquals(g, new InputDistribution.Gaussian(new double[] {1, 2}, 2));
        assertNotEquals(g, new InputDistribution.Gaussian(new double[] {1, 3}, 1));
    }

    @Test
    void uniform() {
        var u = new InputDistribution.Uniform(-1, 2, 4);
        assertEquals(4, u.dim());
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new InputDistribution.Uniform(1, 1, 2), "hi", "> lo = 1.0",
                "1.0");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new InputDistribution.Uniform(2, 1, 2), "hi");
        assertSpecError(ErrorCode.NOT_FINITE, () -> new InputDistribution.Uniform(Double.NEGATIVE_INFINITY, 1, 2),
                "lo");
        assertSpecError(ErrorCode.NOT_FINITE, () -> new InputDistribution.Uniform(0, Double.NaN, 2), "hi");
        assertSpecError(ErrorCode.NON_POSITIVE_SIZE, () -> new InputDistribution.Uniform(0, 1, 0), "dimension");
    }

    @Test
    void empirical() {
        Dataset d = Dataset.of(new double[][] {{1, 2, 3}}, new double[][] {{0}});
        var e = new InputDistribution.Empirical(d);
        assertEquals(3, e.dim());
        assertThrows(NullPointerException.class, () -> new InputDistribution.Empirical(null));
    }
}
