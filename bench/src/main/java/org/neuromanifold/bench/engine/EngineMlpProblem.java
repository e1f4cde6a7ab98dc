package org.neuromanifold.bench.engine;

import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.ParameterLayout;

/**
 * The MLP benchmark problem of the engine benchmarks: mean softmax cross-entropy of a ReLU MLP
 * 784-64-64-64-10 with biases, batch 128, double precision, with the data convention every MLP
 * benchmark peer uses: entry k (row-major flat index) of the tensor with seed s and scale c is
 * {@code c·(2·frac(sin(k·12.9898 + s)·43758.5453) − 1)} (StrictMath.sin); X has seed 0 and scale 1,
 * W_t seed 2t+1 and scale √(6/in_t), b_t seed 2t+2 and scale 0.1; labels are (7i) mod 10, one-hot.
 * (A private copy of the convention, so the engine benchmarks build on their own; the peers' shared
 * problem class states the same formula.)
 */
final class EngineMlpProblem {
    static final int[] WIDTHS = {784, 64, 64, 64, 10};
    static final int BATCH = 128;
    static final int CLASSES = 10;

    final Network network = Network.mlp(WIDTHS, new Relu(), new IdentityActivation(), true);
    final double[] theta;
    final double[] inputs = tensor(BATCH * WIDTHS[0], 0, 1.0);
    final double[] oneHot = new double[BATCH * CLASSES];

    EngineMlpProblem() {
        ParameterLayout layout = network.layout();
        theta = new double[layout.size()];
        for (int t = 0; t + 1 < WIDTHS.length; t++) {
            double[] w = tensor(WIDTHS[t + 1] * WIDTHS[t], 2 * t + 1, Math.sqrt(6.0 / WIDTHS[t]));
            double[] b = tensor(WIDTHS[t + 1], 2 * t + 2, 0.1);
            System.arraycopy(w, 0, theta, layout.weight(t).offset(), w.length);
            System.arraycopy(b, 0, theta, layout.biasOrNull(t).offset(), b.length);
        }
        for (int i = 0; i < BATCH; i++) {
            oneHot[i * CLASSES + (7 * i) % CLASSES] = 1;
        }
    }

    static double[] tensor(int length, int seed, double scale) {
        double[] out = new double[length];
        for (int k = 0; k < length; k++) {
            double t = StrictMath.sin(k * 12.9898 + seed) * 43758.5453;
            out[k] = scale * (2 * (t - Math.floor(t)) - 1);
        }
        return out;
    }
}
