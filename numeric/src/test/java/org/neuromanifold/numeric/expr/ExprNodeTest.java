package org.neuromanifold.numeric.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.core.expr.Exprs.constant;
import static org.neuromanifold.core.expr.Exprs.depth;
import static org.neuromanifold.core.expr.Exprs.dot;
import static org.neuromanifold.core.expr.Exprs.gradInput;
import static org.neuromanifold.core.expr.Exprs.gradOutput;
import static org.neuromanifold.core.expr.Exprs.gradTheta;
import static org.neuromanifold.core.expr.Exprs.input;
import static org.neuromanifold.core.expr.Exprs.loss;
import static org.neuromanifold.core.expr.Exprs.output;
import static org.neuromanifold.core.expr.Exprs.params;
import static org.neuromanifold.core.expr.Exprs.target;
import static org.neuromanifold.core.expr.Exprs.theta;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.model.ParameterLayout;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.numeric.model.NetworkEvaluator;
import org.neuromanifold.numeric.model.ReferenceNetwork;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;
import org.neuromanifold.numeric.tensor.Tensor;

/**
 * Every deterministic node of the expression language against an independent value: the plain-loop
 * forward pass, core's losses, the network evaluator's gradients (themselves checked against finite
 * differences), hand-computed closed forms, and central differences (step ε^{1/3}, tolerance 10⁻⁶).
 */
class ExprNodeTest {
    static final Network NET = Network.mlp(new int[] {3, 4, 2}, new Tanh(), new IdentityActivation(), true);
    static final double[] THETA = gaussian(Xoshiro256PlusPlus.of(1), NET.parameterCount());
    static final double[] X = {0.3, -0.7, 1.1};
    static final double[] Y = {0.5, -0.2};

    private final ExprEvaluator ev = new ExprEvaluator();

    static EvalContext context() {
        return EvalContext.builder(NET, THETA).loss(new SquareLoss()).input(X).target(Y).build();
    }

    double[] value(Expr e) {
        Estimate est = ev.evaluate(e, context());
        assertTrue(est.exact(), "deterministic expressions are exact");
        return est.value().toArray();
    }

    @Test
    void leaves() {
        assertArrayEquals(ReferenceNetwork.output(NET, THETA, X), value(output()), 1e-15);
        assertArrayEquals(X, value(input()), 0.0);
        assertArrayEquals(Y, value(target()), 0.0);
        assertEquals(new SquareLoss().value(ReferenceNetwork.output(NET, THETA, X), Y), value(loss())[0], 1e-15);
        assertArrayEquals(THETA, value(theta()), 0.0);
        assertArrayEquals(new double[] {1}, value(depth()), 0.0);
        assertArrayEquals(new double[] {2.5}, value(constant(2.5)), 0.0);
        assertEquals(Tensor.identity(3), ev.evaluate(new Expr.IdentityMatrix(3), context()).value());
    }

    @Test
    void parameterGroupsFollowTheLayout() {
        ParameterLayout layout = NET.layout();
        ParameterBlock w1 = layout.weight(1);
        ParameterBlock b1 = layout.biasOrNull(1);
        double[] expectedLayer = new double[w1.size() + b1.size()];
        System.arraycopy(THETA, w1.offset(), expectedLayer, 0, w1.size());
        System.arraycopy(THETA, b1.offset(), expectedLayer, w1.size(), b1.size());
        assertArrayEquals(expectedLayer, value(params(new ParameterGroup.Layer(1))), 0.0);
        double[][] w0 = layout.unflatten(THETA, layout.weight(0));
        double[] neuron = {w0[2][0], w0[2][1], w0[2][2], THETA[layout.biasOrNull(0).index(2, 0)]};
        assertArrayEquals(neuron, value(params(new ParameterGroup.Neuron(0, 2))), 0.0);
    }

