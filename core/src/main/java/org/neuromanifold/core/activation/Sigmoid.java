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
        return logisticDerivative(z);
    }

    @Override
    public double secondDerivative(double z) {
        // sigm'' = sigm'·(1 − 2 sigm) and 1 − 2 sigm(z) = −tanh(z/2), which has no cancellation
        return -logisticDerivative(z) * Math.tanh(z / 2);
    }

    /**
     * sigm'(z) = sigm(z)·sigm(−z). Unlike s(1 − s) it keeps full relative accuracy for large z, where
     * 1 − s would cancel to 0 (s(1 − s) gives 0 for z ≳ 37 instead of ≈ e^{−z}).
     */
    static double logisticDerivative(double z) {
        return Fn.SIGMOID.apply(z) * Fn.SIGMOID.apply(-z);
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
