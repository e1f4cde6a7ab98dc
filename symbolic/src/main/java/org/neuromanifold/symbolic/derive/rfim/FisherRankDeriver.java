package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.neuromanifold.core.activation.Sigmoid;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.result.NumericCertificate;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;
import org.neuromanifold.symbolic.derive.NumericComparison;
import org.neuromanifold.symbolic.symja.SymjaEngine;

/**
 * {@code fim-rank}: over n samples the Fisher information of a network with one Bernoulli output has
 * rank ≤ n, and a layer's relative Fisher information rank ≤ n·D_h (seed 003, §4, eq. 27).
 *
 * <ul>
 * <li>variant {@code network} (tanh hidden layer, sigmoid Bernoulli output): per sample the general
 * Bernoulli form gives 𝓘 = (1/(μ(1−μ))) ∇_θμ ∇_θμᵀ, one rank-one term, so g(Θ) is a sum of n rank-one
 * matrices; the step is proved on a concrete network (d = 1, one hidden unit, the output's
 * pre-activation a symbol);</li>
 * <li>variant {@code layer} (a sigmoid Bernoulli layer): by rfim-layer each sample contributes
 * diag(ν(z)) ⊗ x̃x̃ᵀ, D_h rank-one terms, so the rank is at most n·D_h (proved on a concrete layer).</li>
 * </ul>
 * The ranks themselves are shown on real numbers: the matrices computed by the numeric engine on random
 * instances (options {@code samples} n, {@code width}), rank by SVD with the threshold
 * max(rows, cols)·σ_max·2⁻⁵², compared with the bound and with the bound's attainment.
 */
public final class FisherRankDeriver implements Deriver {
    private static final int INPUTS = 4;

    @Override
    public String id() {
        return "fim-rank";
    }

    @Override
    public List<String> variants() {
        return List.of("network", "layer");
    }

