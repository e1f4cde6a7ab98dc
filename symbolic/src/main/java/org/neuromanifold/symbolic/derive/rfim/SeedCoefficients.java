package org.neuromanifold.symbolic.derive.rfim;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Elu;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Sigmoid;
import org.neuromanifold.core.activation.SmoothPrelu;
import org.neuromanifold.core.activation.Softplus;
import org.neuromanifold.core.activation.Tanh;

/**
 * The seed's single-neuron coefficients ν_f (seed 003, §3.1), typed as the design page states them —
 * for comparison only, never as a derivation's result — with, where the seed's text differs by an
 * extraction error (eqs. 16, 17), the formula as printed.
 */
final class SeedCoefficients {
    private SeedCoefficients() {
    }

    /**
     * A seed formula in Symja input syntax, in t and the hyperparameter symbols.
     *
     * @param source        where it is stated
     * @param formula       the formula (as corrected on the design page)
     * @param literalSource where the printed version differs, what it says; otherwise null
     * @param literal       the printed version, or null
     */
    record Seed(String source, String formula, String literalSource, String literal) {
    }

    /** The seed's ν_f for {@code a}; null for a user-defined activation. */
    static Seed of(Activation a) {
        return switch (a) {
            case Tanh t -> new Seed("eq. 12, \u03bd = 1 \u2212 tanh\u00b2 t", "1 - Tanh[t]^2", null, null);
            case Sigmoid g -> new Seed("eq. 14, \u03bd = sigm(t)(1 \u2212 sigm(t))",
                    "LogisticSigmoid[t]*(1 - LogisticSigmoid[t])", null, null);
            case Relu r -> new Seed("eq. 16 with \u03b9 = 0: 1/s\u00b2 for t > 0, 0 for t < 0",
                    "Piecewise[{{0, t < 0}}, 1/s^2]", "eq. 16 as printed (\u03bc\u00b2/\u03c3\u00b2 for t < 0, "
                            + "\u03bc the mean relu(t) = 0)", "Piecewise[{{0^2/s^2, t < 0}}, 1/s^2]");
            case LeakyRelu l -> new Seed("eq. 16 as corrected on the design page: 1/s\u00b2 for t > 0, "
                    + "\u03b9\u00b2/s\u00b2 for t < 0", "Piecewise[{{iota^2/s^2, t < 0}}, 1/s^2]",
                    "eq. 16 as printed (\u03bc\u00b2/\u03c3\u00b2 for t < 0, \u03bc read as the mean \u03b9t)",
                    "Piecewise[{{(iota*t)^2/s^2, t < 0}}, 1/s^2]");
            case SmoothPrelu p -> new Seed("eq. 18 (its sign(\u00b7) is the seed's sigm, eq. 38): "
                    + "[\u03b9 + (1\u2212\u03b9) sigm((1\u2212\u03b9)t/\u03c9)]\u00b2/s\u00b2",
                    "(iota + (1 - iota)*LogisticSigmoid[(1 - iota)*t/omega])^2/s^2",
                    "eq. 17 as printed (\u03c9 ln(e^{t/\u03c9} + e^{t/\u03c9}) = t + \u03c9 ln 2, without the \u03b9, so "
                            + "\u03bc' = 1)", "1/s^2");
            case Elu e -> new Seed("eq. 20: 1/s\u00b2 for t \u2265 0, \u03b1\u00b2e^{2t}/s\u00b2 for t < 0",
                    "Piecewise[{{alpha^2*E^(2*t)/s^2, t < 0}}, 1/s^2]", null, null);
            case IdentityActivation i -> new Seed("eq. 22 for one output: 1/s\u00b2", "1/s^2", null, null);
            case Softplus sp -> new Seed("no formula for softplus in the seed; its general Gaussian form eq. 58 with "
                    + "\u03bc' = sigm(t) (softplus' by definition)", "LogisticSigmoid[t]^2/s^2", null, null);
            default -> null;
        };
    }
}
