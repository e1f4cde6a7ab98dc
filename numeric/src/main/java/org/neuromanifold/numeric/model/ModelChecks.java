package org.neuromanifold.numeric.model;

import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.model.Network;

/**
 * Argument checks shared by the numeric interpreters. Each throws a {@link SpecificationException}
 * that names the argument (or the offending parameter, e.g. {@code W1[0,2]}), the expected and the
 * actual value. The checks loop once over the arrays and allocate nothing unless they fail.
 */
public final class ModelChecks {
    private ModelChecks() {
    }

    /** θ has the network's parameter count and only finite entries. */
    public static double[] theta(Network network, double[] theta) {
        int p = network.parameterCount();
        if (theta == null || theta.length != p) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "theta",
                    "a parameter vector of length " + p + " for " + network,
                    theta == null ? "null" : "length " + theta.length);
        }
        for (double v : theta) {
            if (!Double.isFinite(v)) {
                // the layout names the first offending parameter
                return network.layout().requireValid(theta);
            }
        }
        return theta;
    }

    /** x has the network's input width and only finite entries. */
    public static double[] input(Network network, double[] x, String argument) {
        return finiteOfWidth(x, network.inputDim(), argument, "the network's input width");
    }

    /** y has the network's output width and only finite entries. */
    public static double[] target(Network network, double[] y, String argument) {
        return finiteOfWidth(y, network.outputDim(), argument, "the network's output width");
    }

    /** The data set's input and target widths fit the network. */
    public static Dataset dataset(Network network, Dataset data, String argument) {
        if (data.inputDim() != network.inputDim()) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, argument + " inputs",
                    "width " + network.inputDim() + " (the network's input width)", "width " + data.inputDim());
        }
        if (data.targetDim() != network.outputDim()) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, argument + " targets",
                    "width " + network.outputDim() + " (the network's output width)", "width " + data.targetDim());
        }
        return data;
    }

    /** A direction in parameter space: length = parameter count, finite entries. */
    public static double[] direction(Network network, double[] v, String argument) {
        return finiteOfWidth(v, network.parameterCount(), argument, "the network's parameter count");
    }

    private static double[] finiteOfWidth(double[] a, int width, String argument, String what) {
        if (a == null || a.length != width) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, argument,
                    "width " + width + " (" + what + ")", a == null ? "null" : "width " + a.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw SpecificationException.expected(ErrorCode.NOT_FINITE, argument + "[" + i + "]",
                        "a finite number", a[i]);
            }
        }
        return a;
    }
}