    /** Every variant is its own instance of the theorem, so the catalogue runs them all. */
    @Override
    public List<String> catalogueVariants() {
        return variants();
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        Rfim.allowOnly(request, Set.of("samples", "width"));
        String variant = request.variantOr("network");
        if (!variants().contains(variant)) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "variant",
                    "variant: expected one of " + variants() + ", got '" + variant + "'");
        }
        SymjaEngine.prepareThread();
        try {
            return variant.equals("network") ? network(request) : layer(request);
        } catch (SpecificationException e) {
            if (e.code() == ErrorCode.OUT_OF_RANGE) {
                throw e;
            }
            return Rfim.incomplete(id(), "Rank of the Fisher information over n samples", variant,
                    new Expr.FisherInformation(ParameterGroup.ALL), e);
        } catch (RuntimeException e) {
            return Rfim.incomplete(id(), "Rank of the Fisher information over n samples", variant,
                    new Expr.FisherInformation(ParameterGroup.ALL), e);
        }
    }

    /** d → width (tanh) → 1 (sigmoid Bernoulli). */
    private static StochasticNetwork bernoulliNetwork(int d, int width) {
        return bernoulliNetwork(d, width, new Tanh());
    }

    /** d → width (hidden activation) → 1 (sigmoid Bernoulli). */
    private static StochasticNetwork bernoulliNetwork(int d, int width, org.neuromanifold.core.activation.Activation hidden) {
        return new StochasticNetwork(Network.of(d, List.of(new Dense(d, width, true, hidden),
                new Dense(width, 1, true, new Sigmoid()))), new ResponseModel.SigmoidBernoulli());
    }

    private DerivedResult network(DeriveRequest request) {
        int width = Rfim.intOption(request, "width", 3, 1, 8);
        int parameters = bernoulliNetwork(INPUTS, width).declared().parameterCount();
        int n = Rfim.intOption(request, "samples", 4, 1, parameters - 1);
        List<RfimPoint> points = RfimPoint.randomWithSample(request.seed(), request.points(),
                i -> bernoulliNetwork(INPUTS, width), n);
        SymbolicInstance instance = SymbolicInstance.withSymbolicOutputs(bernoulliNetwork(1, 1));

        Expr start = new Expr.Expectation(new Expr.OverData(), new Expr.FisherInformation(ParameterGroup.ALL));
        TensorChain chain = TensorChain.start(id(), "Rank of the Fisher information over n samples", "network", points,
                Rfim.TOLERANCE, start, TensorChain.Order.AS_IS, instance);
        chain.assume("a network $" + INPUTS + " \\to " + width + " \\to 1$ (tanh hidden layer) with one Bernoulli output, "
                + "$p(y = 1) = \\mu = \\operatorname{sigm}(f_\\theta(x))$, $P = " + parameters + "$ parameters; the average "
                + "over a sample of $n = " + n + "$ inputs (rank is the same for the sum)");
        Term t = Term.variable(NeuronCoefficient.T);
        Term p = Term.apply(Fn.SIGMOID, t);
        Expr logit = new Expr.Component(new Expr.Output(), 0);
        Expr mu = new Expr.ScalarTerm(p, Map.of(NeuronCoefficient.T, logit), Map.of());
        Expr inverseVariance = new Expr.ScalarTerm(Term.power(Term.product(p, Term.difference(Term.ONE, p)),
                Term.MINUS_ONE), Map.of(NeuronCoefficient.T, logit), Map.of());
        Expr gradMu = new Expr.Grad(mu, new Expr.WrtParams(ParameterGroup.ALL));
        chain.stepOnInstance(new Expr.Expectation(new Expr.OverData(), new Expr.Mul(inverseVariance,
                new Expr.Outer(gradMu, gradMu))), TensorChain.Order.AS_IS, "general Bernoulli form for each sample "
                        + "(seed eqs. 27, 46): $\\mathcal{I} = \\frac{1}{\\mu(1-\\mu)} \\nabla_\\theta \\mu\\, \\nabla_\\theta "
                        + "\\mu^{\\top}$, a rank-one matrix; hence $g(\\Theta)$ is a sum of $n$ rank-one terms and "
                        + "$\\operatorname{rank} g(\\Theta) \\le n$ (rank is subadditive)");

        List<DerivedResult.CrossCheck> checks = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        for (RfimPoint pt : points) {
            Rank r = rank(sampleFisher(pt, ParameterGroup.ALL));
            ranks.add(r.rank);
            gaps.add(r.gap);
        }
        checks.add(rankCheck("rank g(\u0398) \u2264 n: ranks " + ranks + " of the " + parameters + "\u00d7" + parameters
                + " Fisher information (from the seed's model on the tape, summed over n = " + n + " samples) by SVD "
                + "with threshold max(rows, cols)\u00b7\u03c3_max\u00b72\u207b\u2075\u00b2", Relation.LE, ranks, n));
        checks.add(rankCheck("the bound is attained: rank g(\u0398) = n = " + n + " (smallest gap \u03c3_n/\u03c3_{n+1} = "
                + String.format(Locale.ROOT, "%.3g", gaps.stream().mapToDouble(Double::doubleValue).min().orElse(0))
                + ")", Relation.EQ, ranks, n));
        return new DerivedResult(chain.build(), Optional.empty(), checks, Optional.of(new DerivedResult.SeedFormulaCheck(
                ranks.stream().allMatch(r -> r <= n), "seed \u00a74 after eq. 27: rank(g(\u0398)) \u2264 n; observed ranks "
                        + ranks + " with n = " + n + " and P = " + parameters)));
    }

    private DerivedResult layer(DeriveRequest request) {
        int width = Rfim.intOption(request, "width", 3, 1, 8);
        int parameters = width * (INPUTS + 1);
        int n = Rfim.intOption(request, "samples", 2, 1, 64);
        ResponseModel model = new ResponseModel.SigmoidBernoulli();
        NeuronCoefficient nu = NeuronCoefficient.derive(model);
        List<RfimPoint> points = RfimPoint.randomWithSample(request.seed(), request.points(),
                i -> StochasticNetwork.layer(INPUTS, width, model), n);
        SymbolicInstance instance = SymbolicInstance.of(StochasticNetwork.layer(1, 2, model));

        Expr start = new Expr.Expectation(new Expr.OverData(), new Expr.FisherInformation(new ParameterGroup.Layer(0)));
        TensorChain chain = TensorChain.start(id(), "Rank of a layer's relative Fisher information over n samples",
                "layer", points, Rfim.TOLERANCE, start, TensorChain.Order.layerInLayoutOrder(0), instance);
        chain.assume("a layer $h = f(W\\tilde{x})$ of $D_h = " + width + "$ sigmoid Bernoulli units on $" + INPUTS
                + "$ inputs, $" + parameters + "$ parameters stacked neuron by neuron; the average over a sample of $n = "
                + n + "$ inputs");
        Expr kron = new Expr.Kron(new Expr.Diag(List.of(Rfim.coefficient(nu, nu.result(), new Expr.PreActivation(0)))),
                Rfim.XX);
        chain.stepOnInstance(new Expr.Expectation(new Expr.OverData(), kron), TensorChain.Order.AS_IS, "rfim-layer for "
                + "each sample: $\\operatorname{diag}(\\nu(z^{(0)})) \\otimes \\tilde{x}\\tilde{x}^{\\top} = \\sum_i "
                + "\\nu(z_i)\\,(e_i e_i^{\\top}) \\otimes \\tilde{x}\\tilde{x}^{\\top}$, $D_h$ rank-one terms; hence "
                + "$\\operatorname{rank} g^h(W) \\le n D_h$");

        List<Integer> ranks = new ArrayList<>();
        List<Integer> networkRanks = new ArrayList<>();
        for (RfimPoint pt : points) {
            ranks.add(rank(sampleFisher(pt, new ParameterGroup.Layer(0))).rank);
            networkRanks.add(rank(sampleFisher(networkWithThisLayer(pt), ParameterGroup.ALL)).rank);
        }
        int bound = n * width;
        int attainable = Math.min(bound, parameters);
        List<DerivedResult.CrossCheck> checks = new ArrayList<>();
        checks.add(rankCheck("rank g^h(W) \u2264 n\u00b7D_h = " + bound + ": ranks " + ranks + " of the " + parameters
                + "\u00d7" + parameters + " relative Fisher information (seed's model on the tape, summed over the sample) "
                + "by SVD with threshold max(rows, cols)\u00b7\u03c3_max\u00b72\u207b\u2075\u00b2", Relation.LE, ranks, bound));
        checks.add(rankCheck("attained: rank = min(n\u00b7D_h, P) = " + attainable, Relation.EQ, ranks, attainable));
        checks.add(rankCheck("the Fisher information of a whole network (this layer, deterministic, then one sigmoid "
                + "Bernoulli output with fixed weights 0.5, 0.75, \u2026; all parameters) over the same sample has ranks " + networkRanks + " \u2264 n = " + n
                + ": the layer's relative Fisher information has the higher rank (seed \u00a74)", Relation.LE,
                networkRanks, n));
        return new DerivedResult(chain.build(), Optional.empty(), checks, Optional.of(new DerivedResult.SeedFormulaCheck(
                ranks.stream().allMatch(r -> r <= bound), "seed \u00a74: rank(g^h(W)) \u2264 nD_h, \"an achievable upper "
                        + "bound\"; observed ranks " + ranks + " with n\u00b7D_h = " + bound + " and P = " + parameters)));
    }

    /** The same θ and sample on a network: this layer (deterministic), then one sigmoid Bernoulli output. */
    private static RfimPoint networkWithThisLayer(RfimPoint p) {
        Dense layer = p.net().declared().layers().get(0);
        StochasticNetwork net = bernoulliNetwork(layer.in(), layer.out(), layer.activation());
        double[] theta = java.util.Arrays.copyOf(p.theta(), net.declared().parameterCount());
        for (int i = p.theta().length; i < theta.length; i++) {
            theta[i] = 0.5 + 0.25 * (i - p.theta().length);
        }
        return new RfimPoint(net, theta, p.x(), p.data());
    }

    /** Σ over the sample of the Fisher information of {@code group}, from the seed's model on the tape. */
    private static double[][] sampleFisher(RfimPoint p, ParameterGroup group) {
        double[][] acc = null;
        for (double[] x : p.data()) {
            double[][] g = DefinitionFisher.fisher(p.net(), p.theta(), x, group);
            if (acc == null) {
                acc = g;
            } else {
                for (int i = 0; i < g.length; i++) {
                    for (int j = 0; j < g.length; j++) {
                        acc[i][j] += g[i][j];
                    }
                }
            }
        }
        return acc;
    }

    /** A numeric rank and the gap σ_r/σ_{r+1} after it (∞ at full rank). */
    record Rank(int rank, double gap) {
    }

    /** Rank by SVD: singular values above max(rows, cols)·σ_max·2⁻⁵² count. */
    static Rank rank(double[][] m) {
        double[] s = new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSingularValues();
        double threshold = Math.max(m.length, m[0].length) * s[0] * Math.ulp(1.0);
        int r = 0;
        while (r < s.length && s[r] > threshold) {
            r++;
        }
        double gap = r == 0 ? 0 : r == s.length ? Double.POSITIVE_INFINITY : s[r - 1] / Math.max(s[r], Double.MIN_VALUE);
        return new Rank(r, gap);
    }

    private static DerivedResult.CrossCheck rankCheck(String description, Relation relation, List<Integer> ranks,
            int bound) {
        List<double[]> lhs = ranks.stream().map(r -> new double[] {r}).toList();
        List<double[]> rhs = ranks.stream().map(r -> new double[] {bound}).toList();
        NumericCertificate c = NumericComparison.compare(relation, lhs, rhs, 0.0);
        return new DerivedResult.CrossCheck(description, c);
    }
}
