package org.neuromanifold.core.activation;

import java.util.Map;

import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;

/** σ(z) = sigm(z) = 1/(1+e^{−z}). */
public record Sigmoid() implements Activation {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public double value(double z) {
        return Fn.SIGMOID.apply(z);
    }

    @Override
    public double derivative(double z) {
        double s = Fn.SIGMOID.apply(z);
        return s * (1 - s);
    }

    @Override
    public double secondDerivative(double z) {
        double s = Fn.SIGMOID.apply(z);
        return s * (1 - s) * (1 - 2 * s);
    }

    @Override
    public Term symbolic() {
        return Term.apply(Fn.SIGMOID, Term.variable(VARIABLE));
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
