package org.neuromanifold.numeric.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.model.Initialization;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.numeric.init.Initializer;

/**
 * The generator against the reference algorithms' published and independently computed outputs,
 * and the samplers' moments against their distributions. Statistical assertions allow 5 standard
 * errors (the seeds are fixed, so the tests are deterministic; a wrong variance or mean is off by
 * tens of standard errors).
 */
class RandomSamplingTest {
    @Test
    void xoshiroMatchesTheReferenceImplementation() {
        // outputs of the authors' C code xoshiro256plusplus.c from the state {1, 2, 3, 4}
        Xoshiro256PlusPlus r = Xoshiro256PlusPlus.ofState(1, 2, 3, 4);
        long[] expected = {41943041L, 58720359L, 3588806011781223L, 3591011842654386L, -9218127359498767411L};
        for (long e : expected) {
            assertEquals(e, r.nextLong());
        }
    }

    @Test
    void splitMixSeedingMatchesTheReference() {
        // SplitMix64 from state 0: first output 0xe220a8397b1dcdaf; from 1234567: 6457827717110365317
        assertEquals(0xe220a8397b1dcdafL, Xoshiro256PlusPlus.mix64(0x9e3779b97f4a7c15L));
        assertEquals(6457827717110365317L, Xoshiro256PlusPlus.mix64(1234567L + 0x9e3779b97f4a7c15L));
    }

    @Test
    void sameSeedSameBitsAndStreamsDiffer() {
        double[] a = draw(Xoshiro256PlusPlus.of(42, 3));
        double[] b = draw(Xoshiro256PlusPlus.of(42, 3));
        assertArrayEquals(a, b, 0.0);
        assertNotEquals(a[0], draw(Xoshiro256PlusPlus.of(42, 4))[0]);
        assertNotEquals(a[0], draw(Xoshiro256PlusPlus.of(43, 3))[0]);
    }

    @Test
    void gaussianAndUniformMoments() {
        Xoshiro256PlusPlus r = Xoshiro256PlusPlus.of(1);
        int n = 200_000;
        double s = 0;
        double s2 = 0;
        double s4 = 0;
        double u = 0;
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian();
            s += z;
            s2 += z * z;
            s4 += z * z * z * z;
            double d = r.nextDouble();
            assertTrue(d >= 0 && d < 1);
            u += d;
        }
        assertEquals(0, s / n, 5 / Math.sqrt(n));
        assertEquals(1, s2 / n, 5 * Math.sqrt(2.0 / n));
        assertEquals(3, s4 / n, 5 * Math.sqrt(96.0 / n)); // Var(Z⁴) = 105 − 9 = 96
        assertEquals(0.5, u / n, 5 * Math.sqrt(1.0 / 12 / n));
    }

    @Test
    void heAndScaledInitialisationHaveTheDeclaredVariances() {
        Network net = Network.mlp(new int[] {200, 300, 100}, new Relu(), new Relu(), true);
        double[] he = Initializer.sample(net, new Initialization.He(), Xoshiro256PlusPlus.of(2));
        var layout = net.layout();
        assertVariance(he, layout.weight(0).offset(), layout.weight(0).size(), 2.0 / 200);
        assertVariance(he, layout.weight(1).offset(), layout.weight(1).size(), 2.0 / 300);
        for (int i = 0; i < 300; i++) {
            assertEquals(0.0, he[layout.biasOrNull(0).index(i, 0)], 0.0);
        }
        double[] sc = Initializer.sample(net, new Initialization.Scaled(1.5, 0.3), Xoshiro256PlusPlus.of(3));
        assertVariance(sc, layout.weight(0).offset(), layout.weight(0).size(), 1.5 / 200);
        assertVariance(sc, layout.biasOrNull(0).offset(), 300, 0.3);
        double[] xa = Initializer.sample(net, new Initialization.Xavier(), Xoshiro256PlusPlus.of(4));
        assertVariance(xa, layout.weight(1).offset(), layout.weight(1).size(), 1.0 / 300);
        // deterministic
        assertArrayEquals(he, Initializer.sample(net, new Initialization.He(), Xoshiro256PlusPlus.of(2)), 0.0);
        assertThrows(SpecificationException.class, () -> Initializer.sampleInto(net, new Initialization.He(),
                Xoshiro256PlusPlus.of(2), new double[3]));
    }

    @Test
    void inputDistributionsAreSampledWithTheirMoments() {
        Xoshiro256PlusPlus r = Xoshiro256PlusPlus.of(5);
        int n = 50_000;
        double[] x = InputSampler.sampleRows(new InputDistribution.Gaussian(new double[] {1, -2}, 0.5), r, n);
        double[] first = new double[n];
        double[] second = new double[n];
        for (int i = 0; i < n; i++) {
            first[i] = x[2 * i];
            second[i] = x[2 * i + 1];
        }
        assertMeanVariance(first, 1, 0.25);
        assertMeanVariance(second, -2, 0.25);
        double[] u = InputSampler.sampleRows(new InputDistribution.Uniform(-1, 3, 1), r, n);
        for (double v : u) {
            assertTrue(v >= -1 && v < 3);
        }
        assertMeanVariance(u, 1, 16.0 / 12);
        Dataset data = Dataset.of(new double[][] {{1, 1}, {2, 2}, {3, 3}}, new double[][] {{0}, {0}, {0}});
        int[] counts = new int[4];
        for (int i = 0; i < 30_000; i++) {
            double[] row = InputSampler.sample(new InputDistribution.Empirical(data), r);
            assertEquals(row[0], row[1], 0.0);
            counts[(int) row[0]]++;
        }
        for (int k = 1; k <= 3; k++) {
            assertEquals(10_000, counts[k], 5 * Math.sqrt(30_000 * (1.0 / 3) * (2.0 / 3)));
        }
    }

    @Test
    void tanhNetworkInitialisationIsReproducible() {
        Network net = Network.mlp(new int[] {4, 8, 1}, new Tanh(), new Tanh(), false);
        assertArrayEquals(Initializer.sample(net, new Initialization.Xavier(), Xoshiro256PlusPlus.of(9, 1)),
                Initializer.sample(net, new Initialization.Xavier(), Xoshiro256PlusPlus.of(9, 1)), 0.0);
    }

    private static double[] draw(Xoshiro256PlusPlus r) {
        return new double[] {r.nextDouble(), r.nextGaussian(), r.nextDouble()};
    }

    private static void assertVariance(double[] a, int off, int n, double variance) {
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            s2 += a[off + i] * a[off + i];
        }
        assertEquals(variance, s2 / n, 5 * variance * Math.sqrt(2.0 / n), "variance of " + n + " draws");
    }

    private static void assertMeanVariance(double[] a, double mean, double variance) {
        int n = a.length;
        double s = 0;
        for (double v : a) {
            s += v;
        }
        double m = s / n;
        double s2 = 0;
        for (double v : a) {
            s2 += (v - m) * (v - m);
        }
        assertEquals(mean, m, 5 * Math.sqrt(variance / n), "mean");
        assertEquals(variance, s2 / (n - 1), 5 * variance * Math.sqrt(2.0 / n), "variance");
    }
}
