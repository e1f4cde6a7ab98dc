package org.neuromanifold.symbolic.derive.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.result.DerivationStep;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;

class EulerDeriverTest {
    private static final EulerDeriver DERIVER = new EulerDeriver();
    private static DerivedResult relu;
    private static DerivedResult tanh;
    private static DerivedResult biased;

    private static synchronized DerivedResult relu() {
        if (relu == null) {
            relu = DERIVER.derive(DeriveRequest.defaults(11));
        }
        return relu;
    }

    private static synchronized DerivedResult tanh() {
        if (tanh == null) {
            tanh = DERIVER.derive(DeriveRequest.defaults(11).withVariant("tanh"));
        }
        return tanh;
    }

    private static synchronized DerivedResult biased() {
        if (biased == null) {
            biased = DERIVER.derive(DeriveRequest.defaults(11).withVariant("relu+bias"));
        }
        return biased;
    }

    private static List<SymbolicOutcome> outcomes(DerivedResult r) {
        return r.derivation().steps().stream().map(s -> s.symbolic().outcome()).toList();
    }

    @Test
    void reluDerivationIsSoundWithEveryStepProvedBySymja() {
        DerivedResult r = relu();
        assertTrue(r.sound(), () -> r.derivation().steps().toString());
        assertEquals(5, r.derivation().steps().size());
        assertEquals(5, r.derivation().provedSteps());
        assertTrue(r.symjaResult().isEmpty(), "a tensor-level result has no scalar closed form");
        assertTrue(r.derivation().steps().stream().allMatch(s -> s.numeric().points() == DeriveRequest.DEFAULT_POINTS));
        assertEquals(2, r.crossChecks().size());
        assertTrue(r.seedFormula().orElseThrow().agrees(), r.seedFormula().toString());
        assertTrue(r.seedFormula().orElseThrow().detail().contains("Dense(2→2, no bias, relu), Dense(2→2"),
                "the 2-2-2-1 network is proved too: " + r.seedFormula());
        // the inductive step is proved from σ'(z) z = σ(z) by a case split on the kink
        DerivationStep induction = r.derivation().steps().get(3);
        assertTrue(induction.symbolic().detail().contains("one neuron") && induction.symbolic().detail().contains(
                "case split"), induction.symbolic().detail());
    }

    @Test
    void theChainStartsAtTheCatalogueStatementAndEndsAtItsRightSide() {
        DerivedResult r = relu();
        assertEquals(new Formula.OfExpr(CatalogueIdentities.EULER.lhs()),
                r.derivation().start());
        // (L + 1) f comes out of Symja's Sum, read back into the tensor language
        assertEquals(CatalogueIdentities.EULER.rhs(),
                ((Formula.OfExpr) r.derivation().result()).expr());
    }

    /**
     * The derived (L + 1) f against values computed here without the engine: (L + 1) times a plain-loop
     * forward pass, and d/dε f_{(1+ε)θ}(x) by central differences (which is ⟨∇_θ f, θ⟩), on random ReLU
     * networks of depths 0–3. Tolerances: 1e-12 relative for the forward pass, 1e-6 for the differences.
     */
    @Test
    void resultAgreesWithAnIndependentForwardPassAndFiniteDifferences() {
        Expr result = ((Formula.OfExpr) relu().derivation().result()).expr();
        List<Instance> instances = Instance.random(3, 12, Activations.named("relu"), false, List.of());
        assertEquals(Set.of(0, 1, 2, 3), instances.stream().map(Instance::depth).collect(Collectors.toSet()));
        ExprEvaluator ev = new ExprEvaluator();
        for (Instance p : instances) {
            double[] derived = ev.evaluate(result, p.context()).value().toArray();
            double[] f = GradientTestSupport.forward(p.network(), p.theta(), p.x());
            double[] radial = GradientTestSupport.radialDerivative(p.network(), p.theta(), p.x());
            for (int k = 0; k < f.length; k++) {
                double closed = (p.depth() + 1) * f[k];
                assertEquals(closed, derived[k], 1e-12 * Math.max(1, Math.abs(closed)), p.toString());
                assertEquals(radial[k], derived[k], 1e-6 * Math.max(1, Math.abs(radial[k])), p.toString());
            }
        }
    }

    @Test
    void tanhRefutesTheActivationStepAndTheInductiveStep() {
        DerivedResult r = tanh();
        assertFalse(r.sound());
        assertEquals(List.of(SymbolicOutcome.PROVED, SymbolicOutcome.PROVED, SymbolicOutcome.REFUTED,
                SymbolicOutcome.REFUTED, SymbolicOutcome.PROVED), outcomes(r));
        List<DerivationStep> steps = r.derivation().steps();
        assertEquals(5, steps.size(), "failed steps are kept");
        assertTrue(steps.get(2).symbolic().detail().contains("σ'(z) z = σ(z) for tanh: refuted (residual z*Sech[z]^2 - Tanh[z]"),
                steps.get(2).symbolic().detail());
        // the numeric certificates agree with the verdicts: only the two refuted steps disagree
        assertEquals(List.of(true, true, false, false, true), steps.stream().map(s -> s.numeric().agrees()).toList());
        assertTrue(r.crossChecks().stream().noneMatch(c -> c.certificate().agrees()));
        assertFalse(r.seedFormula().orElseThrow().agrees());
    }