    @Test
    void gradientsWithRespectToParametersGroupsInputAndOutput() {
        NetworkEvaluator ne = new NetworkEvaluator(NET, new SquareLoss());
        double[] g = ne.lossGradient(THETA, X, Y).gradient();
        assertArrayEquals(g, value(gradTheta(loss())), 1e-15);
        int[] idx = NET.layout().indices(new ParameterGroup.Neuron(1, 1));
        double[] gNeuron = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            gNeuron[i] = g[idx[i]];
        }
        assertArrayEquals(gNeuron, value(new Expr.Grad(loss(), new Expr.WrtParams(new ParameterGroup.Neuron(1, 1)))),
                1e-15);
        double[] f = ReferenceNetwork.output(NET, THETA, X);
        assertArrayEquals(new SquareLoss().gradient(f, Y), value(gradOutput(loss())), 1e-15);
        // ∇_x f_0 against central differences in x
        double[] gx = value(gradInput(new Expr.Component(output(), 0)));
        double h = Math.cbrt(Math.ulp(1.0)) * 1.1;
        for (int i = 0; i < 3; i++) {
            double[] xp = X.clone();
            double[] xm = X.clone();
            xp[i] += h;
            xm[i] -= h;
            double fd = (ReferenceNetwork.output(NET, THETA, xp)[0] - ReferenceNetwork.output(NET, THETA, xm)[0])
                    / (2 * h);
            assertEquals(fd, gx[i], 1e-6 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void hessiansAgainstClosedFormsAndTheDenseHessian() {
        // square loss: ∂²ℓ/∂f² = I
        assertArrayEquals(Tensor.identity(2).toArray(), value(new Expr.Hessian(loss(), new Expr.WrtOutput())), 1e-15);
        // softmax cross-entropy: ∂²ℓ/∂f² = diag(p) − p pᵀ (Σy = 1)
        double[] f = ReferenceNetwork.output(NET, THETA, X);
        double z = Math.exp(f[0]) + Math.exp(f[1]);
        double p0 = Math.exp(f[0]) / z;
        double p1 = Math.exp(f[1]) / z;
        EvalContext ce = EvalContext.builder(NET, THETA).loss(new SoftmaxCrossEntropyLoss()).input(X)
                .target(new double[] {0, 1}).build();
        assertArrayEquals(new double[] {p0 - p0 * p0, -p0 * p1, -p0 * p1, p1 - p1 * p1},
                ev.evaluate(new Expr.Hessian(loss(), new Expr.WrtOutput()), ce).value().toArray(), 1e-15);
        // a parameter group's Hessian is the group's block of the full Hessian
        Tensor full = new NetworkEvaluator(NET, new SquareLoss()).hessian(THETA, X, Y);
        int[] idx = NET.layout().indices(new ParameterGroup.Layer(1));
        double[] block = value(new Expr.Hessian(loss(), new Expr.WrtParams(new ParameterGroup.Layer(1))));
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                assertEquals(full.get(idx[i], idx[j]), block[i * idx.length + j], 1e-14);
            }
        }
        // H·v via the exact product equals the dense Hessian times v
        double[] v = gaussian(Xoshiro256PlusPlus.of(4), THETA.length);
        double[] hv = ev.evaluate(new Expr.MatMul(new Expr.Hessian(loss(), new Expr.WrtParams(ParameterGroup.ALL)),
                new Expr.Params(ParameterGroup.ALL)), context()).value().toArray();
        for (int i = 0; i < THETA.length; i++) {
            double acc = 0;
            for (int j = 0; j < THETA.length; j++) {
                acc += full.get(i, j) * THETA[j];
            }
            assertEquals(acc, hv[i], 1e-13 * Math.max(1, Math.abs(acc)));
        }
        assertEquals(THETA.length, v.length);
    }

