package org.neuromanifold.symbolic.derive.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.numeric.expr.EvalContext;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;
import org.neuromanifold.symbolic.derive.DeriveRequest;

/**
 * One random point of a tensor-level chain: a network with parameters θ, an input x with target y, a
 * data set and a loss. The numeric certificates evaluate every expression of a chain at the same
 * instances.
 *
 * @param network the network
 * @param theta   its parameters
 * @param x       an input
 * @param y       a target for x
 * @param data    a data set of the same widths (for expectations over data)
 * @param loss    the loss (may be {@code null} for statements about f alone)
 */
record Instance(Network network, double[] theta, double[] x, double[] y, Dataset data, Loss loss) {
    /** Samples in each random data set. */
    static final int SAMPLES = 4;

    Instance {
        Objects.requireNonNull(network, "network");
    }

    /** The evaluation context of the numeric engine at this instance. */
    EvalContext context() {
        return EvalContext.builder(network, theta).loss(loss).input(x).target(y).data(data).build();
    }

    /** The depth L of the network. */
    int depth() {
        return network.depth();
    }

    /** The largest depth L of the random networks unless the request says otherwise. */
    static final int MAX_DEPTH = 3;
    /** The largest width unless the request says otherwise. */
    static final int MAX_WIDTH = 3;

    /** {@link #random(long, int, Activation, boolean, List, int, int)} with depths 0–3 and widths 1–3. */
    static List<Instance> random(long seed, int count, Activation sigma, boolean bias, List<Loss> losses) {
        return random(seed, count, sigma, bias, losses, MAX_DEPTH, MAX_WIDTH);
    }

    /**
     * The instances a request asks for: its seed and point count, depths up to its option {@code depth}
     * and widths up to its option {@code width} (defaults 3 and 3).
     *
     * @throws SpecificationException {@link ErrorCode#OUT_OF_RANGE} for a depth below 0 or a width below 1
     */
    static List<Instance> forRequest(DeriveRequest request, GradientVariant v, List<Loss> losses) {
        double depth = request.option("depth", MAX_DEPTH);
        double width = request.option("width", MAX_WIDTH);
        if (!(depth >= 0 && depth <= 64 && depth == Math.rint(depth))) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "depth", "an integer L in [0, 64]", depth);
        }
        if (!(width >= 1 && width <= 64 && width == Math.rint(width))) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "width", "an integer in [1, 64]", width);
        }
        return random(request.seed(), request.points(), v.activation(), v.bias(), losses, (int) depth, (int) width);
    }

    /**
     * {@code count} seeded random instances with depths L = 0, 1, …, maxDepth in turn, every layer with
     * activation σ (and a bias when {@code bias}), widths 1 to maxWidth (at least 2 outputs for softmax
     * cross-entropy), θ ~ N(0, 1), x uniform on [−1.5, 1.5]^d, and targets fit for the loss: y ~ N(0, 1)
     * for square loss, {0, 1} for binary cross-entropy, one-hot for softmax cross-entropy, ±1 for hinge.
     * With a list of losses, instance i uses loss i mod its size.
     */
    static List<Instance> random(long seed, int count, Activation sigma, boolean bias, List<Loss> losses,
            int maxDepth, int maxWidth) {
        Xoshiro256PlusPlus r = Xoshiro256PlusPlus.of(seed);
        List<Instance> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Loss loss = losses.isEmpty() ? null : losses.get(i % losses.size());
            int depth = i % (maxDepth + 1);
            int[] widths = new int[depth + 2];
            for (int l = 0; l < widths.length; l++) {
                widths[l] = 1 + r.nextInt(maxWidth);
            }
            if (loss instanceof SoftmaxCrossEntropyLoss) {
                widths[widths.length - 1] = 2 + r.nextInt(Math.max(1, maxWidth - 1));
            }
            Network net = Network.mlp(widths, sigma, sigma, bias);
            double[] theta = new double[net.parameterCount()];
            r.fillGaussian(theta, 0, theta.length, 0, 1);
            double[][] xs = new double[SAMPLES][];
            double[][] ys = new double[SAMPLES][];
            for (int n = 0; n < SAMPLES; n++) {
                xs[n] = uniform(r, widths[0], 1.5);
                ys[n] = target(r, loss, net.outputDim());
            }
            out.add(new Instance(net, theta, xs[0], ys[0], Dataset.of(xs, ys), loss));
        }
        return List.copyOf(out);
    }

    private static double[] uniform(Xoshiro256PlusPlus r, int n, double halfWidth) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = -halfWidth + 2 * halfWidth * r.nextDouble();
        }
        return v;
    }

    private static double[] target(Xoshiro256PlusPlus r, Loss loss, int k) {
        double[] y = new double[k];
        switch (loss) {
            case BinaryCrossEntropyLoss b -> {
                for (int j = 0; j < k; j++) {
                    y[j] = r.nextInt(2);
                }
            }
            case SoftmaxCrossEntropyLoss c -> y[r.nextInt(k)] = 1;
            case HingeLoss h -> {
                for (int j = 0; j < k; j++) {
                    y[j] = r.nextBoolean() ? 1 : -1;
                }
            }
            case SquareLoss s -> r.fillGaussian(y, 0, k, 0, 1);
            case null -> r.fillGaussian(y, 0, k, 0, 1);
        }
        return y;
    }

    @Override
    public String toString() {
        return network + (loss == null ? "" : ", " + loss.name());
    }
}
