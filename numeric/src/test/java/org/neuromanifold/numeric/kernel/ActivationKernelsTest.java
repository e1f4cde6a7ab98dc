package org.neuromanifold.numeric.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.activation.CustomActivation;
import org.neuromanifold.core.activation.Elu;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.SmoothPrelu;

/**
 * Activation kernels of every family against closed forms evaluated here with {@link StrictMath}, and
 * against the scalar twin (which calls the core classes).
 *
 * <p>Tolerances ({@link Reference#assertClose}), with reasons: a result may be off by a few ulps relative, because the
 * vector e^x, e^x−1 and ln(1+y) are within ~1 ulp of StrictMath's and a formula then adds a division
 * or two; and by a few u = 2^-53 absolute times the size of the terms that cancel, since
 * 1 − t², s(1 − s), 1 − 2s lose relative accuracy where they nearly vanish, in every implementation.
 * Piecewise-linear families (identity, ReLU, leaky ReLU) use no rounding-sensitive function and must
 * match the scalar twin bit for bit, kinks included.
 */
class ActivationKernelsTest {
    private static final int[] LENGTHS = {0, 1, 6, 7, 8, 9, 13, 15, 16, 17, 31, 33, 207, 1000};
    private static final VectorKernels VECTOR = new VectorKernels(1);
    private static final ScalarKernels SCALAR = new ScalarKernels();

    /** Kinks, signed zeros, subnormals, saturation, overflow thresholds, infinities, NaN. */
    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-300, 1e-20,
        -1e-20, 1e-8, -1e-8, 0.1, -0.1, 0.5, -0.5, 1, -1, 2, -2, 5, -5, 10, -10, 19, -19, 20, -20, 30, -30, 37, -37,
        40, -40, 100, -100, 700, -700, 709, -709, 710, -710, 745, -745, 746, -746, 1e300, -1e300, 1e308, -1e308,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    /** An independent closed form of value, first and second derivative. */
    private record Closed(DoubleUnaryOperator value, DoubleUnaryOperator d1, DoubleUnaryOperator d2) {
    }

    private static double sigm(double z) {
        return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
    }

