package org.neuromanifold.numeric.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.core.expr.Exprs.gradTheta;
import static org.neuromanifold.core.expr.Exprs.input;
import static org.neuromanifold.core.expr.Exprs.loss;
import static org.neuromanifold.core.expr.Exprs.meanOverData;
import static org.neuromanifold.core.expr.Exprs.meanOverModel;
import static org.neuromanifold.core.expr.Exprs.output;
import static org.neuromanifold.core.expr.Exprs.target;
import static org.neuromanifold.core.expr.Exprs.theta;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.scalar.Fn;

/** Unsupported combinations and bad contexts are refused with an error that names the node or argument. */
class ExprErrorsTest {
    private static final Network NET = Network.mlp(new int[] {2, 3, 1}, new Tanh(), new IdentityActivation(), true);
    private static final double[] THETA = new double[NET.parameterCount()];
    private final ExprEvaluator ev = new ExprEvaluator();

    private SpecificationException refused(Expr e, EvalContext c) {
        return assertThrows(SpecificationException.class, () -> ev.evaluate(e, c));
    }

    private static EvalContext bare() {
        return EvalContext.builder(NET, THETA).build();
    }

    @Test
    void missingSampleVariablesLossAndDataAreNamed() {
        SpecificationException e = refused(output(), bare());
        assertEquals("Output", e.argument());
        assertTrue(e.getMessage().contains("input x"), e.getMessage());
        EvalContext withX = EvalContext.builder(NET, THETA).input(new double[2]).build();
        assertEquals("Target", refused(target(), withX).argument());
        assertTrue(refused(loss(), withX).getMessage().contains("needs a loss"));
        SpecificationException data = refused(meanOverData(output()), withX);
        assertEquals("Expectation", data.argument());
        assertTrue(data.getMessage().contains("data set"), data.getMessage());
    }

    @Test
    void theInnermostOffendingNodeIsNamed() {
        EvalContext c = EvalContext.builder(NET, THETA).loss(new SquareLoss()).input(new double[2])
                .target(new double[1]).build();
        SpecificationException dot = refused(new Expr.Add(new Expr.Const(1), new Expr.Dot(theta(), input())), c);
        assertEquals("Dot", dot.argument());
        assertEquals(ErrorCode.SHAPE_MISMATCH, dot.code());
        assertTrue(dot.getMessage().contains("vector(" + THETA.length + ")") && dot.getMessage().contains("vector(2)"),
                dot.getMessage());
        SpecificationException grad = refused(new Expr.Grad(output(), new Expr.WrtInput()), refusedContext());
        assertEquals("Grad", grad.argument());
        SpecificationException comp = refused(new Expr.Component(input(), 5), c);
        assertEquals(ErrorCode.OUT_OF_RANGE, comp.code());
        assertEquals("Component", comp.argument());
        assertEquals("IdentityMatrix", refused(new Expr.IdentityMatrix(0), c).argument());
    }

    private static EvalContext refusedContext() {
        Network wide = Network.mlp(new int[] {2, 3, 2}, new Tanh(), new IdentityActivation(), true);
        return EvalContext.builder(wide, new double[wide.parameterCount()]).input(new double[2]).build();
    }

    @Test
    void modelExpectationsNeedAStatisticalModel() {
        EvalContext c = EvalContext.builder(NET, THETA).loss(new HingeLoss()).input(new double[2]).build();
        SpecificationException e = refused(meanOverModel(loss()), c);
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("hinge"), e.getMessage());
        assertEquals("FisherInformation", refused(new Expr.FisherInformation(
                org.neuromanifold.core.model.ParameterGroup.ALL), c).argument());
    }

    @Test
    void derivativesOfIntegralsOverAGaussianOutputAreRefused() {
        EvalContext c = EvalContext.builder(NET, THETA).loss(new SquareLoss()).input(new double[2]).build();
        SpecificationException e = refused(gradTheta(meanOverModel(loss())), c);
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        assertEquals("Grad", e.argument());
        assertTrue(e.getMessage().contains("Gaussian"), e.getMessage());
    }

    @Test
    void inputsDrawnFromADistributionHaveNoTarget() {
        EvalContext c = EvalContext.builder(NET, THETA).loss(new SquareLoss()).build();
        Expr e = new Expr.Expectation(new Expr.OverInputs(InputDistribution.Gaussian.standard(2)),
                new Expr.Apply(Fn.TANH, loss()));
        SpecificationException ex = refused(e, c);
        assertTrue(ex.getMessage().contains("no target y"), ex.getMessage());
        Expr wrongDim = new Expr.Expectation(new Expr.OverInputs(InputDistribution.Gaussian.standard(3)), output());
        assertEquals(ErrorCode.SHAPE_MISMATCH, refused(wrongDim, c).code());
    }

    @Test
    void badContextsAreRefusedWhenBuilt() {
        double[] nan = THETA.clone();
        nan[NET.layout().weight(1).index(0, 2)] = Double.NaN;
        SpecificationException t = assertThrows(SpecificationException.class,
                () -> EvalContext.builder(NET, nan).build());
        assertEquals("W1[0,2]", t.argument());
        SpecificationException x = assertThrows(SpecificationException.class,
                () -> EvalContext.builder(NET, THETA).input(new double[3]).build());
        assertEquals("x", x.argument());
        assertTrue(x.getMessage().contains("width 2") && x.getMessage().contains("width 3"), x.getMessage());
        assertEquals("data inputs", assertThrows(SpecificationException.class, () -> EvalContext.builder(NET, THETA)
                .data(Dataset.of(new double[][] {{1, 2, 3}}, new double[][] {{0}})).build()).argument());
        assertEquals(ErrorCode.OUT_OF_RANGE, assertThrows(SpecificationException.class,
                () -> EvalContext.builder(NET, THETA).monteCarloSamples(1)).code());
    }

    @Test
    void valuesRefusesSampledExpressions() {
        EvalContext c = EvalContext.builder(NET, THETA).build();
        Expr mc = new Expr.Expectation(new Expr.OverInputs(InputDistribution.Gaussian.standard(2)), output());
        assertEquals(ErrorCode.UNSUPPORTED, assertThrows(SpecificationException.class,
                () -> ev.values(java.util.List.of(mc), c)).code());
    }
}
