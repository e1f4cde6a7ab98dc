package org.neuromanifold.core.result;

import java.util.Objects;

/**
 * The numeric verdict on an identity over random instances.
 *
 * @param id             the identity id
 * @param activation     the activation label of the instances
 * @param depth          L, the number of hidden layers
 * @param width          the hidden width
 * @param bias           whether the instances have biases
 * @param trials         how many random instances were evaluated
 * @param holds          observed: both sides agreed within tolerance on every trial
 * @param expected       whether the preconditions say it should hold
 * @param maxAbsError    max absolute error over the trials
 * @param maxRelError    max relative error over the trials
 * @param tolerance      the tolerance used
 * @param counterexample the shrunk counterexample when it does not hold, else {@code null}
 */
public record VerificationResult(String id, String activation, int depth, int width, boolean bias, int trials,
        boolean holds, boolean expected, double maxAbsError, double maxRelError, double tolerance,
        Counterexample counterexample) {
    public VerificationResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activation, "activation");
    }

    /** Whether what was observed is what the preconditions predict. */
    public boolean asPredicted() {
        return holds == expected;
    }
}
