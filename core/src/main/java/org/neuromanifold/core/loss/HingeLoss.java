package org.neuromanifold.core.loss;

import java.util.Optional;

/**
 * Hinge loss ℓ(t, y) = Σ max(0, 1 − y t) with y ∈ {−1, 1} (seed 000); ∂ℓ/∂t = −y where y t &lt; 1 and 0
 * where y t &gt; 1. At the kink y t = 1 the subgradient 0 is returned. No statistical model.
 */
public record HingeLoss() implements Loss {
    @Override
    public String name() {
        return "hinge";
    }

    @Override
    public double value(double[] f, double[] y) {
        LossChecks.check(name(), f, y);
        double acc = 0;
        for (int i = 0; i < f.length; i++) {
            acc += Math.max(0, 1 - y[i] * f[i]);
        }
        return acc;
    }

    @Override
    public double[] gradient(double[] f, double[] y) {
        LossChecks.check(name(), f, y);
        double[] g = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            g[i] = y[i] * f[i] < 1 ? -y[i] : 0.0;
        }
        return g;
    }

    @Override
    public Optional<StatisticalModel> statisticalModel() {
        return Optional.empty();
    }
}
