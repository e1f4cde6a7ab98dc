package org.neuromanifold.numeric.verify;

import java.util.random.RandomGenerator;

import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.model.Initialization;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.numeric.init.Initializer;
import org.neuromanifold.numeric.random.InputSampler;

/**
 * Draws random instances. Order of draws from the generator (part of the determinism contract): θ by
 * {@link Initializer} (layer by layer, weights row-major, then biases); x, one standard normal per
 * coordinate, if the identity reads x; y, if it reads y; then, if it averages over data, each row in
 * turn: its input, then its target if the identity reads the rows' targets; finally one
 * {@code nextLong()} for the seed of Monte Carlo expectations. With an input distribution, each input (x
 * and every data row's input) is drawn by {@link InputSampler} instead of one standard normal per
 * coordinate; with a fixed data set, nothing is drawn for the rows (they are copied, and targets the
 * data set lacks are zeros).
 *
 * <p>Targets suit the loss: square loss (or no loss) N(0, 1) per component; binary cross-entropy 0 or
 * 1 per component with probability ½ each; softmax cross-entropy a one-hot vector with a uniformly
 * drawn class; hinge −1 or +1 per component with probability ½ each.
 */
final class InstanceSampler {
    private InstanceSampler() {
    }

    /** A new instance of {@code network}, inputs N(0, I), data rows drawn. */
    static Instance draw(Network network, IdentityScan scan, Loss loss, Initialization init, int dataSize,
            RandomGenerator rng) {
        return draw(network, scan, loss, init, dataSize, null, null, rng);
    }

    /**
     * A new instance of {@code network}.
     *
     * @param inputs the distribution of the inputs (its dimension is the network's input width), or
     *               {@code null} for N(0, I)
     * @param data   the data set to use (widths those of the network), or {@code null} to draw
     *               {@code dataSize} rows
     */
    static Instance draw(Network network, IdentityScan scan, Loss loss, Initialization init, int dataSize,
            InputDistribution inputs, Dataset data, RandomGenerator rng) {
        double[] theta = Initializer.sample(network, init, rng);
        int d = network.inputDim();
        int k = network.outputDim();
        double[] x = null;
        double[] y = null;
        if (scan.input()) {
            x = new double[d];
            input(inputs, rng, x, 0, d);
        }
        if (scan.target()) {
            y = new double[k];
            target(loss, rng, y, 0, k);
        }
        double[] dataX = null;
        double[] dataY = null;
        if (scan.data() && data != null) {
            dataX = data.inputsFlat();
            dataY = data.targetDim() == k ? data.targetsFlat() : new double[data.size() * k];
        } else if (scan.data()) {
            dataX = new double[dataSize * d];
            dataY = new double[dataSize * k];
            for (int i = 0; i < dataSize; i++) {
                input(inputs, rng, dataX, i * d, d);
                if (scan.dataTargets()) {
                    target(loss, rng, dataY, i * k, k);
                }
            }
        }
        return new Instance(network, theta, x, y, dataX, dataY, rng.nextLong());
    }

    private static void input(InputDistribution inputs, RandomGenerator rng, double[] out, int off, int d) {
        if (inputs == null) {
            gaussian(rng, out, off, d);
        } else {
            InputSampler.sampleInto(inputs, rng, out, off);
        }
    }

    private static void gaussian(RandomGenerator rng, double[] out, int off, int n) {
        for (int i = 0; i < n; i++) {
            out[off + i] = rng.nextGaussian();
        }
    }

    /** One target of width k at {@code out[off, off + k)}, drawn to suit the loss. */
    static void target(Loss loss, RandomGenerator rng, double[] out, int off, int k) {
        switch (loss) {
            case BinaryCrossEntropyLoss b -> {
                for (int i = 0; i < k; i++) {
                    out[off + i] = rng.nextBoolean() ? 1 : 0;
                }
            }
            case SoftmaxCrossEntropyLoss c -> {
                for (int i = 0; i < k; i++) {
                    out[off + i] = 0;
                }
                out[off + rng.nextInt(k)] = 1;
            }
            case HingeLoss h -> {
                for (int i = 0; i < k; i++) {
                    out[off + i] = rng.nextBoolean() ? 1 : -1;
                }
            }
            case null, default -> gaussian(rng, out, off, k);
        }
    }
}
