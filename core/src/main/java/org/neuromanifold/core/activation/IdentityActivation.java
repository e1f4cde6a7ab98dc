package org.neuromanifold.core.activation;

import java.util.Map;

import org.neuromanifold.core.scalar.Term;

/** σ(z) = z. */
public record IdentityActivation() implements Activation {
    @Override
    public String name() {
        return "identity";
    }

    @Override
    public double value(double z) {
        return z;
    }

    @Override
    public double derivative(double z) {
        return 1;
    }

    @Override
    public double secondDerivative(double z) {
        return 0;
    }

    @Override
    public Term symbolic() {
        return Term.variable(VARIABLE);
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Map.of();
    }

    @Override
    public boolean positivelyHomogeneous() {
        return true;
    }
}
