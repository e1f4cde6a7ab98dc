package org.neuromanifold.core.activation;

import java.util.Map;

import org.neuromanifold.core.scalar.Term;

/** σ(z) = max(0, z); σ'(0) is taken as 0. */
public record Relu() implements Activation {
    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : 0.0;
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1.0 : 0.0;
    }

    @Override
    public double secondDerivative(double z) {
        return 0;
    }

    @Override
    public Term symbolic() {
        Term z = Term.variable(VARIABLE);
        return new Term.Piecewise(z, Term.ZERO, z);
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
