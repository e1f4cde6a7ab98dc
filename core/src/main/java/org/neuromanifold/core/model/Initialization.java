package org.neuromanifold.core.model;

import org.neuromanifold.core.error.Checks;

/**
 * How θ is drawn. Weights of a layer with fan-in {@code n} are N(0, σ_w²/n) and biases N(0, σ_b²); the
 * named schemes fix σ_w² and σ_b² (seed 004, He and Xavier; seed 001, the α_w², α_h² of mean-field
 * theory).
 */
public sealed interface Initialization permits Initialization.He, Initialization.Xavier, Initialization.Scaled {
    /** σ_w²: weight variance times fan-in. */
    double weightVarianceScale();

    /** σ_b²: bias variance. */
    double biasVariance();

    /** He: σ_w² = 2, b = 0 (ReLU keeps the pre-activation variance constant across layers). */
    record He() implements Initialization {
        @Override
        public double weightVarianceScale() {
            return 2;
        }

        @Override
        public double biasVariance() {
            return 0;
        }
    }

    /** Xavier for tanh near 0 (tanh x ≈ x): σ_w² = 1, b = 0. */
    record Xavier() implements Initialization {
        @Override
        public double weightVarianceScale() {
            return 1;
        }

        @Override
        public double biasVariance() {
            return 0;
        }
    }

    /** Custom σ_w² (= α_w²) and σ_b² (= α_h²). */
    record Scaled(double weightVarianceScale, double biasVariance) implements Initialization {
        public Scaled {
            Checks.positive("weight variance scale sw2", weightVarianceScale);
            Checks.finite("bias variance sb2", biasVariance);
            if (biasVariance < 0) {
                throw org.neuromanifold.core.error.SpecificationException.expected(
                        org.neuromanifold.core.error.ErrorCode.OUT_OF_RANGE, "bias variance sb2", "a value >= 0",
                        biasVariance);
            }
        }
    }
}
