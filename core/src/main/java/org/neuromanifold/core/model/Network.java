package org.neuromanifold.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.error.Checks;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * An immutable feed-forward network: dense layers in order, then an optional softmax head.
 *
 * <p>Conventions of the catalogue: a network with {@code L} hidden layers has {@code L+1} weight
 * matrices {@code W⁰ … W^L}; {@link #depth()} returns {@code L}. Parameters are described by
 * {@link #layout()}, and values of θ live outside the network (a {@code double[]} in that layout), so
 * one declaration serves every interpreter.
 *
 * @param inputDim input width
 * @param layers   the layers; layer {@code t}'s input width equals layer {@code t−1}'s output width
 * @param head     what follows the last layer
 */
public record Network(int inputDim, List<Dense> layers, OutputHead head) {
    public Network {
        Checks.positive("network input width", inputDim);
        Objects.requireNonNull(head, "head");
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        if (layers.isEmpty()) {
            throw new SpecificationException(ErrorCode.EMPTY, "layers",
                    "layers: expected at least one Dense layer, got none");
        }
        int width = inputDim;
        for (int t = 0; t < layers.size(); t++) {
            Dense d = layers.get(t);
            if (d.in() != width) {
                String previous = t == 0 ? "the input width" : "layer " + (t - 1) + "'s output width";
                throw new SpecificationException(ErrorCode.WIDTH_MISMATCH, "layer " + t,
                        "layer " + t + " (" + d + "): input width " + d.in() + " does not match " + previous + " "
                                + width);
            }
            width = d.out();
        }
        long count = layers.stream().mapToLong(Dense::parameterCount).sum();
        if (count > Integer.MAX_VALUE) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "network",
                    "at most " + Integer.MAX_VALUE + " parameters (θ is one double[])", count);
        }
    }

    /** A network without a softmax head. */
    public static Network of(int inputDim, List<Dense> layers) {
        return new Network(inputDim, layers, OutputHead.NONE);
    }

    /**
     * A multilayer perceptron with the given widths ({@code widths[0]} is the input width), the hidden
     * activation on every layer but the last, and {@code outputActivation} on the last.
     */
    public static Network mlp(int[] widths, Activation hidden, Activation outputActivation, boolean bias) {
        if (widths.length < 2) {
            throw new SpecificationException(ErrorCode.EMPTY, "widths",
                    "widths: expected at least an input and an output width, got " + widths.length + " value(s)");
        }
        for (int i = 0; i < widths.length; i++) {
            Checks.positive("widths[" + i + "]", widths[i]);
        }
        List<Dense> layers = new ArrayList<>();
        for (int t = 0; t + 1 < widths.length; t++) {
            boolean last = t + 2 == widths.length;
            layers.add(new Dense(widths[t], widths[t + 1], bias, last ? outputActivation : hidden));
        }
        return of(widths[0], layers);
    }

    /** The number {@code L} of hidden layers: there are {@code L+1} weight matrices. */
    public int depth() {
        return layers.size() - 1;
    }

    /** Output width. */
    public int outputDim() {
        return layers.get(layers.size() - 1).out();
    }

    /** Widths from input to output: {@code [d, n₁, …, k]}. */
    public int[] widths() {
        int[] w = new int[layers.size() + 1];
        w[0] = inputDim;
        for (int t = 0; t < layers.size(); t++) {
            w[t + 1] = layers.get(t).out();
        }
        return w;
    }

    /** The parameter layout (computed on each call; cheap). */
    public ParameterLayout layout() {
        return ParameterLayout.of(this);
    }

    /** Total number of parameters. */
    public int parameterCount() {
        return layers.stream().mapToInt(Dense::parameterCount).sum();
    }

    /** Whether no layer has a bias. */
    public boolean biasFree() {
        return layers.stream().noneMatch(Dense::bias);
    }

    /** Whether every layer's activation is declared positively homogeneous and there is no softmax head. */
    public boolean positivelyHomogeneous() {
        return head == OutputHead.NONE && layers.stream().allMatch(d -> d.activation().positivelyHomogeneous());
    }

    /** A copy with every activation replaced. */
    public Network withActivation(Activation hidden, Activation output) {
        List<Dense> out = new ArrayList<>();
        for (int t = 0; t < layers.size(); t++) {
            Dense d = layers.get(t);
            out.add(new Dense(d.in(), d.out(), d.bias(), t + 1 == layers.size() ? output : hidden));
        }
        return new Network(inputDim, out, head);
    }

    @Override
    public String toString() {
        return "Network(" + inputDim + ": " + layers.stream().map(Dense::toString).collect(Collectors.joining(", "))
                + (head == OutputHead.SOFTMAX ? ", softmax" : "") + ")";
    }
}
