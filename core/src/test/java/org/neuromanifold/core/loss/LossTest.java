package org.neuromanifold.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.core.testing.SpecAssertions.assertSpecError;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.testing.FiniteDifferences;

/** Values, gradients, stability and statistical models of the losses. */
class LossTest {
    private static final SquareLoss SQUARE = new SquareLoss();
    private static final BinaryCrossEntropyLoss BCE = new BinaryCrossEntropyLoss();
    private static final SoftmaxCrossEntropyLoss SOFTMAX = new SoftmaxCrossEntropyLoss();
    private static final HingeLoss HINGE = new HingeLoss();

    /**
     * A loss with a generator of targets and a bound on |∂³ℓ/∂f_i³|: 0 for the square and hinge
     * losses (polynomial of degree 2, piecewise linear), sigm''' ≤ 0.0963 in each coordinate for the
     * cross-entropies (∂²ℓ/∂f_i² is sigm'(f_i), respectively p_i(1 − p_i) with p = softmax(f)).
     */
    record Case(Loss loss, TargetMaker targets, double m3) {
    }

    interface TargetMaker {
        double[] make(SplittableRandom random, int k);
    }

    static Stream<Arguments> cases() {
        TargetMaker real = (r, k) -> r.doubles(k, -2, 2).toArray();
        TargetMaker bits = (r, k) -> r.ints(k, 0, 2).asDoubleStream().toArray();
        TargetMaker oneHot = (r, k) -> {
            double[] y = new double[k];
            y[r.nextInt(k)] = 1;
            return y;
        };
        TargetMaker signs = (r, k) -> r.ints(k, 0, 2).mapToDouble(b -> 2 * b - 1).toArray();
        return Stream.of(new Case(SQUARE, real, 0), new Case(BCE, bits, 0.0963), new Case(SOFTMAX, oneHot, 0.0963),
                new Case(HINGE, signs, 0)).map(c -> Arguments.of(Named.of(c.loss().name(), c)));
    }

    /**
     * ∂ℓ/∂f_i against the central difference of ℓ in f_i, at random f with |f_i| ≤ 4 (for the hinge
     * loss only where y_i f_i is at least 10⁻³ away from the kink at 1). Tolerance: ten times the bound
     * of {@link FiniteDifferences#errorBound} plus a few ulps of the gradient. The rounding term grows
     * with |ℓ| (all components, up to about 90 here), so the tolerance stays below 10⁻⁷.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Case c) {
        SplittableRandom random = new SplittableRandom(99);
        for (int trial = 0; trial < 40; trial++) {
            int k = 1 + random.nextInt(5);
            double[] f = random.doubles(k, -4, 4).toArray();
            double[] y = c.targets().make(random, k);
            double[] g = c.loss().gradient(f, y);
            assertEquals(k, g.length);
            for (int i = 0; i < k; i++) {
                if (c.loss() == HINGE && Math.abs(y[i] * f[i] - 1) < 1e-3) {
                    continue;
                }
                DoubleUnaryOperator along = along(c.loss(), f, y, i);
                double tol = 10 * (FiniteDifferences.errorBound(along, f[i], c.m3())
                        + FiniteDifferences.ULPS * FiniteDifferences.EPS * Math.abs(g[i]));
                assertTrue(tol < 1e-7, "tolerance " + tol);
                assertEquals(FiniteDifferences.central(along, f[i]), g[i], tol, c.loss().name() + " ∂ℓ/∂f_" + i);
            }
        }
    }

    /** ℓ as a function of f_i alone. */
    private static DoubleUnaryOperator along(Loss loss, double[] f, double[] y, int i) {
        return t -> {
            double[] shifted = f.clone();
            shifted[i] = t;
            return loss.value(shifted, y);
        };
    }

    @Test
    void squareLoss() {
        assertEquals(0.5 * (1 + 4 + 0.25), SQUARE.value(new double[] {1, 2, 3}, new double[] {0, 4, 2.5}), 0);
        assertArrayEquals(new double[] {1, -2, 0.5}, SQUARE.gradient(new double[] {1, 2, 3}, new double[] {0, 4, 2.5}));
    }

