package org.neuromanifold.symbolic.derive.rfim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.NumericComparison;
import org.neuromanifold.symbolic.symja.SymjaEngine;

/**
 * rfim-linear, rfim-layer and rfim-softmax: sound with every step proved, the engine's layer Fisher
 * information equal to the block forms, and the negative controls: a softmax layer is not
 * block-diagonal, a tanh layer's RFIM is not the linear layer's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RfimLayerDeriversTest {
    private final Map<String, DerivedResult> results = new LinkedHashMap<>();

    @BeforeAll
    void derive() {
        SymjaEngine.prepareThread();
        results.put("linear", new RfimLinearDeriver().derive(RfimTesting.request("", Map.of("s", 0.7, "width", 3.0))));
        for (String a : List.of("tanh", "sigmoid", "relu", "elu")) {
            results.put(a, new RfimLayerDeriver().derive(RfimTesting.request(a, Map.of("s", 0.7))));
        }
        results.put("softmax", new RfimSoftmaxDeriver().derive(RfimTesting.request("", Map.of())));
    }

    @Test
    void linearLayer() {
        DerivedResult r = results.get("linear");
        // independence, the neuron coefficient per block, diag(ν) ⊗ x̃x̃ᵀ, the seed's (1/s²) diag form
        RfimTesting.assertFullyProved(r, 4);
        assertEquals("1/s^2", r.symjaResult().orElseThrow());
        assertTrue(r.seedFormula().orElseThrow().agrees(), r.seedFormula().toString());
    }

    @Test
    void nonlinearLayers() {
        // tanh: independence, definition, general form, Simplify, Kronecker form; the others one stage less
        RfimTesting.assertFullyProved(results.get("tanh"), 5);
        RfimTesting.assertFullyProved(results.get("sigmoid"), 4);
        RfimTesting.assertFullyProved(results.get("relu"), 4);
        RfimTesting.assertFullyProved(results.get("elu"), 4);
        for (String a : List.of("tanh", "sigmoid", "relu", "elu")) {
            assertTrue(results.get(a).seedFormula().orElseThrow().agrees(), a);
        }
    }

    @Test
    void softmaxLayer() {
        DerivedResult r = results.get("softmax");
        RfimTesting.assertFullyProved(r, 2);
        assertTrue(r.seedFormula().orElseThrow().agrees(), r.seedFormula().toString());
        assertTrue(r.crossChecks().stream().anyMatch(c -> c.description().startsWith("not block-diagonal")));
    }

    @Test
    void aSoftmaxLayerIsNotBlockDiagonal() {
        // the block-diagonal hypothesis diag(𝓘(w_1), 𝓘(w_2), 𝓘(w_3)) against the engine: disagrees numerically ...
        var model = new ResponseModel.Categorical();
        var points = RfimPoint.random(RfimTesting.SEED, 6, i -> StochasticNetwork.layer(2, 3, model));
        List<Expr> blocks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            blocks.add(new Expr.FisherInformation(new ParameterGroup.Neuron(0, i)));
        }
        Expr blockDiagonal = new Expr.Diag(blocks);
        Expr fisher = new Expr.FisherInformation(new ParameterGroup.Layer(0));
        var c = compare(points, fisher, TensorChain.Order.layerInLayoutOrder(0), blockDiagonal);
        assertFalse(c.agrees(), c.toString());
        // ... and symbolically: the prover refutes it entry by entry on the concrete layer
        var instance = SymbolicInstance.of(StochasticNetwork.layer(1, 2, model));
        var two = new Expr.Diag(List.of(new Expr.FisherInformation(new ParameterGroup.Neuron(0, 0)),
                new Expr.FisherInformation(new ParameterGroup.Neuron(0, 1))));
        SymbolicVerdict v = EntrywiseProof.equal(instance.eval(fisher), instance.eval(two), instance.assumptions(), "test");
        assertEquals(SymbolicOutcome.REFUTED, v.outcome(), v.toString());
    }

    @Test
    void aTanhLayerIsNotALinearLayer() {
        var model = ResponseModel.of(new Tanh(), 1);
        var points = RfimPoint.random(RfimTesting.SEED, 6, i -> StochasticNetwork.layer(2, 2, model));
        var linear = NeuronCoefficient.derive(new ResponseModel.Gaussian(new IdentityActivation(), 1));
        Expr linearForm = new Expr.Kron(new Expr.Diag(List.of(Rfim.coefficient(linear, linear.result(),
                new Expr.PreActivation(0)))), Rfim.XX);
        var c = compare(points, new Expr.FisherInformation(new ParameterGroup.Layer(0)),
                TensorChain.Order.layerInLayoutOrder(0), linearForm);
        assertFalse(c.agrees(), c.toString());
    }

    private static org.neuromanifold.core.result.NumericCertificate compare(List<RfimPoint> points, Expr a,
            TensorChain.Order order, Expr b) {
        ExprEvaluator ev = new ExprEvaluator();
        List<double[]> lhs = new ArrayList<>();
        List<double[]> rhs = new ArrayList<>();
        for (RfimPoint p : points) {
            lhs.add(TensorChain.value(ev, p, a, order));
            rhs.add(TensorChain.value(ev, p, b, TensorChain.Order.AS_IS));
        }
        return NumericComparison.compare(Relation.EQ, lhs, rhs, Rfim.TOLERANCE);
    }

    @Test
    void badRequests() {
        var width = assertThrows(SpecificationException.class,
                () -> new RfimLayerDeriver().derive(RfimTesting.request("tanh", Map.of("width", 9.0))));
        assertEquals(ErrorCode.OUT_OF_RANGE, width.code());
        var variant = assertThrows(SpecificationException.class,
                () -> new RfimLinearDeriver().derive(RfimTesting.request("tanh", Map.of())));
        assertEquals(ErrorCode.UNSUPPORTED, variant.code());
    }

    @Test
    void theDerivationsCompile() {
        RfimTesting.assertCompiles(results.values().stream().map(DerivedResult::derivation).toList());
    }
}
