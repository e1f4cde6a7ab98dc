package org.neuromanifold.numeric.expr;

import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.loss.StatisticalModel;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.numeric.autodiff.AutoDiff;
import org.neuromanifold.numeric.autodiff.Tape;
import org.neuromanifold.numeric.random.InputSampler;

/**
 * Expectations and Fisher information, exact wherever that is possible:
 * <ul>
 * <li>over the data set: the exact average over its rows;</li>
 * <li>over an empirical input distribution: the exact average over its rows;</li>
 * <li>over the model's Bernoulli or categorical output: exact enumeration of the outcomes, weighted by
 * p(y | f) = exp(−ℓ(f, y)) recorded on the tape (so derivatives of the expectation are exact too);</li>
 * <li>over the model's Gaussian output N(f, s²I): Gauss–Hermite quadrature with enough nodes to be
 * exact for the body's polynomial degree in y (found by {@link ExprAnalysis#targetDegree}), when the
 * tensor grid has at most {@link #QUADRATURE_LIMIT} points;</li>
 * <li>otherwise (Gaussian or uniform inputs, a Gaussian output with a non-polynomial body): Monte
 * Carlo with the context's sample count and seed, each draw weighted by a recorded constant 1/n so
 * that {@link MonteCarloGroup} can estimate the standard error.</li>
 * </ul>
 */
final class Expectations {
    /** The largest number of grid points (m^k) of an exact Gauss–Hermite evaluation. */
    static final int QUADRATURE_LIMIT = 4096;
    /** The largest output width whose 2^k Bernoulli outcomes are enumerated. */
    static final int BERNOULLI_ENUMERATION_LIMIT = 16;

    /** A body recorded in a sample scope. */
    @FunctionalInterface
    interface Body {
        int eval(Scope sample);
    }

    private final Compiler c;

    Expectations(Compiler compiler) {
        this.c = compiler;
    }

    /** 𝔼 over {@code over} of the body, in scope {@code s}; {@code degree} is the body's degree in y. */
    int expectation(Expr.Over over, Scope s, Body body, int degree, Expr node) {
        return switch (over) {
            case Expr.OverData d -> overData(body, node);
            case Expr.OverInputs in -> overInputs(in.distribution(), body, node);
            case Expr.OverModel m -> overModel(s, body, degree, node);
        };
    }

    private int overData(Body body, Expr node) {
        Dataset data = c.ctx.data();
        if (data == null) {
            throw c.fail(node, ErrorCode.UNSUPPORTED, "an expectation over data needs a data set, but the "
                    + "evaluation context has none");
        }
        return average(c.ctx.dataInputs(), c.ctx.dataTargets(), data.size(), body, null);
    }

    private int overInputs(InputDistribution dist, Body body, Expr node) {
        int d = c.net.inputDim();
        if (dist.dim() != d) {
            throw c.fail(node, ErrorCode.SHAPE_MISMATCH, "the input distribution has dimension " + dist.dim()
                    + ", but the network's input width is " + d);
        }
        String noTarget = "inputs drawn from an input distribution have no target y (take the expectation over "
                + "the data set, or over the model's output inside it)";
        if (dist instanceof InputDistribution.Empirical e) {
            return average(e.data().inputsFlat(), null, e.data().size(), body, noTarget);
        }
        Tape t = c.t;
        double[] x = new double[d];
        return monteCarlo(i -> {
            InputSampler.sampleInto(dist, c.rng(), x, 0);
            return body.eval(new Scope(t.vector(x), -1, noTarget));
        });
    }

    /** The exact average of the body over rows of inputs (and targets, if given). */
    private int average(double[] inputs, double[] targets, int n, Body body, String noTarget) {
        Tape t = c.t;
        int d = c.net.inputDim();
        int k = c.net.outputDim();
        int acc = -1;
        for (int i = 0; i < n; i++) {
            int x = t.vector(inputs, i * d, d);
            int y = targets == null ? -1 : t.vector(targets, i * k, k);
            int b = body.eval(new Scope(x, y, noTarget));
            acc = acc < 0 ? b : t.add(acc, b);
        }
        return n == 1 ? acc : t.scale(acc, 1.0 / n);
    }

    /** 𝔼_{y ∼ p(y | f_θ(x))} of the body, at the scope's x. */
    private int overModel(Scope s, Body body, int degree, Expr node) {
        StatisticalModel model = c.requireModel(node);
        Tape t = c.t;
        int f = c.lossInput(s, node);
        int k = t.size(f);
        return switch (model) {
            case StatisticalModel.Bernoulli b -> {
                if (k > BERNOULLI_ENUMERATION_LIMIT) {
                    throw c.fail(node, ErrorCode.UNSUPPORTED, "exact enumeration of a Bernoulli output of width " + k
                            + " needs 2^" + k + " outcomes; at most width " + BERNOULLI_ENUMERATION_LIMIT
                            + " is enumerated");
                }
                int acc = -1;
                double[] y = new double[k];
                for (int mask = 0; mask < (1 << k); mask++) {
                    for (int i = 0; i < k; i++) {
                        y[i] = (mask >>> i) & 1;
                    }
                    int yn = t.vector(y);
                    // p(y | f) = Π sigm(f)^y (1 − sigm(f))^(1−y) = exp(−BCE(f, y))
                    int weight = t.fn(Fn.EXP, t.neg(t.bceLoss(f, yn)));
                    int term = t.mul(weight, body.eval(s.withTarget(yn)));
                    acc = acc < 0 ? term : t.add(acc, term);
                }
                yield acc;
            }
            case StatisticalModel.Categorical cat -> {
                int acc = -1;
                for (int j = 0; j < k; j++) {
                    int yn = t.basisLike(f, j);
                    // p(y = j | f) = softmax(f)_j = exp(−CE(f, e_j))
                    int weight = t.fn(Fn.EXP, t.neg(t.softmaxCrossEntropy(f, yn)));
                    int term = t.mul(weight, body.eval(s.withTarget(yn)));
                    acc = acc < 0 ? term : t.add(acc, term);
                }
                yield acc;
            }
            case StatisticalModel.Gaussian g -> gaussian(s, f, g.s(), body, degree);
        };
    }

