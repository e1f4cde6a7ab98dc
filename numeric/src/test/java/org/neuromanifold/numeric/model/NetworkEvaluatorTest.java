package org.neuromanifold.numeric.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Initialization;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.OutputHead;
import org.neuromanifold.numeric.init.Initializer;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;
import org.neuromanifold.numeric.tensor.Tensor;

/**
 * f_θ(x), losses and their derivatives on concrete networks, against an independent plain-loop
 * forward pass, core's losses, and central finite differences (step ε^{1/3}, tolerance 10⁻⁶ relative:
 * see the autodiff tests' {@code FiniteDifferences}).
 */
class NetworkEvaluatorTest {
    private static final double FD_TOL = 1e-6;

    static List<Arguments> networks() {
        List<Arguments> out = new ArrayList<>();
        for (Activation a : Activations.all()) {
            for (boolean bias : new boolean[] {false, true}) {
                out.add(Arguments.of(Network.mlp(new int[] {3, 5, 4, 2}, a, new IdentityActivation(), bias)));
            }
        }
        List<Dense> layers = List.of(new Dense(3, 4, true, new Tanh()), new Dense(4, 3, true, new IdentityActivation()));
        out.add(Arguments.of(new Network(3, layers, OutputHead.SOFTMAX)));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void outputMatchesAnIndependentForwardPass(Network net) {
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(7);
        NetworkEvaluator ev = new NetworkEvaluator(net);
        for (int trial = 0; trial < 5; trial++) {
            double[] theta = Initializer.sample(net, new Initialization.Scaled(2.0, 0.1), rng);
            double[] x = gaussian(rng, net.inputDim());
            assertArrayEquals(ReferenceNetwork.output(net, theta, x), ev.output(theta, x), 1e-14);
        }
    }

    @Test
    void thetaFollowsTheParameterLayoutOrder() {
        // 2 → 2 identity layer with bias: θ = (W[0,0], W[0,1], W[1,0], W[1,1], b[0], b[1])
        Network net = Network.mlp(new int[] {2, 2}, new IdentityActivation(), new IdentityActivation(), true);
        double[] theta = {1, 2, 3, 4, 10, 20};
        assertEquals(List.of("W0[0,0]", "W0[0,1]", "W0[1,0]", "W0[1,1]", "b0[0]", "b0[1]"), net.layout().names());
        assertArrayEquals(new double[] {1 * 5 + 2 * 7 + 10, 3 * 5 + 4 * 7 + 20},
                new NetworkEvaluator(net).output(theta, new double[] {5, 7}), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void lossGradientMatchesCentralDifferences(Network net) {
        Loss loss = net.head() == OutputHead.SOFTMAX ? new SoftmaxCrossEntropyLoss() : new SquareLoss();
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(11);
        NetworkEvaluator ev = new NetworkEvaluator(net, loss);
        double[] theta = Initializer.sample(net, new Initialization.Scaled(2.0, 0.1), rng);
        double[] x = gaussian(rng, net.inputDim());
        double[] y = net.head() == OutputHead.SOFTMAX ? new double[] {0, 1, 0} : gaussian(rng, net.outputDim());
        double[] u = unit(gaussian(rng, theta.length));
        double h = Math.cbrt(Math.ulp(1.0)) * Math.max(1, maxAbs(theta));
        double fd = (ev.loss(axpy(theta, h, u), x, y) - ev.loss(axpy(theta, -h, u), x, y)) / (2 * h);
        NetworkEvaluator.LossGradient lg = ev.lossGradient(theta, x, y);
        assertEquals(ev.loss(theta, x, y), lg.value(), 0.0);
        double ad = dot(lg.gradient(), u);
        assertEquals(fd, ad, FD_TOL * Math.max(1, Math.abs(fd)), "⟨∇ℓ, u⟩ vs central difference");
    }

    @Test
    void softmaxHeadWithCrossEntropyReadsTheLogits() {
        Network net = new Network(3, List.of(new Dense(3, 4, true, new IdentityActivation())), OutputHead.SOFTMAX);
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(3);
        double[] theta = gaussian(rng, net.parameterCount());
        double[] x = gaussian(rng, 3);
        double[] y = {0, 0, 1, 0};
        double expected = new SoftmaxCrossEntropyLoss().value(ReferenceNetwork.logits(net, theta, x), y);
        assertEquals(expected, new NetworkEvaluator(net, new SoftmaxCrossEntropyLoss()).loss(theta, x, y), 1e-14);
        // a square loss on the same head reads the probabilities
        double[] p = ReferenceNetwork.output(net, theta, x);
        assertEquals(new SquareLoss().value(p, y), new NetworkEvaluator(net, new SquareLoss()).loss(theta, x, y),
                1e-15);
    }

    @Test
    void perSampleAndMeanQuantitiesAgreeWithSingleSampleOnes() {
        Network net = Network.mlp(new int[] {2, 4, 3}, new Tanh(), new IdentityActivation(), true);
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(5);
        double[] theta = Initializer.sample(net, new Initialization.Scaled(1.5, 0.2), rng);
        double[][] xs = {gaussian(rng, 2), gaussian(rng, 2), gaussian(rng, 2)};
        double[][] ys = {gaussian(rng, 3), gaussian(rng, 3), gaussian(rng, 3)};
        Dataset data = Dataset.of(xs, ys);
        NetworkEvaluator ev = new NetworkEvaluator(net, new SquareLoss());
        double[][] per = ev.perSampleGradients(theta, data);
        double[] mean = new double[theta.length];
        double meanLoss = 0;
        for (int i = 0; i < 3; i++) {
            NetworkEvaluator.LossGradient lg = ev.lossGradient(theta, xs[i], ys[i]);
            assertArrayEquals(lg.gradient(), per[i], 0.0);
            for (int j = 0; j < mean.length; j++) {
                mean[j] += lg.gradient()[j] / 3;
            }
            meanLoss += lg.value() / 3;
        }
        NetworkEvaluator.LossGradient m = ev.meanLossGradient(theta, data);
        assertArrayEquals(mean, m.gradient(), 1e-15);
        assertEquals(meanLoss, m.value(), 1e-15);

        // the mean HVP against differences of mean gradients, and against the dense mean Hessian
        double[] v = unit(gaussian(rng, theta.length));
        double[] hv = ev.meanHessianVectorProduct(theta, data, v);
        double h = Math.cbrt(Math.ulp(1.0)) * Math.max(1, maxAbs(theta));
        double[] gp = ev.meanLossGradient(axpy(theta, h, v), data).gradient();
        double[] gm = ev.meanLossGradient(axpy(theta, -h, v), data).gradient();
        Tensor hess = ev.meanHessian(theta, data);
        for (int i = 0; i < theta.length; i++) {
            double fd = (gp[i] - gm[i]) / (2 * h);
            assertEquals(fd, hv[i], FD_TOL * Math.max(1, Math.abs(fd)), "(Hv)[" + i + "]");
            double hvi = 0;
            for (int j = 0; j < theta.length; j++) {
                hvi += hess.get(i, j) * v[j];
            }
            assertEquals(hvi, hv[i], 1e-12 * Math.max(1, Math.abs(hvi)));
        }
    }

    @Test
    void outputJacobianRowsAreOutputGradients() {
        Network net = Network.mlp(new int[] {2, 3, 2}, new Tanh(), new IdentityActivation(), true);
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(9);
        double[] theta = gaussian(rng, net.parameterCount());
        double[] x = gaussian(rng, 2);
        NetworkEvaluator ev = new NetworkEvaluator(net);
        Tensor j = ev.outputJacobian(theta, x);
        assertEquals(2, j.rows());
        assertEquals(net.parameterCount(), j.cols());
        double[] u = unit(gaussian(rng, theta.length));
        double h = Math.cbrt(Math.ulp(1.0)) * Math.max(1, maxAbs(theta));
        double[] fp = ev.output(axpy(theta, h, u), x);
        double[] fm = ev.output(axpy(theta, -h, u), x);
        for (int k = 0; k < 2; k++) {
            double ju = 0;
            for (int p = 0; p < theta.length; p++) {
                ju += j.get(k, p) * u[p];
            }
            double fd = (fp[k] - fm[k]) / (2 * h);
            assertEquals(fd, ju, FD_TOL * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void nonFiniteThetaIsRefusedNamingTheParameter() {
        Network net = Network.mlp(new int[] {3, 2, 4}, new Tanh(), new IdentityActivation(), true);
        double[] theta = new double[net.parameterCount()];
        int index = net.layout().weight(1).index(0, 1);
        theta[index] = Double.NaN;
        NetworkEvaluator ev = new NetworkEvaluator(net, new SquareLoss());
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> ev.output(theta, new double[3]));
        assertEquals(ErrorCode.NOT_FINITE, e.code());
        assertEquals("W1[0,1]", e.argument());
        assertTrue(e.getMessage().contains("W1[0,1]") && e.getMessage().contains("NaN"), e.getMessage());
        theta[index] = 0;
        theta[net.layout().biasOrNull(0).index(1, 0)] = Double.POSITIVE_INFINITY;
        assertEquals("b0[1]", assertThrows(SpecificationException.class,
                () -> ev.lossGradient(theta, new double[3], new double[4])).argument());
    }

    @Test
    void wrongWidthsAreRefusedNamingTheArgumentAndBothWidths() {
        Network net = Network.mlp(new int[] {3, 2, 4}, new Tanh(), new IdentityActivation(), true);
        double[] theta = new double[net.parameterCount()];
        NetworkEvaluator ev = new NetworkEvaluator(net, new SquareLoss());
        SpecificationException e = assertThrows(SpecificationException.class, () -> ev.output(theta, new double[2]));
        assertEquals(ErrorCode.SHAPE_MISMATCH, e.code());
        assertEquals("x", e.argument());
        assertTrue(e.getMessage().contains("width 3") && e.getMessage().contains("width 2"), e.getMessage());
        assertEquals("y", assertThrows(SpecificationException.class,
                () -> ev.loss(theta, new double[3], new double[3])).argument());
        assertEquals("theta", assertThrows(SpecificationException.class,
                () -> ev.output(new double[5], new double[3])).argument());
        assertEquals("x[1]", assertThrows(SpecificationException.class,
                () -> ev.output(theta, new double[] {0, Double.NaN, 0})).argument());
        assertEquals(ErrorCode.UNSUPPORTED, assertThrows(SpecificationException.class,
                () -> new NetworkEvaluator(net).loss(theta, new double[3], new double[4])).code());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    static double[] gaussian(Xoshiro256PlusPlus rng, int n) {
        double[] v = new double[n];
        rng.fillGaussian(v, 0, n, 0, 1);
        return v;
    }

    static double[] unit(double[] v) {
        double n = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
        return v;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] axpy(double[] x, double a, double[] u) {
        double[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += a * u[i];
        }
        return r;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
