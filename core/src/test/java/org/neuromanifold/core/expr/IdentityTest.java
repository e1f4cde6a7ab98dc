package org.neuromanifold.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.OutputHead;
import org.neuromanifold.core.model.ParameterGroup;

/** Preconditions decide whether an identity is expected to hold. */
class IdentityTest {
    private static final Loss SQUARE = new SquareLoss();

    private static Network net(Activation hidden, boolean bias) {
        return Network.mlp(new int[] {3, 4, 4, 2}, hidden, new IdentityActivation(), bias);
    }

    @Test
    void eulerIsExpectedExactlyForBiasFreeHomogeneousNets() {
        Identity euler = CatalogueIdentities.EULER;
        for (Activation a : Activations.all()) {
            boolean homogeneous = List.of("identity", "relu", "leaky-relu").contains(a.name());
            assertEquals(homogeneous, euler.expectedToHold(net(a, false), SQUARE), a.label() + " without bias");
            assertFalse(euler.expectedToHold(net(a, true), SQUARE), a.label() + " with bias");
        }
        assertTrue(euler.expectedToHold(net(new LeakyRelu(0.0), false), null), "the loss does not matter for euler");
    }

    @Test
    void failingPreconditionsAreListed() {
        Identity euler = CatalogueIdentities.EULER;
        assertEquals(List.of(), euler.failingPreconditions(net(new Relu(), false), SQUARE));
        assertEquals(List.of(new Precondition.BiasFree()), euler.failingPreconditions(net(new Relu(), true), SQUARE));
        assertEquals(List.of(new Precondition.PositivelyHomogeneous()),
                euler.failingPreconditions(net(Activations.named("tanh"), false), SQUARE));
        assertEquals(List.of(new Precondition.BiasFree(), new Precondition.PositivelyHomogeneous()),
                euler.failingPreconditions(net(Activations.named("tanh"), true), SQUARE));
    }

    @Test
    void lossPreconditions() {
        Network relu = net(new Relu(), false);
        Identity hinge = CatalogueIdentities.HINGE_GRAD;
        assertTrue(hinge.expectedToHold(relu, new HingeLoss()));
        assertFalse(hinge.expectedToHold(relu, SQUARE));
        assertFalse(hinge.expectedToHold(relu, null));
        Identity model = CatalogueIdentities.FISHER_RAO_MODEL;
        assertTrue(model.expectedToHold(relu, SQUARE));
        assertTrue(model.expectedToHold(relu, new BinaryCrossEntropyLoss()));
        assertFalse(model.expectedToHold(relu, new HingeLoss()), "the hinge loss has no model to draw y from");
        assertFalse(model.expectedToHold(relu, null));
        assertTrue(CatalogueIdentities.FISHER_RAO.expectedToHold(relu, new HingeLoss()),
                "the empirical Fisher needs no model");
    }

    @Test
    void softmaxHeadIsNotHomogeneous() {
        Network softmax = new Network(3, List.of(new Dense(3, 4, false, new Relu())), OutputHead.SOFTMAX);
        assertFalse(CatalogueIdentities.EULER.expectedToHold(softmax, SQUARE));
    }

    @Test
    void statementsAreSentences() {
        assertEquals("the network has no biases", new Precondition.BiasFree().statement());
        assertTrue(new Precondition.PositivelyHomogeneous().statement().contains("\\sigma(z) = \\sigma'(z) z"));
        assertEquals("the loss is HingeLoss", new Precondition.LossIs(HingeLoss.class).statement());
        assertEquals("the loss is a negative log-likelihood", new Precondition.LossHasStatisticalModel().statement());
    }

    @Test
    void requiringAddsPreconditionsWithoutChangingTheOriginal() {
        Identity euler = CatalogueIdentities.EULER;
        Identity stricter = euler.requiring(new Precondition.LossIs(HingeLoss.class));
        assertEquals(euler.preconditions().size() + 1, stricter.preconditions().size());
        assertEquals(euler.lhs(), stricter.lhs());
        assertEquals(euler.id(), stricter.id());
        Network relu = net(new Relu(), false);
        assertTrue(euler.expectedToHold(relu, SQUARE));
        assertFalse(stricter.expectedToHold(relu, SQUARE));
        assertTrue(stricter.expectedToHold(relu, new HingeLoss()));
    }

    @Test
    void constructionValidatesAndCopies() {
        List<Precondition> pre = new ArrayList<>(List.of(new Precondition.BiasFree()));
        Identity id = new Identity("x", "t", Exprs.output(), Relation.EQ, Exprs.output(), pre, "src");
        pre.add(new Precondition.PositivelyHomogeneous());
        assertEquals(1, id.preconditions().size());
        assertThrows(UnsupportedOperationException.class, () -> id.preconditions().add(new Precondition.BiasFree()));
        assertThrows(NullPointerException.class,
                () -> new Identity(null, "t", Exprs.output(), Relation.EQ, Exprs.output(), List.of(), "s"));
        assertThrows(NullPointerException.class,
                () -> new Identity("x", "t", Exprs.output(), null, Exprs.output(), List.of(), "s"));
        assertThrows(NullPointerException.class,
                () -> new Identity("x", "t", Exprs.output(), Relation.EQ, null, List.of(), "s"));
        assertEquals("=", Relation.EQ.latex());
        assertEquals("\\le", Relation.LE.latex());
    }

    /** The factories build the records they name, so statements read like the mathematics. */
    @Test
    void exprFactories() {
        Expr f = Exprs.output();
        assertEquals(new Expr.Output(), f);
        assertEquals(new Expr.Grad(new Expr.LossValue(), new Expr.WrtOutput()), Exprs.gradOutput(Exprs.loss()));
        assertEquals(new Expr.Params(ParameterGroup.ALL), Exprs.theta());
        assertEquals(new Expr.Jacobian(f, new Expr.WrtParams(ParameterGroup.ALL)),
                Exprs.jacobianTheta(f));
        assertEquals(new Expr.Expectation(new Expr.OverData(), f), Exprs.meanOverData(f));
        assertEquals(new Expr.Expectation(new Expr.OverModel(), f), Exprs.meanOverModel(f));
        assertEquals(new Expr.Step(f), Exprs.step(f));
        assertEquals(new Expr.Pow(f, 2), Exprs.pow(f, 2));
        assertEquals(new Expr.Component(f, 1), Exprs.component(f, 1));
        assertEquals(new Expr.Grad(f, new Expr.WrtInput()), Exprs.gradInput(f));
        assertEquals(new Expr.Hessian(f, new Expr.WrtParams(ParameterGroup.ALL)),
                Exprs.hessianTheta(f));
        assertThrows(NullPointerException.class, () -> new Expr.Grad(null, new Expr.WrtInput()));
        assertThrows(NullPointerException.class, () -> new Expr.Params(null));
        assertThrows(NullPointerException.class, () -> new Expr.Expectation(null, f));
    }
}
