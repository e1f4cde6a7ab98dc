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

    /*
     * With m = max f and s = Σ exp(f_i − m) ∈ [1, k], logsumexp(f) = m + ln s. Forming m + ln s first
     * and subtracting f_i afterwards loses ln s when |m| is large (1e17 + ln 2 rounds to 1e17), so the
     * loss uses (m − f_i) + ln s and the softmax exp(f_i − m)/s; both are accurate for any finite f.
     * Classes with y_i = 0 are skipped, so m − f_i overflowing (f spanning more than MAX_VALUE) cannot
     * turn 0·∞ into NaN.
     */

    @Override
    public double value(double[] f, double[] y) {
        LossChecks.check(name(), f, y);
        double m = max(f);
        double logS = Math.log(shiftedSum(f, m));
        double acc = 0;
        for (int i = 0; i < f.length; i++) {
            if (y[i] != 0) { // 0·(m − f_i) is 0 even where m − f_i overflows
                acc += y[i] * ((m - f[i]) + logS);
            }
        }
        return acc;
    }

    @Override
    public double[] gradient(double[] f, double[] y) {
        LossChecks.check(name(), f, y);
        double m = max(f);
        double s = shiftedSum(f, m);
        double mass = 0;
        for (double v : y) {
            mass += v;
        }
        double[] g = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            g[i] = Math.exp(f[i] - m) / s * mass - y[i];
        }
        return g;
    }

    /** ln Σ exp(f_i), computed with the maximum factored out. */
    public static double logSumExp(double[] f) {
        double m = max(f);
        return m + Math.log(shiftedSum(f, m));
    }

    private static double max(double[] f) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : f) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Σ exp(f_i − m). */
    private static double shiftedSum(double[] f, double m) {
        double s = 0;
        for (double v : f) {
            s += Math.exp(v - m);
        }
        return s;
    }

    @Override
    public Optional<StatisticalModel> statisticalModel() {
        return Optional.of(new StatisticalModel.Categorical());
    }
}