    @Test
    void biasesBreakTheInductiveStepOnly() {
        DerivedResult r = biased();
        assertFalse(r.sound());
        assertEquals(List.of(SymbolicOutcome.PROVED, SymbolicOutcome.PROVED, SymbolicOutcome.PROVED,
                SymbolicOutcome.REFUTED, SymbolicOutcome.PROVED), outcomes(r));
        String detail = r.derivation().steps().get(3).symbolic().detail();
        assertTrue(detail.contains("z = w11*O1 + w12*O2 + w13*O3 + b1") && detail.contains("refuted"), detail);
        assertTrue(r.derivation().steps().get(0).rule().contains("b^0"), "θ holds the biases");
        assertFalse(r.seedFormula().orElseThrow().agrees());
    }

    @Test
    void homogeneityOfEachActivationFamily() {
        Map<String, SymbolicOutcome> expected = Map.of("relu", SymbolicOutcome.PROVED, "leaky-relu",
                SymbolicOutcome.PROVED, "identity", SymbolicOutcome.PROVED, "sigmoid", SymbolicOutcome.REFUTED, "elu",
                SymbolicOutcome.REFUTED, "softplus", SymbolicOutcome.REFUTED);
        expected.forEach((name, outcome) -> {
            var v = new EulerLemmas(Activations.named(name), false).homogeneity();
            assertEquals(outcome, v.outcome(), name + ": " + v.detail());
            // the declared property agrees with what Symja finds
            assertEquals(outcome == SymbolicOutcome.PROVED, Activations.named(name).positivelyHomogeneous(), name);
        });
    }

    @Test
    void theCatalogueRunsTheHomogeneousActivationsOnly() {
        assertEquals(List.of("relu", "leaky-relu", "identity"), DERIVER.catalogueVariants());
        DerivedResult leaky = DERIVER.derive(DeriveRequest.defaults(11).withVariant("leaky-relu"));
        assertTrue(leaky.sound(), () -> leaky.derivation().steps().toString());
        assertEquals(5, leaky.derivation().provedSteps());
        // ι stays a symbol under 0 ≤ ι < 1: the proof holds for every leaky slope
        assertTrue(leaky.derivation().steps().get(3).symbolic().detail().contains("leaky-relu"),
                leaky.derivation().steps().get(3).symbolic().detail());
        assertTrue(DERIVER.variants().containsAll(DERIVER.catalogueVariants()));
        assertTrue(new LossEulerDeriver().variants().containsAll(new LossEulerDeriver().catalogueVariants()));
        assertTrue(new HingeGradDeriver().variants().containsAll(new HingeGradDeriver().catalogueVariants()));
    }

    @Test
    void variantsNameActivationsAndBiases() {
        assertEquals("relu", DERIVER.variants().get(0));
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> DERIVER.derive(DeriveRequest.defaults(1).withVariant("relu+square")));
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("'square'"), e.getMessage());
        SpecificationException typo = assertThrows(SpecificationException.class, () -> GradientVariant.parse("euler",
                DeriveRequest.defaults(1).withVariant("relu+rleu"), GradientVariant.Accepts.NETWORK, null));
        assertEquals("variant", typo.argument());
        assertTrue(typo.getMessage().contains("'rleu'") && typo.getMessage().contains("leaky-relu"), typo.getMessage());
        GradientVariant leaky = GradientVariant.parse("euler", new DeriveRequest("leaky-relu+bias",
                Map.of("iota", 0.25), 1, 4), GradientVariant.Accepts.NETWORK, null);
        assertEquals("leaky-relu(iota=0.25)+bias", leaky.label());
        assertEquals(ErrorCode.OUT_OF_RANGE, assertThrows(SpecificationException.class,
                () -> GradientVariant.parse("euler", new DeriveRequest("leaky-relu", Map.of("iota", 1.5), 1, 4),
                        GradientVariant.Accepts.NETWORK, null)).code());
    }

    @Test
    void deeperAndWiderNetworksThroughTheRequestOptions() {
        DerivedResult deep = DERIVER.derive(new DeriveRequest("relu", Map.of("depth", 6.0, "width", 4.0), 3, 14));
        assertTrue(deep.sound(), () -> deep.derivation().steps().toString());
        assertTrue(deep.crossChecks().get(0).description().contains("14 random networks of depths 0-6"),
                deep.crossChecks().get(0).description());
        assertEquals(ErrorCode.OUT_OF_RANGE, assertThrows(SpecificationException.class,
                () -> DERIVER.derive(new DeriveRequest("relu", Map.of("depth", -1.0), 3, 4))).code());
        assertEquals(ErrorCode.OUT_OF_RANGE, assertThrows(SpecificationException.class,
                () -> DERIVER.derive(new DeriveRequest("relu", Map.of("width", 0.5), 3, 4))).code());
    }

    @Test
    void theSameSeedGivesTheSameCertificates() {
        DeriveRequest request = DeriveRequest.defaults(13).withVariant("identity");
        DerivedResult once = DERIVER.derive(request);
        DerivedResult again = DERIVER.derive(request);
        assertEquals(once.derivation().steps().stream().map(DerivationStep::numeric).toList(),
                again.derivation().steps().stream().map(DerivationStep::numeric).toList());
        assertEquals(once.crossChecks(), again.crossChecks());
    }

    @Test
    void derivationsCompileWithPdflatex() {
        GradientTestSupport.assertCompiles(List.of(relu().derivation(), tanh().derivation(), biased().derivation()));
    }
}
