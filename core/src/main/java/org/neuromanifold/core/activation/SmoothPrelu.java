package org.neuromanifold.core.activation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neuromanifold.core.error.Checks;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;

/**
 * Smoothed PReLU: σ(z) = ω·ln(exp(ιz/ω) + exp(z/ω)), 0 ≤ ι &lt; 1, ω &gt; 0 (seed 003, eq. 17 as corrected
 * in the design page: the seed's text lost the ι in the first exponent). It tends to the PReLU as
 * ω → 0⁺. σ'(z) = ι + (1−ι)·sigm((1−ι)z/ω).
 *
 * @param iota  the negative-side slope ι
 * @param omega the smoothing width ω
 */
public record SmoothPrelu(double iota, double omega) implements Activation {
    /** The hyperparameter symbol for ω. */
    public static final String OMEGA = "omega";

    public SmoothPrelu {
        Checks.inHalfOpen("prelu-smooth iota", iota, 0.0, 1.0);
        Checks.positive("prelu-smooth omega", omega);
    }

    @Override
    public String name() {
        return "prelu-smooth";
    }

    @Override
    public double value(double z) {
        // ω·ln(e^{ιz/ω} + e^{z/ω}) = max(z, ιz) + ω·ln(1 + e^{−(1−ι)|z|/ω}): no quotient z/ω that could
        // overflow (z near Double.MAX_VALUE, small ω), and log1p keeps the small correction accurate
        return Math.max(z, iota * z) + omega * Math.log1p(Math.exp(-(1 - iota) * Math.abs(z) / omega));
    }

    @Override
    public double derivative(double z) {
        return iota + (1 - iota) * Fn.SIGMOID.apply((1 - iota) * z / omega);
    }

    @Override
    public double secondDerivative(double z) {
        return (1 - iota) * (1 - iota) / omega * Sigmoid.logisticDerivative((1 - iota) * z / omega);
    }

    @Override
    public Term symbolic() {
        Term z = Term.variable(VARIABLE);
        Term w = Term.variable(OMEGA);
        Term iw = Term.quotient(Term.product(Term.variable(LeakyRelu.IOTA), z), w);
        return Term.product(w, Term.apply(Fn.LOG,
                Term.sum(Term.apply(Fn.EXP, iw), Term.apply(Fn.EXP, Term.quotient(z, w)))));
    }

    @Override
    public Map<String, Double> hyperparameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(LeakyRelu.IOTA, iota);
        m.put(OMEGA, omega);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean positivelyHomogeneous() {
        return false;
    }
}
