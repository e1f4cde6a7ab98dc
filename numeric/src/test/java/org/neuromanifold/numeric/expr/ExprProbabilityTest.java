package org.neuromanifold.numeric.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.core.expr.Exprs.gradTheta;
import static org.neuromanifold.core.expr.Exprs.input;
import static org.neuromanifold.core.expr.Exprs.loss;
import static org.neuromanifold.core.expr.Exprs.meanOverModel;
import static org.neuromanifold.core.expr.Exprs.output;
import static org.neuromanifold.core.expr.Exprs.target;
import static org.neuromanifold.core.expr.Exprs.theta;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.numeric.model.NetworkEvaluator;
import org.neuromanifold.numeric.model.ReferenceNetwork;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;
import org.neuromanifold.numeric.tensor.Tensor;

/**
 * Expectations and Fisher information against closed forms: exact enumeration (Bernoulli,
 * categorical), exact Gauss–Hermite quadrature (Gaussian bodies polynomial in y), and Monte Carlo with
 * its standard error (values within 5 standard errors of the truth, standard errors within 10% of
 * σ/√n; with n = 4096 the relative sampling error of a standard error is about 1/√(2n) ≈ 1.1%).
 */
class ExprProbabilityTest {
    private static final double[] X = {0.4, -0.9, 0.6};
    private final ExprEvaluator ev = new ExprEvaluator();

    private static Network net(int outputs) {
        return Network.mlp(new int[] {3, 4, outputs}, new Tanh(), new IdentityActivation(), true);
    }

    private static double[] randomTheta(Network n, long seed) {
        return ExprNodeTest.gaussian(Xoshiro256PlusPlus.of(seed), n.parameterCount());
    }

    private static EvalContext ctx(Network n, double[] th, Loss loss) {
        return EvalContext.builder(n, th).loss(loss).input(X).build();
    }

    @Test
    void bernoulliOutputIsEnumeratedExactlyAndDifferentiably() {
        Network n = net(2);
        double[] th = randomTheta(n, 2);
        EvalContext c = ctx(n, th, new BinaryCrossEntropyLoss());
        double[] f = ReferenceNetwork.output(n, th, X);
        double[] p = {sigm(f[0]), sigm(f[1])};
        Estimate mean = ev.evaluate(meanOverModel(target()), c);
        assertTrue(mean.exact());
        assertArrayEquals(p, mean.value().toArray(), 1e-15);
        double entropy = h(p[0]) + h(p[1]);
        assertEquals(entropy, ev.evaluate(meanOverModel(loss()), c).scalar(), 1e-14);
        // ∇_θ Σ H(sigm f_i) = Σ_i −f_i p_i (1 − p_i) ∇_θ f_i (the weights p(y|f) are differentiated too)
        Tensor j = new NetworkEvaluator(n).outputJacobian(th, X);
        double[] g = ev.evaluate(gradTheta(meanOverModel(loss())), c).value().toArray();
        for (int q = 0; q < th.length; q++) {
            double expected = 0;
            for (int i = 0; i < 2; i++) {
                expected += -f[i] * p[i] * (1 - p[i]) * j.get(i, q);
            }
            assertEquals(expected, g[q], 1e-14);
        }
    }

    @Test
    void categoricalOutputIsEnumeratedExactly() {
        Network n = net(3);
        double[] th = randomTheta(n, 3);
        EvalContext c = ctx(n, th, new SoftmaxCrossEntropyLoss());
        double[] p = softmax(ReferenceNetwork.output(n, th, X));
        assertArrayEquals(p, ev.evaluate(meanOverModel(target()), c).value().toArray(), 1e-15);
        double entropy = 0;
        for (double pi : p) {
            entropy -= pi * Math.log(pi);
        }
        assertEquals(entropy, ev.evaluate(meanOverModel(loss()), c).scalar(), 1e-14);
    }

