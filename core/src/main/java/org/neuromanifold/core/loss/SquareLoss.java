package org.neuromanifold.core.loss;

import java.util.Optional;

/** ℓ = ½‖f − y‖²; ∂ℓ/∂f = f − y; Gaussian model with s = 1. */
public record SquareLoss() implements Loss {
    @Override
    public String name() {
        return "square";
    }

    @Override
    public double value(double[] f, double[] y) {
        LossChecks.check(name(), f, y);
        double acc = 0;
        for (int i = 0; i < f.length; i++) {
            double r = f[i] - y[i];
            acc += r * r;
        }
        return 0.5 * acc;
    }

    @Override
    public double[] gradient(double[] f, double[] y) {
        LossChecks.check(name(), f, y);
        double[] g = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            g[i] = f[i] - y[i];
        }
        return g;
    }

    @Override
    public Optional<StatisticalModel> statisticalModel() {
        return Optional.of(new StatisticalModel.Gaussian(1.0));
    }
}
