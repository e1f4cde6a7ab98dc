package org.neuromanifold.symbolic.derive.rfim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.SmoothPrelu;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.TermCompiler;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.NumericComparison;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaProver;
import org.neuromanifold.symbolic.symja.SymjaTerms;

/**
 * rfim-neuron for every activation: the derivation is sound with every step proved, its closed form
 * agrees with the closed forms of the design page written here by hand, and the text extraction errors
 * of the seed (eq. 17 without ι, eq. 16 with μ² for ι²) disagree with the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RfimNeuronDeriverTest {
    static final double S = 0.7;
    static final double IOTA = 0.2;
    static final double OMEGA = 0.4;
    static final double ALPHA = 1.3;
    static final Map<String, Double> OPTIONS = Map.of("s", S, "iota", IOTA, "omega", OMEGA, "alpha", ALPHA);
    /** Steps each chain has: the chain rule step, then the coefficient's distinct stages. */
    static final Map<String, Integer> STEPS = Map.of("identity", 1, "relu", 2, "leaky-relu", 2, "prelu-smooth", 3,
            "tanh", 3, "sigmoid", 2, "elu", 2, "softplus", 1);

    private final Map<String, DerivedResult> results = new LinkedHashMap<>();

    @BeforeAll
    void deriveAll() {
        SymjaEngine.prepareThread();
        for (String a : Activations.NAMES) {
            results.put(a, new RfimNeuronDeriver().derive(RfimTesting.request(a, OPTIONS)));
        }
    }

    static double sigm(double t) {
        return Fn.SIGMOID.apply(t);
    }

    /** ν_f(t) as the design page states it (the independent reference). */
    static DoubleUnaryOperator designPage(String activation) {
        return switch (activation) {
            case "tanh" -> t -> 1 / (Math.cosh(t) * Math.cosh(t));
            case "sigmoid" -> t -> sigm(t) * (1 - sigm(t));
            case "identity" -> t -> 1 / (S * S);
            case "relu" -> t -> t > 0 ? 1 / (S * S) : 0;
            case "leaky-relu" -> t -> t > 0 ? 1 / (S * S) : IOTA * IOTA / (S * S);
            case "prelu-smooth" -> t -> Math.pow(IOTA + (1 - IOTA) * sigm((1 - IOTA) * t / OMEGA), 2) / (S * S);
            case "elu" -> t -> t > 0 ? 1 / (S * S) : ALPHA * ALPHA * Math.exp(2 * t) / (S * S);
            case "softplus" -> t -> sigm(t) * sigm(t) / (S * S);
            default -> throw new IllegalArgumentException(activation);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "relu", "leaky-relu", "prelu-smooth", "tanh", "sigmoid", "elu", "softplus"})
    void everyStepIsProvedAndEveryCheckAgrees(String activation) {
        DerivedResult r = results.get(activation);
        RfimTesting.assertFullyProved(r, STEPS.get(activation));
        assertEquals(activation, r.derivation().variant());
        assertTrue(r.seedFormula().orElseThrow().agrees(), () -> r.seedFormula().toString());
        assertTrue(r.derivation().result() instanceof org.neuromanifold.core.result.Formula.OfExpr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "relu", "leaky-relu", "prelu-smooth", "tanh", "sigmoid", "elu", "softplus"})
    void closedFormMatchesTheDesignPage(String activation) {
        String input = results.get(activation).symjaResult().orElseThrow();
        IExpr parsed = SymjaEngine.shared().parse(input).valueOrThrow();
        var term = SymjaTerms.toTerm(parsed, SymbolTable.create());
        DoubleUnaryOperator expected = designPage(activation);
        for (double t = -3.05; t < 3; t += 0.25) {
            Map<String, Double> env = new HashMap<>(Map.of("s", S, "iota", IOTA, "omega", OMEGA, "alpha", ALPHA, "t", t));
            double v = TermCompiler.evaluate(term, env);
            assertEquals(expected.applyAsDouble(t), v, 1e-13 * Math.max(1, Math.abs(v)), activation + " at t = " + t);
        }
    }

    @Test
    void theSeedsTextExtractionErrorsAreReportedAsDisagreeing() {
        String leaky = results.get("leaky-relu").seedFormula().orElseThrow().detail();
        assertTrue(leaky.contains("eq. 16 as printed") && leaky.contains("disagrees (refuted"), leaky);
        String smooth = results.get("prelu-smooth").seedFormula().orElseThrow().detail();
        assertTrue(smooth.contains("eq. 17 as printed") && smooth.contains("disagrees (refuted"), smooth);
        String relu = results.get("relu").seedFormula().orElseThrow().detail();
        assertTrue(relu.contains("agrees too"), relu);
    }

    @Test
    void negativeControlsDisagreeWithTheEngine() {
        // eq. 17 as printed makes relu_ω(t) = t + ω ln 2, whose coefficient is 1/s²; eq. 16 as printed has μ² for ι²
        assertDisagreesWithEngine(new SmoothPrelu(IOTA, OMEGA), "1/s^2");
        assertDisagreesWithEngine(new LeakyRelu(IOTA), "Piecewise[{{(iota*t)^2/s^2, t < 0}}, 1/s^2]");
        // and the prover refutes the μ² version against the derived coefficient, with a point
        var nu = NeuronCoefficient.derive(new LeakyRelu(IOTA), S);
        var v = SymjaProver.shared().proveEqual(nu.result(), Rfim.parse("Piecewise[{{(iota*t)^2/s^2, t < 0}}, 1/s^2]"),
                nu.assumptions());
        assertEquals(SymbolicOutcome.REFUTED, v.outcome(), v.toString());
    }

    /** ν(⟨w, x̃⟩) x̃x̃ᵀ with a wrong ν against the engine's Fisher information: clearly different at some point. */
    private static void assertDisagreesWithEngine(org.neuromanifold.core.activation.Activation a, String wrongNu) {
        var model = ResponseModel.of(a, S);
        var nu = NeuronCoefficient.derive(model);
        var points = RfimPoint.random(RfimTesting.SEED, 8, i -> StochasticNetwork.layer(2, 1, model));
        Expr wrong = new Expr.Mul(Rfim.coefficient(nu, Rfim.parse(wrongNu), Rfim.firstLayerPre(0)), Rfim.XX);
        Expr fisher = new Expr.FisherInformation(new ParameterGroup.Neuron(0, 0));
        ExprEvaluator ev = new ExprEvaluator();
        List<double[]> a1 = new ArrayList<>();
        List<double[]> b1 = new ArrayList<>();
        for (RfimPoint p : points) {
            a1.add(TensorChain.value(ev, p, fisher, TensorChain.Order.AS_IS));
            b1.add(TensorChain.value(ev, p, wrong, TensorChain.Order.AS_IS));
        }
        var c = NumericComparison.compare(Relation.EQ, a1, b1, Rfim.TOLERANCE);
        assertFalse(c.agrees(), a.label() + " with " + wrongNu + ": " + c);
        assertTrue(c.maxRelError() > 1e-2, c.toString());
    }

    @Test
    void theSmoothedPreluTendsToThePreluAsOmegaGoesToZero() {
        var limit = results.get("prelu-smooth").crossChecks().stream().filter(c -> c.description().startsWith("limit"))
                .findFirst().orElseThrow();
        assertTrue(limit.certificate().agrees(), limit.toString());
        assertTrue(limit.description().contains("t > 0: 1/s^2 (= the PReLU branch"), limit.description());
        assertTrue(limit.description().contains("t < 0: iota^2/s^2 (= the PReLU branch"), limit.description());
    }

    @Test
    void badRequestsAreRefusedNamingTheArgument() {
        var d = new RfimNeuronDeriver();
        var unknown = assertThrows(SpecificationException.class, () -> d.derive(RfimTesting.request("swish", Map.of())));
        assertEquals(ErrorCode.UNKNOWN_ACTIVATION, unknown.code());
        var option = assertThrows(SpecificationException.class,
                () -> d.derive(RfimTesting.request("tanh", Map.of("depth", 2.0))));
        assertEquals(ErrorCode.UNSUPPORTED, option.code());
        var noise = assertThrows(SpecificationException.class,
                () -> d.derive(RfimTesting.request("relu", Map.of("s", -1.0))));
        assertEquals(ErrorCode.OUT_OF_RANGE, noise.code());
    }

    @Test
    void theDerivationsCompile() {
        RfimTesting.assertCompiles(results.values().stream().map(DerivedResult::derivation).toList());
    }
}