    private static Closed closedForm(Activation act) {
        return switch (act.name()) {
            case "identity" -> new Closed(z -> z, z -> 1, z -> 0);
            case "relu" -> new Closed(z -> z > 0 ? z : 0.0, z -> z > 0 ? 1 : 0, z -> 0);
            case "leaky-relu" -> {
                double i = ((LeakyRelu) act).iota();
                yield new Closed(z -> z > 0 ? z : i * z, z -> z > 0 ? 1 : i, z -> 0);
            }
            case "prelu-smooth" -> {
                double i = ((SmoothPrelu) act).iota();
                double w = ((SmoothPrelu) act).omega();
                double g = 1 - i;
                yield new Closed(
                        z -> Math.max(i * z, z) + w * StrictMath.log1p(StrictMath.exp(-g * Math.abs(z) / w)),
                        z -> i + g * sigm(g * z / w), z -> g * g / w * sigm(g * z / w) * sigm(-g * z / w));
            }
            // sech²z = 1/cosh²z (0 once cosh overflows, where sech² is below the smallest double anyway)
            case "tanh" -> new Closed(StrictMath::tanh, z -> 1 / (StrictMath.cosh(z) * StrictMath.cosh(z)),
                    z -> -2 * StrictMath.tanh(z) / (StrictMath.cosh(z) * StrictMath.cosh(z)));
            // sigm(z)·sigm(−z) rather than s(1 − s), which cancels for large z; 1 − 2 sigm z = −tanh(z/2)
            case "sigmoid" -> new Closed(ActivationKernelsTest::sigm, z -> sigm(z) * sigm(-z),
                    z -> -sigm(z) * sigm(-z) * StrictMath.tanh(z / 2));
            case "elu" -> {
                double a = ((Elu) act).alpha();
                yield new Closed(z -> z >= 0 ? z : a * StrictMath.expm1(z), z -> z >= 0 ? 1 : a * StrictMath.exp(z),
                        z -> z >= 0 ? 0 : a * StrictMath.exp(z));
            }
            case "softplus" -> new Closed(z -> Math.max(z, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(z))),
                    ActivationKernelsTest::sigm, z -> sigm(z) * sigm(-z));
            default -> throw new IllegalArgumentException(act.name());
        };
    }

    private static List<Activation> families() {
        List<Activation> all = new ArrayList<>(Activations.all());
        all.add(new LeakyRelu(0.3));
        all.add(new SmoothPrelu(0.2, 0.05));
        all.add(new SmoothPrelu(0.0, 3.0));
        all.add(new Elu(0.7));
        return all;
    }

    private static double[] inputs(Random r, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = i % 3 == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextGaussian() * (i % 3 == 1 ? 3 : 40);
        }
        return z;
    }

    private static boolean piecewiseLinear(Activation act) {
        return act.name().equals("identity") || act.name().equals("relu") || act.name().equals("leaky-relu");
    }

    @Test
    void everyFamilyMatchesItsClosedFormAndTheScalarTwin() {
        Random r = new Random(42);
        for (Activation act : families()) {
            Closed cf = closedForm(act);
            for (int n : LENGTHS) {
                double[] z = inputs(r, n + 5);
                double[] out = new double[n + 3];
                double[] d = new double[n + 4];
                double[] d2 = new double[n + 2];
                VECTOR.activation(act, n, z, 5, out, 3, d, 4);
                VECTOR.activationSecondDerivative(act, n, z, 5, d2, 2);
                double[] so = new double[n + 3];
                double[] sd = new double[n + 4];
                double[] sd2 = new double[n + 2];
                SCALAR.activation(act, n, z, 5, so, 3, sd, 4);
                SCALAR.activationSecondDerivative(act, n, z, 5, sd2, 2);
                for (int i = 0; i < n; i++) {
                    double x = z[5 + i];
                    String w = act.label() + " at z=" + x + " (n=" + n + ")";
                    Reference.assertClose(cf.value().applyAsDouble(x), out[3 + i], 1, "value of " + w);
                    Reference.assertClose(cf.d1().applyAsDouble(x), d[4 + i], 1, "derivative of " + w);
                    Reference.assertClose(cf.d2().applyAsDouble(x), d2[2 + i], 1, "second derivative of " + w);
                    if (piecewiseLinear(act)) {
                        Reference.assertSameBits(so[3 + i], out[3 + i], "value of " + w);
                        Reference.assertSameBits(sd[4 + i], d[4 + i], "derivative of " + w);
                        Reference.assertSameBits(sd2[2 + i], d2[2 + i], "second derivative of " + w);
                    } else {
                        Reference.assertClose(so[3 + i], out[3 + i], 1, "scalar twin vs vector, value of " + w);
                        Reference.assertClose(sd[4 + i], d[4 + i], 1, "scalar twin vs vector, derivative of " + w);
                        Reference.assertClose(sd2[2 + i], d2[2 + i], 1,
                                "scalar twin vs vector, second derivative of " + w);
                    }
                }
                assertEquals(0.0, out[2], "wrote before out");
                if (n > 0) {
                    assertEquals(0.0, d[3], "wrote before derivative");
                }
            }
        }
    }

    @Test
    void valueWithoutDerivativeAndInPlaceGiveTheSameBits() {
        Random r = new Random(1);
        for (Activation act : families()) {
            double[] z = inputs(r, 33);
            double[] out = new double[33];
            double[] d = new double[33];
            VECTOR.activation(act, 33, z, 0, out, 0, d, 0);
            double[] alone = new double[33];
            VECTOR.activation(act, 33, z, 0, alone, 0, null, 0);
            GemmTest.assertBitsEqual(out, alone, act.label() + " without derivative");
            double[] inPlace = z.clone();
            VECTOR.activation(act, 33, inPlace, 0, inPlace, 0, null, 0);
            GemmTest.assertBitsEqual(out, inPlace, act.label() + " in place");
        }
    }

    @Test
    void saturationAndOverflowGiveTheLimits() {
        double[] z = {-1e308, -1e4, -800, 800, 1e4, 1e308, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] out = new double[z.length];
        double[] d = new double[z.length];
        VECTOR.activation(Activations.named("sigmoid"), z.length, z, 0, out, 0, d, 0);
        assertArrayEqualsExactly(new double[] {0, 0, 0, 1, 1, 1, 0, 1}, out, "sigmoid limits");
        assertArrayEqualsExactly(new double[] {0, 0, 0, 0, 0, 0, 0, 0}, d, "sigmoid' limits");
        VECTOR.activation(Activations.named("softplus"), z.length, z, 0, out, 0, d, 0);
        assertArrayEqualsExactly(new double[] {0, 0, 0, 800, 1e4, 1e308, 0, Double.POSITIVE_INFINITY}, out,
                "softplus limits");
        VECTOR.activation(Activations.named("tanh"), z.length, z, 0, out, 0, d, 0);
        assertArrayEqualsExactly(new double[] {-1, -1, -1, 1, 1, 1, -1, 1}, out, "tanh limits");
        VECTOR.activation(new Elu(2.0), z.length, z, 0, out, 0, d, 0);
        assertArrayEqualsExactly(new double[] {-2, -2, -2, 800, 1e4, 1e308, -2, Double.POSITIVE_INFINITY}, out,
                "elu limits");
    }

    @Test
    void smoothPreluCannotOverflow() {
        // ω·ln(e^{ιz/ω} + e^{z/ω}) ≈ max(ιz, z) for |z| ≫ ω; the rearranged form keeps it finite
        SmoothPrelu act = new SmoothPrelu(0.1, 0.5);
        double[] z = {1e308, -1e308, 1e300, -1e300, 1e3, -1e3};
        double[] out = new double[z.length];
        double[] d = new double[z.length];
        VECTOR.activation(act, z.length, z, 0, out, 0, d, 0);
        assertArrayEqualsExactly(new double[] {1e308, -1e307, 1e300, -1e299, 1e3, -100}, out, "prelu-smooth limits");
        assertArrayEqualsExactly(new double[] {1, 0.1, 1, 0.1, 1, 0.1}, d, "prelu-smooth' limits");
        // the core's scalar form is rearranged the same way, so the scalar twin agrees
        for (int i = 0; i < z.length; i++) {
            Reference.assertClose(act.value(z[i]), out[i], 1, "core SmoothPrelu.value(" + z[i] + ")");
        }
    }

    @Test
    void customActivationsUseTheirScalarFunctions() {
        CustomActivation swish = CustomActivation.of("swish", "z*sigmoid(z)");
        Random r = new Random(9);
        double[] z = inputs(r, 31);
        double[] out = new double[31];
        double[] d = new double[31];
        double[] d2 = new double[31];
        VECTOR.activation(swish, 31, z, 0, out, 0, d, 0);
        VECTOR.activationSecondDerivative(swish, 31, z, 0, d2, 0);
        for (int i = 0; i < 31; i++) {
            Reference.assertSameBits(swish.value(z[i]), out[i], "swish at " + z[i]);
            Reference.assertSameBits(swish.derivative(z[i]), d[i], "swish' at " + z[i]);
            Reference.assertSameBits(swish.secondDerivative(z[i]), d2[i], "swish'' at " + z[i]);
        }
    }

    @Test
    void resultsDoNotChangeWhileTheJitWarmsUp() {
        // the interpreter, C1 and C2 must give the same bits (no intrinsic with a different fallback)
        Random r = new Random(17);
        double[] z = inputs(r, 13);
        List<Activation> acts = List.of(Activations.named("tanh"), Activations.named("softplus"),
                Activations.named("prelu-smooth"), Activations.named("elu"));
        for (Activation act : acts) {
            double[] first = new double[13];
            double[] firstD = new double[13];
            VECTOR.activation(act, 13, z, 0, first, 0, firstD, 0);
            double[] out = new double[13];
            double[] d = new double[13];
            for (int rep = 0; rep < 12_000; rep++) {
                VECTOR.activation(act, 13, z, 0, out, 0, d, 0);
                if (rep % 1000 == 999) {
                    GemmTest.assertBitsEqual(first, out, act.label() + " value, call " + rep);
                    GemmTest.assertBitsEqual(firstD, d, act.label() + " derivative, call " + rep);
                }
            }
        }
    }

    private static void assertArrayEqualsExactly(double[] want, double[] got, String what) {
        for (int i = 0; i < want.length; i++) {
            Reference.assertClose(want[i], got[i], 0, what + " [" + i + "]");
        }
    }
}
