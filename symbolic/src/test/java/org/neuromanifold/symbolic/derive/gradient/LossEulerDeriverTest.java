package org.neuromanifold.symbolic.derive.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;

class LossEulerDeriverTest {
    private static final LossEulerDeriver DERIVER = new LossEulerDeriver();
    private static DerivedResult relu;

    private static synchronized DerivedResult relu() {
        if (relu == null) {
            relu = DERIVER.derive(DeriveRequest.defaults(21));
        }
        return relu;
    }

    @Test
    void reluDerivationIsSoundAndEveryStepProved() {
        DerivedResult r = relu();
        assertTrue(r.sound(), () -> r.derivation().steps().toString());
        assertEquals(4, r.derivation().provedSteps());
        assertEquals(4, r.derivation().steps().size());
        assertEquals("by the euler derivation, all 5 steps proved by Symja",
                r.derivation().steps().get(2).symbolic().detail());
        // one cross-check per loss, every one agreeing with autodiff of the empirical loss
        assertEquals(List.of("square", "bce", "softmax-ce", "hinge"), r.crossChecks().stream()
                .map(c -> c.description().replaceAll(".*statement\\), (\\S+) loss.*", "$1")).toList());
        assertEquals(CatalogueIdentities.LOSS_EULER.lhs(), ((Formula.OfExpr) r.derivation().start()).expr());
        assertEquals(CatalogueIdentities.LOSS_EULER.rhs(), ((Formula.OfExpr) r.derivation().result()).expr());
    }

    /**
     * The derived (L + 1)·(1/N) Σ_i ⟨∂ℓ/∂f, f⟩ against values computed here: the same formula from a
     * plain-loop forward pass and core's loss gradients (1e-12 relative), and d/dε L̂((1+ε)θ) = ⟨∇_θ L̂, θ⟩
     * by central differences of core's loss values (1e-6), for every loss.
     */
    @Test
    void resultAgreesWithAHandComputationAndFiniteDifferencesForEveryLoss() {
        Expr result = ((Formula.OfExpr) relu().derivation().result()).expr();
        List<Instance> instances = Instance.random(8, 16, Activations.named("relu"), false, LossEulerDeriver.LOSSES);
        assertEquals(Set.of("square", "bce", "softmax-ce", "hinge"), instances.stream().map(p -> p.loss().name())
                .collect(Collectors.toSet()));
        ExprEvaluator ev = new ExprEvaluator();
        for (Instance p : instances) {
            double derived = ev.evaluate(result, p.context()).scalar();
            double closed = (p.depth() + 1) * meanPairing(p.loss(), p, p.theta());
            assertEquals(closed, derived, 1e-12 * Math.max(1, Math.abs(closed)), p.toString());
            double h = Math.cbrt(Math.ulp(1.0)) * 1.1;
            double radial = (empirical(p, GradientTestSupport.scaled(p.theta(), 1 + h))
                    - empirical(p, GradientTestSupport.scaled(p.theta(), 1 - h))) / (2 * h);
            assertEquals(radial, derived, 1e-6 * Math.max(1, Math.abs(radial)), p.toString());
        }
    }

    /** (1/N) Σ_i ⟨∂ℓ/∂f(f(x_i), y_i), f(x_i)⟩ with core's loss gradient. */
    private static double meanPairing(Loss loss, Instance p, double[] theta) {
        Dataset data = p.data();
        double acc = 0;
        for (int i = 0; i < data.size(); i++) {
            double[] f = GradientTestSupport.forward(p.network(), theta, data.input(i));
            double[] g = loss.gradient(f, data.target(i));
            for (int k = 0; k < f.length; k++) {
                acc += g[k] * f[k];
            }
        }
        return acc / data.size();
    }

    private static double empirical(Instance p, double[] theta) {
        double acc = 0;
        for (int i = 0; i < p.data().size(); i++) {
            acc += p.loss().value(GradientTestSupport.forward(p.network(), theta, p.data().input(i)),
                    p.data().target(i));
        }
        return acc / p.data().size();
    }

    @Test
    void tanhFailsAtTheEulerStepOnly() {
        DerivedResult r = DERIVER.derive(DeriveRequest.defaults(21).withVariant("tanh"));
        assertFalse(r.sound());
        assertEquals(List.of(SymbolicOutcome.PROVED, SymbolicOutcome.PROVED, SymbolicOutcome.REFUTED,
                SymbolicOutcome.PROVED), r.derivation().steps().stream().map(s -> s.symbolic().outcome()).toList());
        String detail = r.derivation().steps().get(2).symbolic().detail();
        assertTrue(detail.startsWith("euler step 3") && detail.contains("tanh: refuted"), detail);
        assertFalse(r.derivation().steps().get(2).numeric().agrees());
        assertTrue(r.crossChecks().stream().noneMatch(c -> c.certificate().agrees()));
    }

    @Test
    void derivationCompilesWithPdflatex() {
        GradientTestSupport.assertCompiles(List.of(relu().derivation()));
    }
}
