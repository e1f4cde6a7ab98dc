package org.neuromanifold.core.activation;

import java.util.Map;

import org.neuromanifold.core.error.Checks;
import org.neuromanifold.core.scalar.Term;

/**
 * Leaky ReLU / PReLU: σ(z) = z for z &gt; 0 and ι·z otherwise, with 0 ≤ ι &lt; 1 (seed 003, eq. 16).
 * σ'(0) is taken as ι.
 *
 * @param iota the negative-side slope ι
 */
public record LeakyRelu(double iota) implements Activation {
    /** The hyperparameter symbol for ι. */
    public static final String IOTA = "iota";

    public LeakyRelu {
        Checks.inHalfOpen("leaky-relu iota", iota, 0.0, 1.0);
    }

    @Override
    public String name() {
        return "leaky-relu";
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : iota * z;
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1.0 : iota;
    }

    @Override
    public double secondDerivative(double z) {
        return 0;
    }

    @Override
    public Term symbolic() {
        Term z = Term.variable(VARIABLE);
        return new Term.Piecewise(z, Term.product(Term.variable(IOTA), z), z);
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Map.of(IOTA, iota);
    }

    @Override
    public boolean positivelyHomogeneous() {
        return true;
    }
}
