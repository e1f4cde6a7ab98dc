package org.neuromanifold.core.activation;

import java.util.Map;

import org.neuromanifold.core.scalar.Term;

/**
 * A scalar activation function σ, applied elementwise. Each carries its numeric value and first two
 * derivatives, its symbolic form (a {@link Term} in the variable {@link #VARIABLE}, with
 * hyperparameters as symbols bound by {@link #hyperparameters()}), and its declared properties.
 *
 * <p>At a kink (ReLU and friends at 0) {@link #derivative} takes the value named in each class: the
 * left derivative for ReLU and leaky ReLU (0 and ι, as {@code 1[z > 0]}), 1 for ELU. The derivative of
 * {@link #symbolic()} by {@link org.neuromanifold.core.scalar.TermDifferentiator} takes the branch for
 * {@code condition ≥ 0} there, so the two can differ exactly at the kink. That is a null set: every
 * identity that involves kinks holds almost everywhere, and random test points avoid it.
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
