package org.neuromanifold.core.activation;

import java.util.Map;

import org.neuromanifold.core.error.Checks;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;

/**
 * ELU: σ(z) = z for z ≥ 0 and α(e^z − 1) for z &lt; 0, α &gt; 0 (seed 003, eq. 19). σ'(0) is taken as 1.
 *
 * @param alpha the saturation scale α
 */
public record Elu(double alpha) implements Activation {
    /** The hyperparameter symbol for α. */
    public static final String ALPHA = "alpha";

    public Elu {
        Checks.positive("elu alpha", alpha);
    }

    @Override
    public String name() {
        return "elu";
    }

    @Override
    public double value(double z) {
        return z >= 0 ? z : alpha * Math.expm1(z);
    }

    @Override
    public double derivative(double z) {
        return z >= 0 ? 1.0 : alpha * Math.exp(z);
    }

    @Override
    public double secondDerivative(double z) {
        return z >= 0 ? 0.0 : alpha * Math.exp(z);
    }

    @Override
    public Term symbolic() {
        Term z = Term.variable(VARIABLE);
        return new Term.Piecewise(z,
                Term.product(Term.variable(ALPHA), Term.difference(Term.apply(Fn.EXP, z), Term.ONE)), z);
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Map.of(ALPHA, alpha);
    }

    @Override
    public boolean positivelyHomogeneous() {
        return false;
    }
}
