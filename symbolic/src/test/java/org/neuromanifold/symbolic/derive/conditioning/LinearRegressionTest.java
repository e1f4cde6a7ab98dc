package org.neuromanifold.symbolic.derive.conditioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The exact (quadrature + autodiff) objects against closed forms computed by hand in the test. */
class LinearRegressionTest {
    private static final double[] MU = {0.8, -1.1, 0.4, 1.7};
    private static final double SIGMA = 0.6;
    private static final double[] V = {0.3, 0.5, -0.9, 0.2};
    private static final double NOISE = 0.7;
    private static final double[] W = {-0.4, 1.2, 0.1, 0.9};

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    @Test
    void theHessianIsSigmaSquaredIPlusMuMuTransposed() {
        double[][] h = new LinearRegression(MU, SIGMA, V, 0, NOISE, false).hessian(W);
        for (int i = 0; i < MU.length; i++) {
            for (int j = 0; j < MU.length; j++) {
                assertEquals((i == j ? SIGMA * SIGMA : 0) + MU[i] * MU[j], h[i][j], 1e-13, "entry " + i + "," + j);
            }
        }
        double[][] centred = new LinearRegression(MU, SIGMA, V, 0, NOISE, true).hessian(W);
        assertEquals(SIGMA * SIGMA, centred[1][1], 1e-13);
        assertEquals(0, centred[0][3], 1e-13);
    }

    @Test
    void bothModelsAreMinimisedAtVWithRisksHalfNoiseAndHalfGap() {
        LinearRegression raw = new LinearRegression(MU, SIGMA, V, 0, NOISE, false);
        LinearRegression centred = raw.withCentring(true);
        assertArrayEquals(V, raw.minimiser(), 1e-12);
        assertArrayEquals(V, centred.minimiser(), 1e-12);
        assertEquals(NOISE * NOISE / 2, raw.risk(V), 1e-13);
        double vmu = dot(V, MU);
        assertEquals(NOISE * NOISE / 2 + vmu * vmu / 2, centred.risk(V), 1e-13);
    }

    @Test
    void theGradientMatchesCentralDifferencesOfTheRisk() {
        LinearRegression raw = new LinearRegression(MU, SIGMA, V, 0.3, NOISE, false);
        double[] g = raw.gradient(W);
        double h = 1e-5;
        for (int k = 0; k < W.length; k++) {
            double[] plus = W.clone();
            double[] minus = W.clone();
            plus[k] += h;
            minus[k] -= h;
            // J is quadratic: the central difference is exact up to rounding (≈ ε·J/h)
            assertEquals((raw.risk(plus) - raw.risk(minus)) / (2 * h), g[k], 1e-8, "component " + k);
        }
    }

    @Test
    void samplesFollowTheModel() {
        LinearRegression raw = new LinearRegression(MU, SIGMA, V, 0, NOISE, false);
        var data = raw.sample(20_000, org.neuromanifold.numeric.random.Xoshiro256PlusPlus.of(5));
        double mean = 0;
        for (int i = 0; i < data.size(); i++) {
            mean += data.input(i)[3];
        }
        mean /= data.size();
        // the mean of x_4 has standard error σ/√n ≈ 0.0042: 5 standard errors
        assertEquals(MU[3], mean, 5 * SIGMA / Math.sqrt(data.size()));
    }
}