    @Test
    void gaussianOutputUsesExactQuadratureForPolynomialBodies() {
        Network n = net(2);
        double[] th = randomTheta(n, 4);
        EvalContext c = ctx(n, th, new SquareLoss());
        double[] f = ReferenceNetwork.output(n, th, X);
        Estimate mean = ev.evaluate(meanOverModel(target()), c);
        assertTrue(mean.exact());
        assertArrayEquals(f, mean.value().toArray(), 1e-15);
        assertEquals(1.0, ev.evaluate(meanOverModel(loss()), c).scalar(), 1e-14); // ½ E‖ε‖² = k/2
        // E‖y‖⁴ for y ∼ N(f, I): Σ E[y_i⁴] + Σ_{i≠j} E[y_i²] E[y_j²], E[y⁴] = μ⁴ + 6μ² + 3, E[y²] = μ² + 1
        double m0 = f[0] * f[0];
        double m1 = f[1] * f[1];
        double expected = (m0 * m0 + 6 * m0 + 3) + (m1 * m1 + 6 * m1 + 3) + 2 * (m0 + 1) * (m1 + 1);
        Estimate quartic = ev.evaluate(meanOverModel(new Expr.Pow(new Expr.Dot(target(), target()), 2)), c);
        assertTrue(quartic.exact());
        assertEquals(expected, quartic.scalar(), 1e-12 * expected);
    }

    @Test
    void gaussianOutputFallsBackToMonteCarloWithAStandardError() {
        Network n = net(1);
        double[] th = randomTheta(n, 5);
        EvalContext c = EvalContext.builder(n, th).loss(new SquareLoss()).input(X).seed(11).build();
        double mu = ReferenceNetwork.output(n, th, X)[0];
        Estimate e = ev.evaluate(meanOverModel(new Expr.Apply(Fn.COS, new Expr.Component(target(), 0))), c);
        assertEquals(EvalContext.DEFAULT_MONTE_CARLO_SAMPLES, e.samples());
        double exact = Math.cos(mu) * Math.exp(-0.5); // E cos(μ + ε) for ε ∼ N(0, 1)
        double variance = (1 + Math.cos(2 * mu) * Math.exp(-2)) / 2 - exact * exact;
        double se = Math.sqrt(variance / e.samples());
        assertEquals(se, e.maxStandardError(), 0.1 * se);
        assertEquals(exact, e.scalar(), 5 * se);
        // same seed: same bits; another seed: another estimate
        assertEquals(e.scalar(), ev.evaluate(meanOverModel(new Expr.Apply(Fn.COS, new Expr.Component(target(), 0))),
                c).scalar(), 0.0);
        EvalContext other = EvalContext.builder(n, th).loss(new SquareLoss()).input(X).seed(12).build();
        assertNotEquals(e.scalar(), ev.evaluate(meanOverModel(new Expr.Apply(Fn.COS,
                new Expr.Component(target(), 0))), other).scalar());
    }

