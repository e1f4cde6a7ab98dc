package org.neuromanifold.core.loss;

import java.util.Optional;

/**
 * A per-sample loss ℓ(f, y) of the network output {@code f} and target {@code y}, with its gradient
 * ∂ℓ/∂f and, where one exists, the statistical model whose negative log-likelihood it is.
 */
public sealed interface Loss permits SquareLoss, BinaryCrossEntropyLoss, SoftmaxCrossEntropyLoss, HingeLoss {
    /** The command-line name. */
    String name();

    /** ℓ(f, y). */
    double value(double[] f, double[] y);

    /** ∂ℓ/∂f. */
    double[] gradient(double[] f, double[] y);

    /** The statistical model, if the loss is a negative log-likelihood. */
    Optional<StatisticalModel> statisticalModel();

    /** Looks a loss up by name: {@code square}, {@code bce}, {@code softmax-ce}, {@code hinge}. */
    static Loss named(String name) {
        return switch (name) {
            case "square", "mse" -> new SquareLoss();
            case "bce", "binary-cross-entropy" -> new BinaryCrossEntropyLoss();
            case "softmax-ce", "cross-entropy" -> new SoftmaxCrossEntropyLoss();
            case "hinge" -> new HingeLoss();
            default -> throw new org.neuromanifold.core.error.SpecificationException(
                    org.neuromanifold.core.error.ErrorCode.UNKNOWN_LOSS, "loss",
                    "loss: unknown name '" + name + "'; expected one of [square, bce, softmax-ce, hinge]");
        };
    }
}
