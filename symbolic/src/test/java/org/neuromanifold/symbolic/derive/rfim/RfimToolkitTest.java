package org.neuromanifold.symbolic.derive.rfim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Sigmoid;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.symja.SymjaEngine;

/**
 * The pieces the derivers stand on, each against an independent computation: the Fisher information from
 * the seed's model against the engine's (relabelled) model and against a closed form; the symbolic
 * interpreter of the tensor notation against the numeric engine at concrete values; the Gaussian moments.
 */
class RfimToolkitTest {
    private final ExprEvaluator evaluator = new ExprEvaluator();

    @Test
    void fisherFromTheSeedsModelMatchesTheEnginesRelabelledModel() {
        for (ResponseModel model : List.of(new ResponseModel.TanhBernoulli(), new ResponseModel.SigmoidBernoulli(),
                new ResponseModel.Gaussian(new Relu(), 0.6), new ResponseModel.Categorical())) {
            for (RfimPoint p : RfimPoint.random(3, 4, i -> StochasticNetwork.layer(2, 3, model))) {
                double[] definition = Rfim.flat(DefinitionFisher.fisher(p.net(), p.theta(), p.x(),
                        new ParameterGroup.Layer(0)));
                double[] engine = TensorChain.value(evaluator, p, new Expr.FisherInformation(new ParameterGroup.Layer(0)),
                        TensorChain.Order.layerInLayoutOrder(0));
                for (int i = 0; i < engine.length; i++) {
                    assertEquals(engine[i], definition[i], 1e-12, model + " entry " + i);
                }
            }
        }
    }

    @Test
    void fisherOfASigmoidNeuronIsTheTextbookClosedForm() {
        var model = new ResponseModel.SigmoidBernoulli();
        double[] w = {0.3, -1.1, 0.4};
        double[] x = {0.7, 0.2};
        var net = StochasticNetwork.layer(2, 1, model);
        double[][] g = DefinitionFisher.fisher(net, w, x, new ParameterGroup.Neuron(0, 0));
        double t = w[0] * x[0] + w[1] * x[1] + w[2];
        double nu = Fn.SIGMOID.apply(t) * (1 - Fn.SIGMOID.apply(t));
        double[] xt = {x[0], x[1], 1};
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(nu * xt[a] * xt[c], g[a][c], 1e-15);
            }
        }
    }

    @Test
    void theSymbolicInterpreterAgreesWithTheNumericEngine() {
        SymjaEngine.prepareThread();
        var tanh = ResponseModel.of(new Tanh(), 1);
        var gaussian = ResponseModel.of(new Relu(), 0.5);
        Term sech2 = Term.square(Term.apply(Fn.SECH, Term.variable("t")));
        Expr kron = new Expr.Kron(new Expr.Diag(List.of(new Expr.ScalarTerm(sech2, Map.of("t",
                new Expr.PreActivation(0)), Map.of()))), Rfim.XX);
        assertAgree(StochasticNetwork.layer(2, 2, tanh), new Expr.FisherInformation(new ParameterGroup.Layer(0)),
                TensorChain.Order.layerInLayoutOrder(0), Map.of());
        assertAgree(StochasticNetwork.layer(2, 2, tanh), kron, TensorChain.Order.AS_IS, Map.of());
        assertAgree(StochasticNetwork.layer(1, 2, gaussian), new Expr.FisherInformation(new ParameterGroup.Layer(0)),
                TensorChain.Order.layerInLayoutOrder(0), Map.of("s", 0.5));
        var categorical = StochasticNetwork.layer(2, 3, new ResponseModel.Categorical());
        assertAgree(StochasticNetwork.twoLayer(1, 2, 2, ResponseModel.of(new Sigmoid(), 1)),
                new Expr.Grad(new Expr.Component(new Expr.PreActivation(1), 1), new Expr.WrtParams(new ParameterGroup.Layer(0))),
                TensorChain.Order.layerInLayoutOrder(0), Map.of());
        // a categorical instance keeps its logits as symbols, so it is compared through the chain's numbers
        var instance = SymbolicInstance.of(categorical);
        assertEquals(9 * 9, instance.eval(new Expr.FisherInformation(new ParameterGroup.Layer(0))).size());
    }

    /** Every entry of the symbolic value at the point equals the engine's value there. */
    private void assertAgree(StochasticNetwork net, Expr e, TensorChain.Order order, Map<String, Double> hyper) {
        SymbolicInstance instance = SymbolicInstance.of(net);
        SymTensor symbolic = instance.eval(e);
        for (RfimPoint p : RfimPoint.random(11, 3, i -> net)) {
            double[] numeric = TensorChain.value(evaluator, p, e, order);
            var rules = instance.rules(p.theta(), p.x(), hyper);
            assertEquals(numeric.length, symbolic.size(), e.toString());
            for (int i = 0; i < numeric.length; i++) {
                IExpr v = SymjaEngine.shared().evaluate(F.N(F.ReplaceAll(symbolic.get(i), rules))).valueOrThrow();
                assertEquals(numeric[i], v.evalf(), 1e-11 * Math.max(1, Math.abs(numeric[i])), e + " entry " + i);
            }
        }
    }

    @Test
    void gaussianMomentsFromTheGeneratingFunction() {
        SymjaEngine.prepareThread();
        var moments = new GaussianMoments(SymjaEngine.shared());
        IExpr s = F.symbol("s");
        assertEquals("0", moments.centralMoment(1, s).toString());
        assertEquals("s^2", moments.centralMoment(2, s).toString());
        assertEquals("3*s^4", moments.centralMoment(4, s).toString());
        IExpr y = F.symbol("yTest");
        IExpr m = F.symbol("mTest");
        // E[y²] = μ² + s², E[(y − μ)³] = 0
        IExpr second = moments.expectation(F.Sqr(y), new IExpr[] {y}, new IExpr[] {m}, s);
        assertEquals("0", SymjaEngine.shared().evaluate(F.Expand(F.Subtract(second, F.Plus(F.Sqr(m), F.Sqr(s)))))
                .valueOrThrow().toString());
        assertEquals("0", moments.expectation(F.Power(F.Subtract(y, m), F.C3), new IExpr[] {y}, new IExpr[] {m}, s)
                .toString());
    }
}