    @Test
    void monteCarloOverInputsPropagatesTheStandardErrorThroughDerivativesAndFunctions() {
        // f = wᵀx, bias-free and linear: 𝔼_x[f] = wᵀμ, ∇_w 𝔼_x[f] = 𝔼[x] = μ, standard error σ/√n per entry
        Network lin = Network.mlp(new int[] {3, 1}, new IdentityActivation(), new IdentityActivation(), false);
        double[] w = {0.5, -1, 2};
        double[] mu = {1, -2, 0.5};
        double sigma = 0.7;
        InputDistribution dist = new InputDistribution.Gaussian(mu, sigma);
        EvalContext c = EvalContext.builder(lin, w).seed(3).build();
        Expr f0 = new Expr.Component(output(), 0);
        Estimate grad = ev.evaluate(gradTheta(new Expr.Expectation(new Expr.OverInputs(dist), f0)), c);
        double se = sigma / Math.sqrt(grad.samples());
        for (int i = 0; i < 3; i++) {
            assertEquals(se, grad.standardError().get(i), 0.1 * se);
            assertEquals(mu[i], grad.value().get(i), 5 * se);
        }
        // a smooth function of an estimate: (𝔼 x₀)² has standard error ≈ 2|μ₀|σ/√n (delta method)
        Estimate sq = ev.evaluate(new Expr.Pow(new Expr.Expectation(new Expr.OverInputs(dist),
                new Expr.Component(input(), 0)), 2), c);
        double seSq = 2 * Math.abs(mu[0]) * se;
        assertEquals(seSq, sq.maxStandardError(), 0.1 * seSq);
        assertEquals(mu[0] * mu[0], sq.scalar(), 5 * seSq);
        // an empirical input distribution is averaged exactly
        Dataset data = Dataset.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 2}}, new double[][] {{0}, {0}, {0}});
        Estimate emp = ev.evaluate(new Expr.Expectation(new Expr.OverInputs(new InputDistribution.Empirical(data)),
                f0), c);
        assertTrue(emp.exact());
        assertEquals((0.5 - 1 + 4) / 3, emp.scalar(), 1e-15);
        // an exact expression evaluated with a sampled one reports no sampling
        assertTrue(ev.evaluate(java.util.List.of(theta(),
                new Expr.Expectation(new Expr.OverInputs(dist), f0)), c).get(0).exact());
    }

    @Test
    void fisherInformationMatchesTheClosedFormsOfEachModel() {
        // Bernoulli: Jᵀ diag(p(1−p)) J; categorical: Jᵀ (diag p − p pᵀ) J; Gaussian (s = 1): Jᵀ J
        for (Loss loss : new Loss[] {new BinaryCrossEntropyLoss(), new SoftmaxCrossEntropyLoss(), new SquareLoss()}) {
            Network n = net(2);
            double[] th = randomTheta(n, 6);
            EvalContext c = ctx(n, th, loss);
            double[] f = ReferenceNetwork.output(n, th, X);
            double[][] lambda = new double[2][2];
            switch (loss) {
                case BinaryCrossEntropyLoss b -> {
                    lambda[0][0] = sigm(f[0]) * (1 - sigm(f[0]));
                    lambda[1][1] = sigm(f[1]) * (1 - sigm(f[1]));
                }
                case SoftmaxCrossEntropyLoss s -> {
                    double[] p = softmax(f);
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 2; j++) {
                            lambda[i][j] = (i == j ? p[i] : 0) - p[i] * p[j];
                        }
                    }
                }
                default -> {
                    lambda[0][0] = 1;
                    lambda[1][1] = 1;
                }
            }
            Tensor j = new NetworkEvaluator(n).outputJacobian(th, X);
            for (ParameterGroup group : new ParameterGroup[] {ParameterGroup.ALL, new ParameterGroup.Layer(1),
                new ParameterGroup.Neuron(0, 1)}) {
                int[] idx = n.layout().indices(group);
                Estimate fi = ev.evaluate(new Expr.FisherInformation(group), c);
                assertTrue(fi.exact(), loss.name());
                for (int a = 0; a < idx.length; a++) {
                    for (int b = 0; b < idx.length; b++) {
                        double expected = 0;
                        for (int p = 0; p < 2; p++) {
                            for (int q = 0; q < 2; q++) {
                                expected += j.get(p, idx[a]) * lambda[p][q] * j.get(q, idx[b]);
                            }
                        }
                        assertEquals(expected, fi.value().get(a, b), 1e-13, loss.name() + " " + group);
                    }
                }
            }
            // F θ via the rewrite equals the dense F times θ
            Tensor fAll = ev.evaluate(new Expr.FisherInformation(ParameterGroup.ALL), c).value();
            double[] ft = ev.evaluate(new Expr.MatMul(new Expr.FisherInformation(ParameterGroup.ALL), theta()), c)
                    .value().toArray();
            for (int a = 0; a < th.length; a++) {
                double acc = 0;
                for (int b = 0; b < th.length; b++) {
                    acc += fAll.get(a, b) * th[b];
                }
                assertEquals(acc, ft[a], 1e-13 * Math.max(1, Math.abs(acc)));
            }
        }
    }

    private static double sigm(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    private static double h(double p) {
        return -p * Math.log(p) - (1 - p) * Math.log(1 - p);
    }

    private static double[] softmax(double[] f) {
        double s = 0;
        double[] p = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            p[i] = Math.exp(f[i]);
            s += p[i];
        }
        for (int i = 0; i < f.length; i++) {
            p[i] /= s;
        }
        return p;
    }
}
