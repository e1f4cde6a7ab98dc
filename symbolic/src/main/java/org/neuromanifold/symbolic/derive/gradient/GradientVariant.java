package org.neuromanifold.symbolic.derive.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.symbolic.derive.DeriveRequest;

/**
 * A variant of the gradient-structure derivations, written as tokens joined by {@code +}: an activation
 * name ({@code relu}, {@code tanh}, …; hyperparameters from the request's options {@code iota},
 * {@code omega}, {@code alpha}), {@code bias} (every layer has a bias), a loss name ({@code square},
 * {@code bce}, {@code softmax-ce}, {@code hinge}) and {@code model} (the model Fisher instead of the
 * empirical one). Examples: {@code relu}, {@code tanh}, {@code relu+bias}, {@code square+model},
 * {@code bce+model+leaky-relu}. Each deriver says which kinds of token it accepts; the request option
 * {@code bias} = 1 means the same as the token.
 *
 * @param activation the activation of every layer
 * @param bias       whether every layer has a bias
 * @param loss       the loss, or {@code null} when the deriver does not take one
 * @param modelFisher whether the Fisher information draws y from the model (else from the data)
 */
record GradientVariant(Activation activation, boolean bias, Loss loss, boolean modelFisher) {
    /** The default activation (seed 000 is about rectified networks). */
    static final String DEFAULT_ACTIVATION = "relu";
    /** The loss names, in the order derivers list their variants. */
    static final List<String> LOSS_NAMES = List.of("square", "bce", "softmax-ce", "hinge");

    GradientVariant {
        Objects.requireNonNull(activation, "activation");
    }

    /** Which kinds of token a deriver accepts. */
    enum Accepts {
        /** An activation and {@code bias}. */
        NETWORK,
        /** An activation, {@code bias}, a loss and {@code model}. */
        NETWORK_AND_LOSS
    }

    /**
     * Parses {@code request.variant()}.
     *
     * @param defaultLoss the loss when none is named ({@code null} for derivers without one)
     * @throws SpecificationException {@link ErrorCode#UNSUPPORTED} naming a token the deriver does not
     *                                accept, {@link ErrorCode#OUT_OF_RANGE} for a bad hyperparameter
     */
    static GradientVariant parse(String id, DeriveRequest request, Accepts accepts, String defaultLoss) {
        String activationName = null;
        String lossName = null;
        boolean bias = request.option("bias", 0) != 0;
        boolean model = false;
        for (String raw : request.variant().split("\\+")) {
            String token = raw.trim();
            if (token.isEmpty()) {
                continue;
            }
            if (Activations.NAMES.contains(token) && activationName == null) {
                activationName = token;
            } else if (token.equals("bias")) {
                bias = true;
            } else if (accepts == Accepts.NETWORK_AND_LOSS && LOSS_NAMES.contains(token) && lossName == null) {
                lossName = token;
            } else if (accepts == Accepts.NETWORK_AND_LOSS && token.equals("model")) {
                model = true;
            } else {
                throw new SpecificationException(ErrorCode.UNSUPPORTED, "variant",
                        "variant: '" + id + "' does not accept the token '" + token + "' in '" + request.variant()
                                + "'; expected tokens joined by '+': one activation of " + Activations.NAMES
                                + ", 'bias'" + (accepts == Accepts.NETWORK_AND_LOSS
                                        ? ", one loss of " + LOSS_NAMES + ", 'model'" : ""));
            }
        }
        Activation activation = Activations.named(activationName == null ? DEFAULT_ACTIVATION : activationName,
                optional(request, "iota"), optional(request, "omega"), optional(request, "alpha"));
        Loss loss = accepts == Accepts.NETWORK_AND_LOSS
                ? Loss.named(lossName == null ? defaultLoss : lossName) : null;
        if (model && loss != null && loss.statisticalModel().isEmpty()) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "variant",
                    "variant: the model Fisher draws y from the loss's statistical model, but the loss '"
                            + loss.name() + "' is not a negative log-likelihood; use it without 'model'");
        }
        return new GradientVariant(activation, bias, loss, model);
    }

    private static Double optional(DeriveRequest request, String name) {
        return request.options().get(name);
    }

    /** The canonical label, e.g. {@code leaky-relu(iota=0.1)+bias+square+model}. */
    String label() {
        List<String> parts = new ArrayList<>();
        parts.add(activation.label());
        if (bias) {
            parts.add("bias");
        }
        if (loss != null) {
            parts.add(loss.name());
        }
        if (modelFisher) {
            parts.add("model");
        }
        return String.join("+", parts);
    }
}
