package org.neuromanifold.core.loss;

import java.util.Optional;

/**
 * Binary cross-entropy on logits, per component: ℓ = Σ softplus(f) − y f with y ∈ {0, 1}
 * (= −y ln sigm(f) − (1−y) ln(1 − sigm(f))); ∂ℓ/∂f = sigm(f) − y; Bernoulli model.
 */
public record BinaryCrossEntropyLoss() implements Loss {
    @Override
    public String name() {
        return "bce";
    }

    @Override
    public double value(double[] f, double[] y) {
        LossChecks.check(name(), f, y);
        double acc = 0;
        for (int i = 0; i < f.length; i++) {
            // softplus(f) − y f, grouped as (max(f, 0) − y f) + ln(1 + e^{−|f|}): the bracket is exact for
            // y ∈ {0, 1}, so a small loss (confident and right, e.g. f = 40, y = 1) is not lost to cancellation
            acc += (Math.max(f[i], 0) - y[i] * f[i]) + Math.log1p(Math.exp(-Math.abs(f[i])));
        }
        return acc;
    }

    @Override
    public double[] gradient(double[] f, double[] y) {
        LossChecks.check(name(), f, y);
        double[] g = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            g[i] = org.neuromanifold.core.scalar.Fn.SIGMOID.apply(f[i]) - y[i];
        }
        return g;
    }

    @Override
    public Optional<StatisticalModel> statisticalModel() {
        return Optional.of(new StatisticalModel.Bernoulli());
    }
}
