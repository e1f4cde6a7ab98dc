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
            double softplus = Math.max(f[i], 0) + Math.log1p(Math.exp(-Math.abs(f[i])));
            acc += softplus - y[i] * f[i];
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