    /** −y ln sigm(f) − (1−y) ln(1 − sigm(f)) written out, for moderate f. */
    @Test
    void binaryCrossEntropyMatchesTheLogLikelihoodAndItsGradientIsSigmoidMinusY() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            double f = random.nextDouble(-10, 10);
            double y = random.nextInt(2);
            double s = 1 / (1 + Math.exp(-f));
            double expected = -y * Math.log(s) - (1 - y) * Math.log(1 - s);
            assertEquals(expected, BCE.value(new double[] {f}, new double[] {y}), 1e-11 * Math.max(1, expected));
            assertEquals(s - y, BCE.gradient(new double[] {f}, new double[] {y})[0], 3e-16);
        }
    }

    /** At |f| = 800 the naive formula gives 0·∞ or log(0); the implementation gives the exact limits. */
    @Test
    void binaryCrossEntropyIsStableForHugeLogits() {
        assertEquals(0.0, BCE.value(new double[] {800}, new double[] {1}), 0);
        assertEquals(800.0, BCE.value(new double[] {800}, new double[] {0}), 0);
        assertEquals(800.0, BCE.value(new double[] {-800}, new double[] {1}), 0);
        assertEquals(0.0, BCE.value(new double[] {-800}, new double[] {0}), 0);
        assertEquals(1e300, BCE.value(new double[] {-1e300}, new double[] {1}), 0);
        assertArrayEquals(new double[] {0, 1, -1, 0}, BCE.gradient(new double[] {800, 800, -800, -800},
                new double[] {1, 0, 1, 0}));
        // ln(1 + e^{-40}) ≈ e^{-40}: the small loss keeps its relative accuracy
        assertEquals(Math.exp(-40), BCE.value(new double[] {40}, new double[] {1}), 1e-14 * Math.exp(-40));
    }

    /** −ln softmax(f)_c for a one-hot y = e_c, written out, for moderate f. */
    @Test
    void softmaxCrossEntropyMatchesTheLogLikelihood() {
        SplittableRandom random = new SplittableRandom(4);
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + random.nextInt(6);
            double[] f = random.doubles(k, -5, 5).toArray();
            int c = random.nextInt(k);
            double[] y = new double[k];
            y[c] = 1;
            double z = 0;
            for (double v : f) {
                z += Math.exp(v);
            }
            double expected = -Math.log(Math.exp(f[c]) / z);
            assertEquals(expected, SOFTMAX.value(f, y), 1e-13 * Math.max(1, expected));
            double[] g = SOFTMAX.gradient(f, y);
            double sum = 0;
            for (int i = 0; i < k; i++) {
                assertEquals(Math.exp(f[i]) / z - y[i], g[i], 1e-15);
                sum += g[i];
            }
            // Σ_i (p_i − y_i) = 1 − 1: rounding of k terms of size ≤ 1
            assertEquals(0.0, sum, 4 * k * FiniteDifferences.EPS, "gradient sums to 0 for one-hot y");
        }
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        double[] f = {1000, 0, -1000};
        assertEquals(0.0, SOFTMAX.value(f, new double[] {1, 0, 0}), 0);
        assertEquals(1000.0, SOFTMAX.value(f, new double[] {0, 1, 0}), 0);
        assertEquals(2000.0, SOFTMAX.value(f, new double[] {0, 0, 1}), 0);
        assertArrayEquals(new double[] {1, -1, 0}, SOFTMAX.gradient(f, new double[] {0, 1, 0}));
        double[] huge = {1e308, 1e308, -1e308};
        assertEquals(1e308, SoftmaxCrossEntropyLoss.logSumExp(huge), 0, "1e308 + ln 2 rounds to 1e308");
        // softmax(huge) = (1/2, 1/2, 0) although logsumexp rounds to max f
        assertArrayEquals(new double[] {0.5, -0.5, 0}, SOFTMAX.gradient(huge, new double[] {0, 1, 0}), 1e-16);
        assertEquals(Math.log(2), SOFTMAX.value(huge, new double[] {0, 1, 0}), 1e-16);
        // the same loss of ln 2 already at |f| = 1e17, where ulp(f) = 16
        double[] large = {1e17, 1e17};
        assertEquals(Math.log(2), SOFTMAX.value(large, new double[] {1, 0}), 1e-16);
        assertArrayEquals(new double[] {-0.5, 0.5}, SOFTMAX.gradient(large, new double[] {1, 0}), 1e-16);
        assertEquals(-1e308 + Math.log(2), SoftmaxCrossEntropyLoss.logSumExp(new double[] {-1e308, -1e308}), 0);
        assertEquals(Math.log(3) + 7, SoftmaxCrossEntropyLoss.logSumExp(new double[] {7, 7, 7}), 1e-15);
    }

    /** For a probability vector y (soft labels) the gradient is softmax(f) − y, summing to 0. */
    @Test
    void softmaxCrossEntropyWithSoftLabels() {
        double[] f = {0.3, -1.2, 2.0};
        double[] y = {0.2, 0.5, 0.3};
        double[] g = SOFTMAX.gradient(f, y);
        double z = Math.exp(0.3) + Math.exp(-1.2) + Math.exp(2.0);
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.exp(f[i]) / z - y[i], g[i], 1e-15);
        }
        assertEquals(0.0, g[0] + g[1] + g[2], 1e-15);
    }

    @Test
    void hingeLoss() {
        // y t < 1: loss 1 − y t, gradient −y; y t > 1: loss 0, gradient 0
        assertEquals(1.5, HINGE.value(new double[] {0.5}, new double[] {-1}), 0);
        assertArrayEquals(new double[] {1}, HINGE.gradient(new double[] {0.5}, new double[] {-1}));
        assertEquals(0.5, HINGE.value(new double[] {0.5}, new double[] {1}), 0);
        assertArrayEquals(new double[] {-1}, HINGE.gradient(new double[] {0.5}, new double[] {1}));
        assertEquals(0.0, HINGE.value(new double[] {3}, new double[] {1}), 0);
        assertArrayEquals(new double[] {0}, HINGE.gradient(new double[] {3}, new double[] {1}));
        assertArrayEquals(new double[] {-1, 0, 1, 0}, HINGE.gradient(new double[] {-2, 1.5, 0.99, -1.01},
                new double[] {1, 1, -1, -1}));
        // at the kink y t = 1 the subgradient 0 is documented
        assertArrayEquals(new double[] {0}, HINGE.gradient(new double[] {1}, new double[] {1}));
        assertEquals(0.0, HINGE.value(new double[] {1}, new double[] {1}), 0);
    }

    @Test
    void shapeAndFinitenessErrorsNameTheLossAndTheArgument() {
        for (Loss loss : List.of(SQUARE, BCE, SOFTMAX, HINGE)) {
            String n = loss.name();
            assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> loss.value(new double[3], new double[2]),
                    n + " target y", "length 3", "got 2");
            assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> loss.gradient(new double[1], new double[2]),
                    n + " target y", "length 1", "got 2");
            assertSpecError(ErrorCode.NOT_FINITE, () -> loss.value(new double[] {0, Double.NaN}, new double[2]),
                    n + " output f[1]", "NaN");
            assertSpecError(ErrorCode.NOT_FINITE,
                    () -> loss.gradient(new double[2], new double[] {Double.NEGATIVE_INFINITY, 0}),
                    n + " target y[0]", "-Infinity");
        }
    }

    @Test
    void namedLookup() {
        assertEquals(SQUARE, Loss.named("square"));
        assertEquals(SQUARE, Loss.named("mse"));
        assertEquals(BCE, Loss.named("bce"));
        assertEquals(BCE, Loss.named("binary-cross-entropy"));
        assertEquals(SOFTMAX, Loss.named("softmax-ce"));
        assertEquals(SOFTMAX, Loss.named("cross-entropy"));
        assertEquals(HINGE, Loss.named("hinge"));
        for (Loss l : List.of(SQUARE, BCE, SOFTMAX, HINGE)) {
            assertEquals(l, Loss.named(l.name()), "named(name()) round trip");
        }
        var e = assertSpecError(ErrorCode.UNKNOWN_LOSS, () -> Loss.named("l1"), "'l1'", "square", "bce",
                "softmax-ce", "hinge");
        assertEquals("loss", e.argument());
    }

    /**
     * Each loss with a model is its negative log-likelihood up to a constant: square = −ln N(y; f, 1) −
     * ½ln 2π, BCE = −ln Bernoulli(y; sigm f), softmax-CE = −ln Categorical(c; softmax f).
     */
    @Test
    void statisticalModels() {
        assertEquals(Optional.of(new StatisticalModel.Gaussian(1.0)), SQUARE.statisticalModel());
        assertInstanceOf(StatisticalModel.Bernoulli.class, BCE.statisticalModel().orElseThrow());
        assertInstanceOf(StatisticalModel.Categorical.class, SOFTMAX.statisticalModel().orElseThrow());
        assertTrue(HINGE.statisticalModel().isEmpty(), "the hinge loss is not a likelihood");

        double f = 0.7;
        double y = -0.4;
        double gaussianNll = -Math.log(Math.exp(-0.5 * (y - f) * (y - f)) / Math.sqrt(2 * Math.PI));
        assertEquals(gaussianNll - 0.5 * Math.log(2 * Math.PI), SQUARE.value(new double[] {f}, new double[] {y}),
                1e-15);
        double p = 1 / (1 + Math.exp(-f));
        assertEquals(-Math.log(p), BCE.value(new double[] {f}, new double[] {1}), 1e-15);
        assertEquals(-Math.log(1 - p), BCE.value(new double[] {f}, new double[] {0}), 1e-15);
        double[] logits = {0.1, 2.0, -0.5};
        double z = Math.exp(0.1) + Math.exp(2.0) + Math.exp(-0.5);
        assertEquals(-Math.log(Math.exp(2.0) / z), SOFTMAX.value(logits, new double[] {0, 1, 0}), 1e-15);

        assertEquals(0.5, new StatisticalModel.Gaussian(0.5).s());
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new StatisticalModel.Gaussian(0), "Gaussian s", "> 0");
        assertSpecError(ErrorCode.NOT_FINITE, () -> new StatisticalModel.Gaussian(Double.NaN), "Gaussian s");
    }
}
