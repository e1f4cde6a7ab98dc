package org.neuromanifold.symbolic.derive.rfim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaProver;

/**
 * rfim-two-layer: the block derived from the definition is proved and agrees with the engine; the
 * seed's literal eqs. 26/81 agree exactly when ν_f = f' — tanh, sigmoid, and the Gaussian identity and
 * ReLU with s = 1 — and otherwise disagree with a counterexample.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RfimTwoLayerDeriverTest {
    private final Map<String, DerivedResult> results = new LinkedHashMap<>();

    @BeforeAll
    void derive() {
        SymjaEngine.prepareThread();
        results.put("tanh", new RfimTwoLayerDeriver().derive(RfimTesting.request("tanh", Map.of())));
        results.put("relu s=1", new RfimTwoLayerDeriver().derive(RfimTesting.request("relu", Map.of("s", 1.0))));
        results.put("relu s=0.7", new RfimTwoLayerDeriver().derive(RfimTesting.request("relu", Map.of("s", 0.7))));
        results.put("leaky-relu", new RfimTwoLayerDeriver().derive(RfimTesting.request("leaky-relu",
                Map.of("iota", 0.25))));
    }

    @Test
    void theBlockIsDerivedFromTheDefinition() {
        // score form with the coefficient's stages, the chain rule through the hidden layer, the Kronecker form
        RfimTesting.assertFullyProved(results.get("tanh"), 5);
        RfimTesting.assertFullyProved(results.get("relu s=1"), 4);
        RfimTesting.assertFullyProved(results.get("relu s=0.7"), 4);
        RfimTesting.assertFullyProved(results.get("leaky-relu"), 4);
    }

    @Test
    void theSeedFormulaAgreesOnlyWhereNuEqualsTheSlope() {
        assertTrue(results.get("tanh").seedFormula().orElseThrow().agrees());
        assertTrue(results.get("relu s=1").seedFormula().orElseThrow().agrees());
        var relu = results.get("relu s=0.7").seedFormula().orElseThrow();
        assertFalse(relu.agrees(), relu.detail());
        assertTrue(relu.detail().contains("counterexample: widths"), relu.detail());
        var leaky = results.get("leaky-relu").seedFormula().orElseThrow();
        assertFalse(leaky.agrees(), leaky.detail());
        assertTrue(leaky.detail().contains("this is refuted"), leaky.detail());
    }

    /** The criterion ν_f(t) = f'(t) for every activation, at the given s (other hyperparameters at defaults). */
    @ParameterizedTest
    @CsvSource({"identity, 1, true", "identity, 0.7, false", "relu, 1, true", "relu, 0.7, false",
            "leaky-relu, 1, false", "prelu-smooth, 1, false", "tanh, 1, true", "sigmoid, 1, true", "elu, 1, false",
            "softplus, 1, false"})
    void criterion(String activation, double s, boolean agrees) {
        SymjaEngine.prepareThread();
        var nu = NeuronCoefficient.derive(Activations.named(activation), s);
        var seed = Rfim.parse(SeedCoefficients.of(Activations.named(activation)).formula());
        var rules = org.matheclipse.core.expression.F.ListAlloc();
        nu.constants().forEach((k, v) -> rules.append(org.matheclipse.core.expression.F.Rule(
                org.matheclipse.core.expression.F.symbol(nu.table().symjaName(k)),
                org.neuromanifold.symbolic.symja.SymjaTerms.exact(v))));
        var lhs = SymjaEngine.shared().evaluate(org.matheclipse.core.expression.F.ReplaceAll(seed, rules)).valueOrThrow();
        var rhs = SymjaEngine.shared().evaluate(org.matheclipse.core.expression.F.ReplaceAll(nu.slope(), rules))
                .valueOrThrow();
        var v = SymjaProver.shared().proveEqual(lhs, rhs, Assumptions.none());
        assertEquals(agrees ? SymbolicOutcome.PROVED : SymbolicOutcome.REFUTED, v.outcome(), v.toString());
    }

    @Test
    void theDerivationsCompile() {
        RfimTesting.assertCompiles(results.values().stream().map(DerivedResult::derivation).toList());
    }
}
