package org.neuromanifold.core.model;

/** A subset of θ: all parameters, one layer's, or one neuron's incoming weights and bias. */
public sealed interface ParameterGroup permits ParameterGroup.All, ParameterGroup.Layer, ParameterGroup.Neuron {
    /** Every parameter. */
    record All() implements ParameterGroup {
    }

    /** Layer {@code layer}'s weight matrix (row-major) and bias. */
    record Layer(int layer) implements ParameterGroup {
    }

    /** Row {@code index} of layer {@code layer}'s weight matrix and its bias entry. */
    record Neuron(int layer, int index) implements ParameterGroup {
    }

    ParameterGroup ALL = new All();
}
