package org.neuromanifold.symbolic.derive.rfim;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Sigmoid;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.error.Checks;

/**
 * How the response y of a stochastic neuron is drawn given its pre-activation u = ⟨w, h̃⟩ (seed 003,
 * §3.1): the statistical model whose Fisher information is the relative Fisher information. Outputs of
 * one layer are independent given their pre-activations, except under the categorical (softmax) model.
 */
public sealed interface ResponseModel {

    /** The activation whose symbolic form the model uses (the mean, or the probability's shape). */
    Activation activation();

    /** One line for derivation assumptions, mathematics between {@code $…$} (LaTeX), e.g. {@code $y \in \{-1, 1\}$}. */
    String description();

    /** The response model of a neuron with activation {@code a}: Bernoulli for tanh and sigmoid, Gaussian otherwise. */
    static ResponseModel of(Activation a, double s) {
        return switch (a) {
            case Tanh t -> new TanhBernoulli();
            case Sigmoid g -> new SigmoidBernoulli();
            default -> new Gaussian(a, s);
        };
    }

    /** y ∈ {−1, 1}, p(y = 1) = (1 + tanh u)/2 (seed eq. 11). */
    record TanhBernoulli() implements ResponseModel {
        @Override
        public Activation activation() {
            return new Tanh();
        }

        @Override
        public String description() {
            return "$y \\in \\{-1, 1\\}$, $p(y = 1) = (1 + \\tanh u)/2$";
        }
    }

    /** y ∈ {0, 1}, p(y = 1) = sigm(u) (seed eq. 13). */
    record SigmoidBernoulli() implements ResponseModel {
        @Override
        public Activation activation() {
            return new Sigmoid();
        }

        @Override
        public String description() {
            return "$y \\in \\{0, 1\\}$, $p(y = 1) = \\operatorname{sigm}(u)$";
        }
    }

    /**
     * y ~ N(σ(u), s²) (seed eqs. 15, 19, 58).
     *
     * @param activation the mean σ
     * @param s          the standard deviation of the observation noise
     */
    record Gaussian(Activation activation, double s) implements ResponseModel {
        public Gaussian {
            java.util.Objects.requireNonNull(activation, "activation");
            Checks.positive("Gaussian response s", s);
        }

        @Override
        public String description() {
            return "$y \\sim \\mathcal{N}(\\sigma(u), s^2)$ with $\\sigma$ = " + activation.name() + " and $s = " + s + "$";
        }
    }

    /** y ∈ {1, …, m}, p(y = i) = η_i = softmax(u)_i for the whole layer (seed eq. 24). */
    record Categorical() implements ResponseModel {
        @Override
        public Activation activation() {
            return new org.neuromanifold.core.activation.IdentityActivation();
        }

        @Override
        public String description() {
            return "$y \\in \\{1, \\ldots, m\\}$, $p(y = i) = \\operatorname{softmax}(u)_i$";
        }
    }
}
