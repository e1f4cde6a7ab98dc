package org.neuromanifold.core.activation;

import java.util.Map;

import org.neuromanifold.core.scalar.Term;

/**
 * A scalar activation function σ, applied elementwise. Each carries its numeric value and first two
 * derivatives, its symbolic form (a {@link Term} in the variable {@link #VARIABLE}, with
 * hyperparameters as symbols bound by {@link #hyperparameters()}), and its declared properties.
 *
 * <p>Kinks (ReLU and friends at 0) take the right-hand derivative's convention of the implementation
 * named in each class; every identity that involves them holds almost everywhere.
 */
public sealed interface Activation permits IdentityActivation, Relu, LeakyRelu, SmoothPrelu, Tanh, Sigmoid, Elu,
        Softplus, CustomActivation {

    /** The variable of {@link #symbolic()}. */
    String VARIABLE = "z";

    /** The command-line name ({@code relu}, {@code leaky-relu}, ...). */
    String name();

    /** σ(z). */
    double value(double z);

    /** σ'(z). */
    double derivative(double z);

    /** σ''(z). */
    double secondDerivative(double z);

    /** σ as a term in {@link #VARIABLE}; hyperparameters appear as symbols. */
    Term symbolic();

    /** Values of the hyperparameter symbols in {@link #symbolic()} (empty when there are none). */
    Map<String, Double> hyperparameters();

    /**
     * Declared: σ(z) = σ'(z)·z for all z (positive homogeneity of degree 1), the hypothesis of the Euler
     * identity (seed 000, Lemma 2.1). The declaration is checked in tests, not trusted.
     */
    boolean positivelyHomogeneous();

    /** A readable label with hyperparameters, e.g. {@code leaky-relu(iota=0.1)}. */
    default String label() {
        Map<String, Double> h = hyperparameters();
        if (h.isEmpty()) {
            return name();
        }
        StringBuilder b = new StringBuilder(name()).append('(');
        h.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(k).append('=').append(v));
        return b.append(')').toString();
    }
}
