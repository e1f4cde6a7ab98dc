package org.neuromanifold.core.activation;

import java.util.Map;

import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;

/** σ(z) = tanh z. */
public record Tanh() implements Activation {
    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public double value(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z) {
        double t = Math.tanh(z);
        return 1 - t * t;
    }

    @Override
    public double secondDerivative(double z) {
        double t = Math.tanh(z);
        return -2 * t * (1 - t * t);
    }

    @Override
    public Term symbolic() {
        return Term.apply(Fn.TANH, Term.variable(VARIABLE));
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Map.of();
    }

    @Override
    public boolean positivelyHomogeneous() {
        return false;
    }
}
