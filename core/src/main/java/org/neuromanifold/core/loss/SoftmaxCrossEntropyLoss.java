package org.neuromanifold.core.loss;

import java.util.Optional;

/**
 * Softmax cross-entropy on logits: ℓ = logsumexp(f) − Σ y_i f_i with y a probability vector (one-hot
 * for a label); ∂ℓ/∂f = softmax(f)·Σy − y; categorical model.
 */
public record SoftmaxCrossEntropyLoss() implements Loss {
    @Override
    public String name() {
        return "softmax-ce";
    }

    @Override
    public double value(double[] f, double[] y) {
        LossChecks.check(name(), f, y);
        double lse = logSumExp(f);
        double acc = 0;
        for (int i = 0; i < f.length; i++) {
            acc += y[i] * (lse - f[i]);
        }
        return acc;
    }

    @Override
    public double[] gradient(double[] f, double[] y) {
        LossChecks.check(name(), f, y);
        double lse = logSumExp(f);
        double mass = 0;
        for (double v : y) {
            mass += v;
        }
        double[] g = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            g[i] = Math.exp(f[i] - lse) * mass - y[i];
        }
        return g;
    }

    /** ln Σ exp(f_i), computed with the maximum factored out. */
    public static double logSumExp(double[] f) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : f) {
            m = Math.max(m, v);
        }
        double s = 0;
        for (double v : f) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    @Override
    public Optional<StatisticalModel> statisticalModel() {
        return Optional.of(new StatisticalModel.Categorical());
    }
}
