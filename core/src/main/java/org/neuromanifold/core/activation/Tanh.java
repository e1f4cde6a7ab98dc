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
        return sechSquared(z);
    }

    @Override
    public double secondDerivative(double z) {
        return -2 * Math.tanh(z) * sechSquared(z);
    }

    /**
     * sech²z = 4e^{−2|z|}/(1 + e^{−2|z|})², which keeps full relative accuracy for large |z| where
     * 1 − tanh²z cancels to 0 (for |z| ≳ 19), and never overflows.
     */
    private static double sechSquared(double z) {
        double e = Math.exp(-2 * Math.abs(z));
        double d = 1 + e;
        return 4 * e / (d * d);
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
