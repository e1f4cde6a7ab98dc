package org.neuromanifold.examples.cli;

import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.numeric.verify.VerificationConfig;

import picocli.CommandLine.Option;

/** The activation options shared by commands that build networks: a name and its hyperparameters. */
final class ActivationOptions {
    @Option(names = "--activation", defaultValue = "relu", paramLabel = "A",
            description = "Hidden activation: identity, relu, leaky-relu, prelu-smooth, tanh, sigmoid, elu, softplus "
                    + "(default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--iota", paramLabel = "ι",
            description = "Negative slope of leaky-relu and prelu-smooth, in [0, 1) (default "
                    + Activations.DEFAULT_IOTA + ").")
    Double iota;

    @Option(names = "--omega", paramLabel = "ω",
            description = "Smoothing width of prelu-smooth, > 0 (default " + Activations.DEFAULT_OMEGA + ").")
    Double omega;

    @Option(names = "--alpha", paramLabel = "α", description = "α of elu (default " + Activations.DEFAULT_ALPHA + ").")
    Double alpha;

    @Option(names = "--output-activation", paramLabel = "A", defaultValue = "identity",
            description = "Activation of the output layer: a name as above, or 'same' for the hidden activation "
                    + "(default ${DEFAULT-VALUE}: a linear read-out).")
    String output;

    /** Sets the hidden and output activations of {@code b} (unknown names fail with the argument named). */
    void apply(VerificationConfig.Builder b) {
        b.activation(name, iota, omega, alpha);
        if (output.equals("same")) {
            b.activationOnOutput();
        } else {
            b.outputActivation(Activations.named(output, iota, omega, alpha));
        }
    }
}
