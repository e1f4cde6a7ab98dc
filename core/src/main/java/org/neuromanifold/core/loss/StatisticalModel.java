package org.neuromanifold.core.loss;

import org.neuromanifold.core.error.Checks;

/**
 * The conditional distribution p(y | f) a loss is the negative log-likelihood of (up to a constant).
 * The Fisher matrices need it: the model Fisher draws y from it.
 */
public sealed interface StatisticalModel permits StatisticalModel.Gaussian, StatisticalModel.Bernoulli,
        StatisticalModel.Categorical {

    /** y ~ N(f, s² I). Square loss ½(f−y)² is its negative log-likelihood for s = 1. */
    record Gaussian(double s) implements StatisticalModel {
        public Gaussian {
            Checks.positive("Gaussian s", s);
        }
    }

    /** y ∈ {0, 1}, p(y = 1) = sigm(f) per output component. */
    record Bernoulli() implements StatisticalModel {
    }

    /** y ∈ {0, …, k−1}, p(y = i) = softmax(f)_i. */
    record Categorical() implements StatisticalModel {
    }
}
