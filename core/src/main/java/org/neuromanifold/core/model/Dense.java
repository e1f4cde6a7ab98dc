package org.neuromanifold.core.model;

import java.util.Objects;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.error.Checks;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * A fully connected layer {@code h ↦ σ(W h + b)} with {@code W} of shape {@code out × in}.
 *
 * @param in         input width
 * @param out        output width
 * @param bias       whether the layer has a bias vector {@code b}
 * @param activation the elementwise activation σ
 */
public record Dense(int in, int out, boolean bias, Activation activation) {
    public Dense {
        Checks.positive("Dense in", in);
        Checks.positive("Dense out", out);
        Objects.requireNonNull(activation, "activation");
        long count = (long) in * out + (bias ? out : 0);
        if (count > Integer.MAX_VALUE) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "Dense " + in + "→" + out,
                    "at most " + Integer.MAX_VALUE + " parameters (θ is one double[])", count);
        }
    }

    /** Number of parameters: {@code in·out (+ out)}. */
    public int parameterCount() {
        return in * out + (bias ? out : 0);
    }

    @Override
    public String toString() {
        return "Dense(" + in + "→" + out + (bias ? ", bias" : ", no bias") + ", " + activation.label() + ")";
    }
}
