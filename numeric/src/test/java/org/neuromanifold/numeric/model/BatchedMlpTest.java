package org.neuromanifold.numeric.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Initialization;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.OutputHead;
import org.neuromanifold.numeric.init.Initializer;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;

/**
 * The batched gradient and R-operator Hessian-vector product against the general tape engine
 * ({@link NetworkEvaluator}: per-sample graphs, a different algorithm and summation order; agreement
 * to 1e-12 relative to the largest entry), against central differences of gradients (step ε^{1/3},
 * 1e-6), and against the reference values every MLP benchmark peer reproduces.
 */
class BatchedMlpTest {
    private static final int BATCH = 7;

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Activation a : Activations.all()) {
            for (Loss loss : List.of(new SquareLoss(), new BinaryCrossEntropyLoss(), new SoftmaxCrossEntropyLoss(),
                    new HingeLoss())) {
                out.add(Arguments.of(a, loss, true));
            }
            out.add(Arguments.of(a, new SoftmaxCrossEntropyLoss(), false));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} / {1} / bias {2}")
    @MethodSource("cases")
    void gradientAndHvpMatchTheTapeEngine(Activation a, Loss loss, boolean bias) {
        Network net = Network.mlp(new int[] {5, 6, 4, 3}, a, new IdentityActivation(), bias);
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(a.label().hashCode() + 31L * loss.name().hashCode());
        double[] theta = Initializer.sample(net, new Initialization.Scaled(2.0, 0.3), rng);
        double[] x = gaussian(rng, BATCH * 5);
        double[] y = targets(loss, BATCH, 3, rng);
        double[] v = gaussian(rng, theta.length);
        Dataset data = Dataset.ofFlat(x, 5, y, 3);

        BatchedMlp fast = new BatchedMlp(net, loss, 16);
        double[] grad = new double[theta.length];
        double value = fast.lossAndGradient(theta, x, y, BATCH, grad);
        NetworkEvaluator tape = new NetworkEvaluator(net, loss);
        NetworkEvaluator.LossGradient ref = tape.meanLossGradient(theta, data);
        assertEquals(ref.value(), value, 1e-12 * Math.max(1, Math.abs(ref.value())));
        assertClose(ref.gradient(), grad, 1e-12, "gradient");
        assertEquals(value, fast.loss(theta, x, y, BATCH), 0.0);

        double[] hv = new double[theta.length];
        fast.hessianVectorProduct(theta, x, y, BATCH, v, hv);
        assertClose(tape.meanHessianVectorProduct(theta, data, v), hv, 1e-12, "Hessian-vector product");
    }

    @Test
    void hvpMatchesDifferencesOfGradients() {
        Network net = Network.mlp(new int[] {4, 8, 8, 3}, Activations.named("tanh"), new IdentityActivation(), true);
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(3);
        double[] theta = Initializer.sample(net, new Initialization.Xavier(), rng);
        double[] x = gaussian(rng, 10 * 4);
        double[] y = targets(new SoftmaxCrossEntropyLoss(), 10, 3, rng);
        double[] v = gaussian(rng, theta.length);
        double norm = Math.sqrt(NetworkEvaluatorTest.dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        BatchedMlp fast = new BatchedMlp(net, new SoftmaxCrossEntropyLoss(), 10);
        double[] hv = new double[theta.length];
        fast.hessianVectorProduct(theta, x, y, 10, v, hv);
        double h = Math.cbrt(Math.ulp(1.0)) * Math.max(1, NetworkEvaluatorTest.maxAbs(theta));
        double[] gp = new double[theta.length];
        double[] gm = new double[theta.length];
        fast.lossAndGradient(NetworkEvaluatorTest.axpy(theta, h, v), x, y, 10, gp);
        fast.lossAndGradient(NetworkEvaluatorTest.axpy(theta, -h, v), x, y, 10, gm);
        for (int i = 0; i < theta.length; i++) {
            double fd = (gp[i] - gm[i]) / (2 * h);
            assertEquals(fd, hv[i], 1e-6 * Math.max(1, Math.abs(fd)), "(Hv)[" + i + "]");
        }
    }

    /**
     * The benchmark problem (784-64-64-64-10 ReLU, biases, batch 128, mean softmax cross-entropy) with the
     * data convention shared by every MLP benchmark peer; the expected summary values are the ones the
     * peers' plain-loop reference and numpy reproduce.
     */
    @Test
    void benchmarkProblemReproducesThePeersReferenceValues() {
        int[] widths = {784, 64, 64, 64, 10};
        Network net = Network.mlp(widths, new Relu(), new IdentityActivation(), true);
        double[] theta = new double[net.parameterCount()];
        var layout = net.layout();
        for (int t = 0; t < 4; t++) {
            double[] w = benchTensor(widths[t + 1] * widths[t], 2 * t + 1, Math.sqrt(6.0 / widths[t]));
            double[] b = benchTensor(widths[t + 1], 2 * t + 2, 0.1);
            System.arraycopy(w, 0, theta, layout.weight(t).offset(), w.length);
            System.arraycopy(b, 0, theta, layout.biasOrNull(t).offset(), b.length);
        }
        double[] x = benchTensor(128 * 784, 0, 1.0);
        double[] y = new double[128 * 10];
        for (int i = 0; i < 128; i++) {
            y[i * 10 + (i * 7) % 10] = 1;
        }
        BatchedMlp fast = new BatchedMlp(net, new SoftmaxCrossEntropyLoss(), 128);
        double[] grad = new double[theta.length];
        double loss = fast.lossAndGradient(theta, x, y, 128, grad);
        double l1 = 0;
        for (int i = 0; i < 784 * 64; i++) {
            l1 += Math.abs(grad[layout.weight(0).offset() + i]);
        }
        double l2 = Math.sqrt(NetworkEvaluatorTest.dot(grad, grad));
        double along = NetworkEvaluatorTest.dot(grad, theta);
        assertEquals(2.776776658898091, loss, 1e-9 * 2.78);
        assertEquals(273.60233399064555, l1, 1e-9 * 273.6);
        assertEquals(2.326164083309911, l2, 1e-9 * 2.33);
        assertEquals(3.4305052585555518, along, 1e-9 * 3.43);
        // and the general engine on the same network, on the first 16 rows (per-sample graphs are slow)
        int rows = 16;
        double[] xs = java.util.Arrays.copyOf(x, rows * 784);
        double[] ys = java.util.Arrays.copyOf(y, rows * 10);
        Dataset data = Dataset.ofFlat(xs, 784, ys, 10);
        NetworkEvaluator tape = new NetworkEvaluator(net, new SoftmaxCrossEntropyLoss());
        fast.lossAndGradient(theta, xs, ys, rows, grad);
        assertClose(tape.meanLossGradient(theta, data).gradient(), grad, 1e-12, "benchmark gradient");
        double[] v = gaussian(Xoshiro256PlusPlus.of(8), theta.length);
        double[] hv = new double[theta.length];
        fast.hessianVectorProduct(theta, xs, ys, rows, v, hv);
        assertClose(tape.meanHessianVectorProduct(theta, data, v), hv, 1e-12, "benchmark Hessian-vector product");
    }

    @Test
    void softmaxHeadReadsLogitsAndOtherHeadsAreRefused() {
        Network soft = new Network(3, List.of(new Dense(3, 4, true, new Relu()), new Dense(4, 3, true,
                new IdentityActivation())), OutputHead.SOFTMAX);
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(4);
        double[] theta = gaussian(rng, soft.parameterCount());
        double[] x = gaussian(rng, 2 * 3);
        double[] y = {1, 0, 0, 0, 0, 1};
        BatchedMlp fast = new BatchedMlp(soft, new SoftmaxCrossEntropyLoss(), 2);
        double[] grad = new double[theta.length];
        double value = fast.lossAndGradient(theta, x, y, 2, grad);
        NetworkEvaluator.LossGradient ref = new NetworkEvaluator(soft, new SoftmaxCrossEntropyLoss())
                .meanLossGradient(theta, Dataset.ofFlat(x, 3, y, 3));
        assertEquals(ref.value(), value, 1e-14);
        assertClose(ref.gradient(), grad, 1e-12, "softmax head");
        double[] out = fast.outputs(theta, x, 2);
        assertEquals(1.0, out[0] + out[1] + out[2], 1e-15);
        assertEquals(ErrorCode.UNSUPPORTED, assertThrows(SpecificationException.class,
                () -> new BatchedMlp(soft, new SquareLoss(), 2)).code());
    }

    @Test
    void badBatchesAreRefusedNamingTheEntry() {
        Network net = Network.mlp(new int[] {3, 4, 2}, new Relu(), new IdentityActivation(), true);
        BatchedMlp fast = new BatchedMlp(net, new SquareLoss(), 4);
        double[] theta = new double[net.parameterCount()];
        double[] x = new double[4 * 3];
        double[] y = new double[4 * 2];
        double[] grad = new double[theta.length];
        x[5] = Double.NaN;
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> fast.lossAndGradient(theta, x, y, 4, grad));
        assertEquals("x[1,2]", e.argument());
        x[5] = 0;
        theta[net.layout().weight(1).index(1, 3)] = Double.POSITIVE_INFINITY;
        assertEquals("W1[1,3]", assertThrows(SpecificationException.class,
                () -> fast.lossAndGradient(theta, x, y, 4, grad)).argument());
        theta[net.layout().weight(1).index(1, 3)] = 0;
        assertEquals(ErrorCode.OUT_OF_RANGE, assertThrows(SpecificationException.class,
                () -> fast.lossAndGradient(theta, x, y, 5, grad)).code());
        assertEquals("grad", assertThrows(SpecificationException.class,
                () -> fast.lossAndGradient(theta, x, y, 4, new double[3])).argument());
        assertTrue(fast.loss(theta, x, y, 4) >= 0);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** t = sin(k·12.9898 + seed)·43758.5453, value = scale·(2·frac(t) − 1), k the flat index. */
    static double[] benchTensor(int length, int seed, double scale) {
        double[] out = new double[length];
        for (int k = 0; k < length; k++) {
            double t = StrictMath.sin(k * 12.9898 + seed) * 43758.5453;
            out[k] = scale * (2 * (t - Math.floor(t)) - 1);
        }
        return out;
    }

    private static void assertClose(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length);
        double scale = Math.max(1e-300, NetworkEvaluatorTest.maxAbs(expected));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * scale, what + "[" + i + "]");
        }
    }

    private static double[] gaussian(Xoshiro256PlusPlus rng, int n) {
        return NetworkEvaluatorTest.gaussian(rng, n);
    }

    private static double[] targets(Loss loss, int batch, int k, Xoshiro256PlusPlus rng) {
        double[] y = new double[batch * k];
        for (int r = 0; r < batch; r++) {
            switch (loss) {
                case SquareLoss s -> rng.fillGaussian(y, r * k, k, 0, 1);
                case BinaryCrossEntropyLoss b -> {
                    for (int j = 0; j < k; j++) {
                        y[r * k + j] = rng.nextBoolean() ? 1 : 0;
                    }
                }
                case SoftmaxCrossEntropyLoss c -> y[r * k + rng.nextInt(k)] = 1;
                case HingeLoss h -> {
                    for (int j = 0; j < k; j++) {
                        y[r * k + j] = rng.nextBoolean() ? 1 : -1;
                    }
                }
            }
        }
        return y;
    }
}
