package org.neuromanifold.numeric.init;

import java.util.random.RandomGenerator;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Initialization;
import org.neuromanifold.core.model.Network;

/**
 * Draws θ for a network from a core {@link Initialization}: every weight of a layer with fan-in
 * {@code n} is N(0, σ_w²/n) and every bias N(0, σ_b²) (He: σ_w² = 2, Xavier: σ_w² = 1, Scaled: given).
 *
 * <p>Order of draws (part of the determinism contract): layers in order; within a layer the weights
 * row-major, then the biases. When σ_b² = 0 the biases are set to 0 without drawing.
 */
public final class Initializer {
    private Initializer() {
    }

    /** A new θ in the network's parameter layout. */
    public static double[] sample(Network network, Initialization init, RandomGenerator rng) {
        double[] theta = new double[network.parameterCount()];
        sampleInto(network, init, rng, theta);
        return theta;
    }

    /** Fills {@code theta} (length = the network's parameter count) without allocating. */
    public static void sampleInto(Network network, Initialization init, RandomGenerator rng, double[] theta) {
        int p = network.parameterCount();
        if (theta.length != p) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "theta",
                    "a parameter vector of length " + p, "length " + theta.length);
        }
        double sw2 = init.weightVarianceScale();
        double biasSd = Math.sqrt(init.biasVariance());
        int off = 0;
        for (Dense d : network.layers()) {
            double sd = Math.sqrt(sw2 / d.in());
            int n = d.in() * d.out();
            for (int i = 0; i < n; i++) {
                theta[off + i] = sd * rng.nextGaussian();
            }
            off += n;
            if (d.bias()) {
                for (int i = 0; i < d.out(); i++) {
                    theta[off + i] = biasSd == 0 ? 0.0 : biasSd * rng.nextGaussian();
                }
                off += d.out();
            }
        }
    }
}