    /** y ∼ N(f, s² I): exact Gauss–Hermite quadrature when the body is a polynomial of small enough degree, else Monte Carlo. */
    private int gaussian(Scope s, int f, double sd, Body body, int degree) {
        Tape t = c.t;
        double[] mean = t.toArray(f);
        int k = mean.length;
        double[] y = new double[k];
        if (degree != ExprAnalysis.NOT_POLYNOMIAL) {
            int m = GaussHermite.nodesForDegree(degree);
            long points = 1;
            for (int i = 0; i < k && points <= QUADRATURE_LIMIT; i++) {
                points *= m;
            }
            if (m <= GaussHermite.MAX_NODES && points <= QUADRATURE_LIMIT) {
                double[] z = GaussHermite.nodes(m);
                double[] w = GaussHermite.weights(m);
                int[] digit = new int[k];
                int acc = -1;
                for (long q = 0; q < points; q++) {
                    double weight = 1;
                    for (int i = 0; i < k; i++) {
                        y[i] = mean[i] + sd * z[digit[i]];
                        weight *= w[digit[i]];
                    }
                    int term = t.scale(body.eval(s.withTarget(t.vector(y))), weight);
                    acc = acc < 0 ? term : t.add(acc, term);
                    for (int i = 0; i < k && ++digit[i] == m; i++) {
                        digit[i] = 0;
                    }
                }
                return acc;
            }
        }
        return monteCarlo(i -> {
            for (int j = 0; j < k; j++) {
                y[j] = mean[j] + sd * c.rng().nextGaussian();
            }
            return body.eval(s.withTarget(t.vector(y)));
        });
    }

    /** One Monte Carlo draw: records the body at a fresh sample. */
    @FunctionalInterface
    private interface Draw {
        int sample(int index);
    }

    /** (1/n) Σ b_i with each weight 1/n a recorded leaf; a group outside any other sampled expectation is registered for its standard error. */
    private int monteCarlo(Draw draw) {
        Tape t = c.t;
        int n = c.ctx.monteCarloSamples();
        int[] weights = new int[n];
        int acc = -1;
        c.monteCarloDepth++;
        try {
            for (int i = 0; i < n; i++) {
                int b = draw.sample(i);
                weights[i] = t.scalar(1.0 / n);
                int term = t.mul(weights[i], b);
                acc = acc < 0 ? term : t.add(acc, term);
            }
        } finally {
            c.monteCarloDepth--;
        }
        if (c.monteCarloDepth == 0) {
            c.monteCarloGroups.add(new MonteCarloGroup(weights));
        }
        return acc;
    }

    /**
     * The Fisher information 𝔼_{y∼p(y|x,θ)}[∇ ln p ∇ ln pᵀ] of the model's output distribution with
     * respect to a parameter group, at the scope's x; with {@code v ≥ 0}, its product with the vector v
     * (each outcome then contributes ∇ln p ⟨∇ln p, v⟩, never the matrix).
     */
    int fisher(ParameterGroup group, Scope s, int v, Expr node) {
        StatisticalModel model = c.requireModel(node);
        Tape t = c.t;
        int f = c.lossInput(s, node);
        int[] idx = c.indices(group);
        int size = idx == null ? t.size(c.theta) : idx.length;
        if (v >= 0 && t.size(v) != size) {
            throw c.fail(node, ErrorCode.SHAPE_MISMATCH, "the Fisher information is " + size + " × " + size
                    + ", but the vector has " + t.size(v) + " entries");
        }
        Body score = sample -> {
            int nll = switch (model) {
                case StatisticalModel.Gaussian g -> t.scale(t.squareLoss(f, sample.y), 1 / (g.s() * g.s()));
                case StatisticalModel.Bernoulli b -> t.bceLoss(f, sample.y);
                case StatisticalModel.Categorical cat -> t.softmaxCrossEntropy(f, sample.y);
            };
            int g = AutoDiff.grad(t, nll, c.theta);
            int sc = idx == null ? g : t.gather(g, idx);
            return v >= 0 ? t.mul(sc, t.dot(sc, v)) : t.outer(sc, sc);
        };
        // the score of a Gaussian model is linear in y, so the body has degree 2
        return overModel(s, score, 2, node);
    }
}
