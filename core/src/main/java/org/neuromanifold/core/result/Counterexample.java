package org.neuromanifold.core.result;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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

    /** Equal when every field is equal, arrays compared by content (the record default compares references). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Counterexample c && Arrays.equals(c.widths, widths)
                && Objects.equals(c.activation, activation) && c.bias == bias && Arrays.equals(c.theta, theta)
                && c.parameterNames.equals(parameterNames)
                && Arrays.equals(c.x, x) && Arrays.equals(c.y, y) && Arrays.equals(c.lhs, lhs)
                && Arrays.equals(c.rhs, rhs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(widths), activation, bias, Arrays.hashCode(theta), parameterNames,
                Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(lhs), Arrays.hashCode(rhs));
    }

    @Override
    public String toString() {
        return "Counterexample(widths=" + Arrays.toString(widths) + ", activation=" + activation
                + ", bias=" + bias + ", theta=" + Arrays.toString(theta) + ", x="
                + Arrays.toString(x) + ", y=" + Arrays.toString(y) + ", lhs="
                + Arrays.toString(lhs) + ", rhs=" + Arrays.toString(rhs) + ")";
    }
}
