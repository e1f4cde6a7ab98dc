package org.neuromanifold.numeric.verify;

import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.numeric.expr.EvalContext;

/**
 * One concrete instance an identity is evaluated on: a network, its parameters θ, and the sample
 * variables the identity reads — an input x and target y of its own, and the rows of a data set. Arrays
 * the identity does not read are {@code null}; data targets it does not read are zeros.
 *
 * <p>The arrays are owned by the instance; the shrinker edits copies ({@link #copy()}).
 *
 * @param network  the network
 * @param theta    θ in the network's parameter layout
 * @param x        the input, or {@code null}
 * @param y        the target, or {@code null}
 * @param dataX    the data inputs, row-major ({@code dataSize × inputDim}), or {@code null}
 * @param dataY    the data targets, row-major ({@code dataSize × outputDim}), or {@code null}
 * @param mcSeed   the seed of Monte Carlo expectations, if the identity needs any
 */
record Instance(Network network, double[] theta, double[] x, double[] y, double[] dataX, double[] dataY,
        long mcSeed) {

    /** The number of data rows (0 without a data set). */
    int dataSize() {
        return dataX == null ? 0 : dataX.length / network.inputDim();
    }

    /** A deep copy. */
    Instance copy() {
        return new Instance(network, theta.clone(), clone(x), clone(y), clone(dataX), clone(dataY), mcSeed);
    }

    /** The same values on another network (the caller keeps the shapes consistent). */
    Instance withNetwork(Network n, double[] newTheta, double[] newX, double[] newY, double[] newDataX,
            double[] newDataY) {
        return new Instance(n, newTheta, newX, newY, newDataX, newDataY, mcSeed);
    }

    /** The evaluation context of this instance. */
    EvalContext context(Loss loss) {
        EvalContext.Builder b = EvalContext.builder(network, theta).loss(loss).seed(mcSeed);
        if (x != null) {
            b.input(x);
        }
        if (y != null) {
            b.target(y);
        }
        if (dataX != null) {
            b.data(Dataset.ofFlat(dataX, network.inputDim(), dataY, network.outputDim()));
        }
        return b.build();
    }

    private static double[] clone(double[] a) {
        return a == null ? null : a.clone();
    }
}
