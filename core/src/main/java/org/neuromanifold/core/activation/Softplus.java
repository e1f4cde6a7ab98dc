package org.neuromanifold.core.activation;

import java.util.Map;

import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;

/** σ(z) = ln(1 + e^z); σ' = sigm. */
public record Softplus() implements Activation {
    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public double value(double z) {
        // max(z, 0) + ln(1 + e^{-|z|}) avoids overflow for large z and cancellation for very negative z
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    public double derivative(double z) {
        return Fn.SIGMOID.apply(z);
    }

    @Override
    public double secondDerivative(double z) {
        return Sigmoid.logisticDerivative(z);
    }

    @Override
    public Term symbolic() {
        return Term.apply(Fn.LOG, Term.sum(Term.ONE, Term.apply(Fn.EXP, Term.variable(VARIABLE))));
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