    @Test
    void jacobiansAndJacobianVectorProducts() {
        Tensor dense = new NetworkEvaluator(NET).outputJacobian(THETA, X);
        assertArrayEquals(dense.toArray(), value(new Expr.Jacobian(output(), new Expr.WrtParams(ParameterGroup.ALL))),
                1e-15);
        double[] jv = value(new Expr.MatMul(new Expr.Jacobian(output(), new Expr.WrtParams(ParameterGroup.ALL)),
                theta()));
        for (int k = 0; k < 2; k++) {
            double acc = 0;
            for (int p = 0; p < THETA.length; p++) {
                acc += dense.get(k, p) * THETA[p];
            }
            assertEquals(acc, jv[k], 1e-14 * Math.max(1, Math.abs(acc)));
        }
        // group Jacobian = the group's columns
        int[] idx = NET.layout().indices(new ParameterGroup.Layer(0));
        double[] jg = value(new Expr.Jacobian(output(), new Expr.WrtParams(new ParameterGroup.Layer(0))));
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < idx.length; j++) {
                assertEquals(dense.get(k, idx[j]), jg[k * idx.length + j], 1e-15);
            }
        }
        // a linear network's input Jacobian is W1·W0
        Network lin = Network.mlp(new int[] {2, 2, 1}, new IdentityActivation(), new IdentityActivation(), false);
        double[] th = {1, 2, 3, 4, 5, 6};
        EvalContext c = EvalContext.builder(lin, th).input(new double[] {1, 1}).build();
        assertArrayEquals(new double[] {5 * 1 + 6 * 3, 5 * 2 + 6 * 4},
                ev.evaluate(new Expr.Jacobian(output(), new Expr.WrtInput()), c).value().toArray(), 0.0);
    }

    @Test
    void linearAlgebraAndArithmeticOnHandComputedValues() {
        Network lin = Network.mlp(new int[] {2, 2}, new IdentityActivation(), new IdentityActivation(), false);
        double[] th = {1, 2, 3, 4};
        EvalContext c = EvalContext.builder(lin, th).input(new double[] {1, -1}).target(new double[] {2, 0.5})
                .build();
        Expr a = input();
        Expr b = target();
        Expr m = new Expr.Outer(a, b); // [[2, 0.5], [−2, −0.5]]
        assertEquals(Tensor.scalar(1.5), ev.evaluate(dot(a, b), c).value());
        assertArrayEquals(new double[] {2, 0.5, -2, -0.5}, ev.evaluate(m, c).value().toArray(), 0.0);
        assertArrayEquals(new double[] {1.5, -1.5}, ev.evaluate(new Expr.MatMul(m, a), c).value().toArray(), 0.0);
        assertArrayEquals(new double[] {2, -2, 0.5, -0.5}, ev.evaluate(new Expr.Transpose(m), c).value().toArray(),
                0.0);
        assertArrayEquals(new double[] {4, 1, -4, -1},
                ev.evaluate(new Expr.MatMul(m, new Expr.Add(new Expr.IdentityMatrix(0), new Expr.Transpose(
                        new Expr.IdentityMatrix(2)))), c).value().toArray(), 0.0);
        assertEquals(1.5, ev.evaluate(new Expr.Trace(m), c).scalar(), 0.0);
        assertEquals(-1.0, ev.evaluate(new Expr.Component(a, 1), c).scalar(), 0.0);
        assertEquals(2.5, ev.evaluate(new Expr.SumOf(b), c).scalar(), 0.0);
        assertArrayEquals(new double[] {3, -0.5}, ev.evaluate(new Expr.Add(a, b), c).value().toArray(), 0.0);
        assertArrayEquals(new double[] {-1, -1.5}, ev.evaluate(new Expr.Sub(a, b), c).value().toArray(), 0.0);
        assertArrayEquals(new double[] {2, -0.5}, ev.evaluate(new Expr.Mul(a, b), c).value().toArray(), 0.0);
        assertArrayEquals(new double[] {0.5, -2}, ev.evaluate(new Expr.Div(a, b), c).value().toArray(), 0.0);
        assertArrayEquals(new double[] {3, -3}, ev.evaluate(new Expr.Mul(constant(3), a), c).value().toArray(), 0.0);
        assertArrayEquals(new double[] {-2, -0.5}, ev.evaluate(new Expr.Neg(b), c).value().toArray(), 0.0);
        assertArrayEquals(new double[] {8, 0.125}, ev.evaluate(new Expr.Pow(b, 3), c).value().toArray(), 0.0);
        assertArrayEquals(new double[] {Math.exp(2), Math.exp(0.5)},
                ev.evaluate(new Expr.Apply(Fn.EXP, b), c).value().toArray(), 0.0);
        assertArrayEquals(new double[] {1, 0}, ev.evaluate(new Expr.Step(a), c).value().toArray(), 0.0);
        assertArrayEquals(new double[] {0, 0}, ev.evaluate(new Expr.Step(new Expr.Sub(a, a)), c).value().toArray(),
                0.0);
        // (a bᵀ) v via the rewrite equals the dense product
        Tensor dense = ev.evaluate(m, c).value();
        double[] direct = ev.evaluate(new Expr.MatMul(m, b), c).value().toArray();
        assertArrayEquals(new double[] {dense.get(0, 0) * 2 + dense.get(0, 1) * 0.5,
            dense.get(1, 0) * 2 + dense.get(1, 1) * 0.5}, direct, 0.0);
    }

    @Test
    void expectationOverDataIsTheExactAverage() {
        double[][] xs = {{0.1, 0.2, 0.3}, {-1, 0.5, 2}, {0.7, -0.4, 0}};
        double[][] ys = {{1, 0}, {0, 1}, {0.5, 0.5}};
        Dataset data = Dataset.of(xs, ys);
        EvalContext c = EvalContext.builder(NET, THETA).loss(new SquareLoss()).data(data).build();
        NetworkEvaluator ne = new NetworkEvaluator(NET, new SquareLoss());
        double meanLoss = 0;
        for (int i = 0; i < 3; i++) {
            meanLoss += ne.loss(THETA, xs[i], ys[i]) / 3;
        }
        Estimate e = ev.evaluate(new Expr.Expectation(new Expr.OverData(), loss()), c);
        assertTrue(e.exact());
        assertEquals(meanLoss, e.scalar(), 1e-15);
        // ∇ of the mean = mean of ∇ (linearity)
        assertArrayEquals(ne.meanLossGradient(THETA, data).gradient(),
                ev.evaluate(gradTheta(new Expr.Expectation(new Expr.OverData(), loss())), c).value().toArray(), 1e-15);
        // a matrix expectation times a vector moves inside; the value equals the dense route
        Expr gg = new Expr.Outer(gradTheta(loss()), gradTheta(loss()));
        Tensor fisher = ev.evaluate(new Expr.Expectation(new Expr.OverData(), gg), c).value();
        double[] fv = ev.evaluate(new Expr.MatMul(new Expr.Expectation(new Expr.OverData(), gg), theta()), c).value()
                .toArray();
        for (int i = 0; i < THETA.length; i++) {
            double acc = 0;
            for (int j = 0; j < THETA.length; j++) {
                acc += fisher.get(i, j) * THETA[j];
            }
            assertEquals(acc, fv[i], 1e-13 * Math.max(1, Math.abs(acc)));
        }
    }

    @Test
    void evaluatorReuseGivesTheSameBitsAsAFreshEvaluator() {
        List<Expr> exprs = List.of(gradTheta(loss()), new Expr.Hessian(loss(), new Expr.WrtOutput()), output());
        List<Estimate> first = ev.evaluate(exprs, context());
        ev.evaluate(new Expr.Jacobian(output(), new Expr.WrtInput()), context());
        List<Estimate> again = ev.evaluate(exprs, context());
        List<Estimate> fresh = new ExprEvaluator().evaluate(exprs, context());
        for (int i = 0; i < exprs.size(); i++) {
            assertEquals(first.get(i).value(), again.get(i).value());
            assertEquals(first.get(i).value(), fresh.get(i).value());
        }
    }

    static double[] gaussian(Xoshiro256PlusPlus rng, int n) {
        double[] v = new double[n];
        rng.fillGaussian(v, 0, n, 0, 1);
        return v;
    }
}
