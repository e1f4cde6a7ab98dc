package org.neuromanifold.core.result;

import java.util.List;

/**
 * A concrete instance where an identity fails, after shrinking.
 *
 * @param widths         layer widths from input to output
 * @param activation     the activation label
 * @param bias           whether the layers have biases
 * @param theta          the parameter values
 * @param parameterNames their names ({@code W0[i,j]}, {@code b0[i]})
 * @param x              the input
 * @param y              the target (empty when the identity does not use one)
 * @param lhs            the left side's value (a scalar is a vector of length 1)
 * @param rhs            the right side's value
 */
public record Counterexample(int[] widths, String activation, boolean bias, double[] theta,
        List<String> parameterNames, double[] x, double[] y, double[] lhs, double[] rhs) {
    public Counterexample {
        widths = widths.clone();
        theta = theta.clone();
        parameterNames = List.copyOf(parameterNames);
        x = x.clone();
        y = y.clone();
        lhs = lhs.clone();
        rhs = rhs.clone();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] lhs() {
        return lhs.clone();
    }

    @Override
    public double[] rhs() {
        return rhs.clone();
    }

    @Override
    public String toString() {
        return "Counterexample(widths=" + java.util.Arrays.toString(widths) + ", activation=" + activation
                + ", bias=" + bias + ", theta=" + java.util.Arrays.toString(theta) + ", x="
                + java.util.Arrays.toString(x) + ", y=" + java.util.Arrays.toString(y) + ", lhs="
                + java.util.Arrays.toString(lhs) + ", rhs=" + java.util.Arrays.toString(rhs) + ")";
    }
}
