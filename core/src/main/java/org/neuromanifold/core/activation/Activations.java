package org.neuromanifold.core.activation;

import java.util.List;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/** Looks activations up by their command-line names. */
public final class Activations {
    /** The names {@link #named} accepts. */
    public static final List<String> NAMES = List.of("identity", "relu", "leaky-relu", "prelu-smooth", "tanh",
            "sigmoid", "elu", "softplus");

    /** Defaults for hyperparameters left unspecified. */
    public static final double DEFAULT_IOTA = 0.1;
    public static final double DEFAULT_OMEGA = 0.5;
    public static final double DEFAULT_ALPHA = 1.0;

    private Activations() {
    }

    /**
     * The activation called {@code name}; {@code iota}, {@code omega}, {@code alpha} are used by the
     * families that have them and may be {@code null} for the defaults.
     *
     * @throws SpecificationException {@link ErrorCode#UNKNOWN_ACTIVATION} listing the known names
     */
    public static Activation named(String name, Double iota, Double omega, Double alpha) {
        double i = iota == null ? DEFAULT_IOTA : iota;
        double w = omega == null ? DEFAULT_OMEGA : omega;
        double a = alpha == null ? DEFAULT_ALPHA : alpha;
        return switch (name) {
            case "identity", "linear" -> new IdentityActivation();
            case "relu" -> new Relu();
            case "leaky-relu", "prelu" -> new LeakyRelu(i);
            case "prelu-smooth" -> new SmoothPrelu(i, w);
            case "tanh" -> new Tanh();
            case "sigmoid" -> new Sigmoid();
            case "elu" -> new Elu(a);
            case "softplus" -> new Softplus();
            default -> throw new SpecificationException(ErrorCode.UNKNOWN_ACTIVATION, "activation",
                    "activation: unknown name '" + name + "'; expected one of " + NAMES);
        };
    }

    /** {@link #named} with default hyperparameters. */
    public static Activation named(String name) {
        return named(name, null, null, null);
    }

    /** One instance of every built-in family, with default hyperparameters. */
    public static List<Activation> all() {
        return NAMES.stream().map(Activations::named).toList();
    }
}
