package org.neuromanifold.numeric.expr;

import java.util.Objects;

import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.numeric.model.ModelChecks;

/**
 * What an {@link org.neuromanifold.core.expr.Expr} is evaluated on: a network, its parameters θ, and
 * optionally a loss, one input x with target y, a data set (for expectations over data), a seed (for
 * Monte Carlo expectations) and the Monte Carlo sample count.
 *
 * <p>Everything is checked when the context is built: a NaN or infinite θ entry is refused naming the
 * parameter (e.g. {@code W1[0,2]}), an x, y or data set of the wrong width naming the argument and
 * both widths. The arrays are not copied (contexts are built once per verification trial, which must
 * stay cheap): do not change them while the context is in use.
 */
public final class EvalContext {
    /** The default number of Monte Carlo samples per expectation that has no exact evaluation. */
    public static final int DEFAULT_MONTE_CARLO_SAMPLES = 4096;

    private final Network network;
    private final Loss loss;
    private final double[] theta;
    private final double[] input;
    private final double[] target;
    private final Dataset data;
    private final double[] dataInputs;
    private final double[] dataTargets;
    private final long seed;
    private final int monteCarloSamples;

    private EvalContext(Builder b) {
        this.network = b.network;
        this.loss = b.loss;
        this.theta = ModelChecks.theta(network, b.theta);
        this.input = b.input == null ? null : ModelChecks.input(network, b.input, "x");
        this.target = b.target == null ? null : ModelChecks.target(network, b.target, "y");
        this.data = b.data == null ? null : ModelChecks.dataset(network, b.data, "data");
        this.dataInputs = data == null ? null : data.inputsFlat();
        this.dataTargets = data == null ? null : data.targetsFlat();
        this.seed = b.seed;
        this.monteCarloSamples = b.monteCarloSamples;
    }

    /** A builder for a network and its parameters θ (in {@code ParameterLayout} order). */
    public static Builder builder(Network network, double[] theta) {
        return new Builder(network, theta);
    }

    public Network network() {
        return network;
    }

    /** The loss, or {@code null} if none was given. */
    public Loss loss() {
        return loss;
    }

    double[] theta() {
        return theta;
    }

    /** The input x, or {@code null}. */
    double[] input() {
        return input;
    }

    /** The target y, or {@code null}. */
    double[] target() {
        return target;
    }

    /** The data set, or {@code null}. */
    public Dataset data() {
        return data;
    }

    double[] dataInputs() {
        return dataInputs;
    }

    double[] dataTargets() {
        return dataTargets;
    }

    public long seed() {
        return seed;
    }

    public int monteCarloSamples() {
        return monteCarloSamples;
    }

    /** Builds an {@link EvalContext}; every setter is optional except the network and θ. */
    public static final class Builder {
        private final Network network;
        private final double[] theta;
        private Loss loss;
        private double[] input;
        private double[] target;
        private Dataset data;
        private long seed;
        private int monteCarloSamples = DEFAULT_MONTE_CARLO_SAMPLES;

        private Builder(Network network, double[] theta) {
            this.network = Objects.requireNonNull(network, "network");
            this.theta = theta;
        }

        /** The per-sample loss ℓ(f, y) (needed by LossValue, gradients of the loss and the model's distribution). */
        public Builder loss(Loss loss) {
            this.loss = loss;
            return this;
        }

        /** The input x (width = the network's input width). */
        public Builder input(double[] x) {
            this.input = x;
            return this;
        }

        /** The target y (width = the network's output width). */
        public Builder target(double[] y) {
            this.target = y;
            return this;
        }

        /** The data set of expectations over data. */
        public Builder data(Dataset data) {
            this.data = data;
            return this;
        }

        /** The seed of Monte Carlo expectations (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Samples per Monte Carlo expectation (at least 2, for a standard error). */
        public Builder monteCarloSamples(int n) {
            if (n < 2) {
                throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "monteCarloSamples",
                        "at least 2 (a standard error needs two samples)", n);
            }
            this.monteCarloSamples = n;
            return this;
        }

        public EvalContext build() {
            return new EvalContext(this);
        }
    }
}
