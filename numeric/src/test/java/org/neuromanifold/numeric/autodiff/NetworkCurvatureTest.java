package org.neuromanifold.numeric.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuromanifold.numeric.autodiff.FiniteDifferences.TOLERANCE;
import static org.neuromanifold.numeric.autodiff.FiniteDifferences.maxAbs;
import static org.neuromanifold.numeric.autodiff.RuleTableTest.assertClose;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;

/**
 * Curvature of a small network's loss for every activation family and every loss: the exact
 * Hessian-vector product (forward over reverse) against central differences of reverse-mode
 * gradients, against the dense Hessian built by reverse over reverse, and the dense Hessian's
 * symmetry. The network is 3 → 4 → 3 with biases, the activation on the hidden layer, identity on the
 * output, built here from raw tape ops (independently of the model package).
 */
class NetworkCurvatureTest {
    private static final int IN = 3;
    private static final int HIDDEN = 4;
    private static final int OUT = 3;
    private static final int PARAMS = HIDDEN * IN + HIDDEN + OUT * HIDDEN + OUT;

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Activation sigma : RuleTableTest.activations()) {
            for (Loss loss : List.of(new SquareLoss(), new BinaryCrossEntropyLoss(), new SoftmaxCrossEntropyLoss(),
                    new HingeLoss())) {
                out.add(Arguments.of(sigma, loss));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    void hessianVectorProductIsExact(Activation sigma, Loss loss) {
        SplittableRandom r = new SplittableRandom(sigma.label().hashCode() * 31L + loss.name().hashCode());
        double[] x = gaussian(r, IN);
        double[] y = target(loss, r);
        double[] theta = pointAwayFromKinks(sigma, loss, x, y, r);
        double[] v = gaussian(r, PARAMS);
        double norm = Math.sqrt(FiniteDifferences.dot(v, v));
        for (int i = 0; i < PARAMS; i++) {
            v[i] /= norm;
        }

        Tape t = new Tape();
        int th = t.vector(theta);
        int f = lossOf(t, th, sigma, loss, x, y);
        double[] hv = t.toArray(AutoDiff.hvp(t, f, th, t.vector(v)));
        double[] fd = FiniteDifferences.directional(z -> gradient(z, sigma, loss, x, y), theta, v);
        double scale = Math.max(1, maxAbs(hv));
        for (int i = 0; i < PARAMS; i++) {
            assertClose(fd[i], hv[i], TOLERANCE * scale, "(Hv)[" + i + "] vs difference of gradients");
        }

        int g = AutoDiff.grad(t, f, th);
        double[] h = t.toArray(AutoDiff.jacobian(t, g, th));
        assertEquals(PARAMS * PARAMS, h.length);
        for (int i = 0; i < PARAMS; i++) {
            double acc = 0;
            for (int j = 0; j < PARAMS; j++) {
                acc += h[i * PARAMS + j] * v[j];
                assertClose(h[j * PARAMS + i], h[i * PARAMS + j], 1e-12 * scale, "H symmetric at " + i + "," + j);
            }
            assertClose(acc, hv[i], 1e-12 * scale, "(Hv)[" + i + "] vs dense Hessian (reverse over reverse)");
        }
    }

    /** ℓ(f_θ(x), y) for the 3 → 4 → 3 network. */
    static int lossOf(Tape t, int th, Activation sigma, Loss loss, double[] x, double[] y) {
        int z = preActivation(t, th, x);
        int h = t.activation(sigma, z);
        int off = HIDDEN * IN + HIDDEN;
        int w1 = t.slice(th, off, 2, OUT, HIDDEN);
        int b1 = t.slice(th, off + OUT * HIDDEN, 1, OUT, 1);
        int f = t.add(t.matmul(w1, h), b1);
        return t.loss(loss, f, t.vector(y));
    }

    private static int preActivation(Tape t, int th, double[] x) {
        int w0 = t.slice(th, 0, 2, HIDDEN, IN);
        int b0 = t.slice(th, HIDDEN * IN, 1, HIDDEN, 1);
        return t.add(t.matmul(w0, t.vector(x)), b0);
    }

    private static double[] gradient(double[] theta, Activation sigma, Loss loss, double[] x, double[] y) {
        Tape t = new Tape();
        int th = t.vector(theta);
        return t.toArray(AutoDiff.grad(t, lossOf(t, th, sigma, loss, x, y), th));
    }

    /** θ with every pre-activation and hinge margin at least 0.05 away from its kink (redrawn otherwise). */
    private static double[] pointAwayFromKinks(Activation sigma, Loss loss, double[] x, double[] y,
            SplittableRandom r) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double[] theta = gaussian(r, PARAMS);
            Tape t = new Tape();
            int th = t.vector(theta);
            double[] z = t.toArray(preActivation(t, th, x));
            boolean ok = true;
            for (double zi : z) {
                ok &= Math.abs(zi) > 0.05;
            }
            if (loss instanceof HingeLoss) {
                int h = t.activation(sigma, preActivation(t, th, x));
                int w1 = t.slice(th, HIDDEN * IN + HIDDEN, 2, OUT, HIDDEN);
                int b1 = t.slice(th, HIDDEN * IN + HIDDEN + OUT * HIDDEN, 1, OUT, 1);
                double[] f = t.toArray(t.add(t.matmul(w1, h), b1));
                for (int i = 0; i < OUT; i++) {
                    ok &= Math.abs(1 - y[i] * f[i]) > 0.05;
                }
            }
            if (ok) {
                return theta;
            }
        }
        throw new AssertionError("no point away from the kinks found");
    }

    private static double[] target(Loss loss, SplittableRandom r) {
        double[] y = new double[OUT];
        switch (loss) {
            case SquareLoss s -> y = gaussian(r, OUT);
            case BinaryCrossEntropyLoss b -> {
                for (int i = 0; i < OUT; i++) {
                    y[i] = r.nextBoolean() ? 1 : 0;
                }
            }
            case SoftmaxCrossEntropyLoss c -> y[r.nextInt(OUT)] = 1;
            case HingeLoss h -> {
                for (int i = 0; i < OUT; i++) {
                    y[i] = r.nextBoolean() ? 1 : -1;
                }
            }
        }
        return y;
    }

    private static double[] gaussian(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }
}
