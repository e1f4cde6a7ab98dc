package org.neuromanifold.symbolic.derive.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;

class FisherRaoDeriverTest {
    private static final FisherRaoDeriver DERIVER = new FisherRaoDeriver();
    private static final Map<String, DerivedResult> RESULTS = new HashMap<>();

    private static synchronized DerivedResult result(String variant) {
        return RESULTS.computeIfAbsent(variant, v -> DERIVER.derive(DeriveRequest.defaults(31).withVariant(v)));
    }

    private static Expr result(DerivedResult r) {
        return ((Formula.OfExpr) r.derivation().result()).expr();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double sigm(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    /**
     * The derived closed form evaluated by the engine against (L + 1)² times the data average of a
     * per-sample value computed here from a plain-loop forward pass: {@code perSample(f, y)}. Tolerance
     * 1e-12 relative (a few dozen rounded operations).
     */
    private static void assertClosedForm(String variant, BiFunction<double[], double[], Double> perSample) {
        Loss loss = Loss.named(java.util.Arrays.stream(variant.split("\\+")).filter(GradientVariant.LOSS_NAMES::contains)
                .findFirst().orElse("square"));
        Expr derived = result(result(variant));
        ExprEvaluator ev = new ExprEvaluator();
        for (Instance p : Instance.random(4, 12, Activations.named("relu"), false, List.of(loss))) {
            double mean = 0;
            for (int i = 0; i < p.data().size(); i++) {
                mean += perSample.apply(GradientTestSupport.forward(p.network(), p.theta(), p.data().input(i)),
                        p.data().target(i)) / p.data().size();
            }
            double closed = (p.depth() + 1) * (p.depth() + 1) * mean;
            assertEquals(closed, ev.evaluate(derived, p.context()).scalar(), 1e-12 * Math.max(1, Math.abs(closed)),
                    variant + " " + p);
        }
    }

    @Test
    void squareLossEmpiricalFisherEndsAtTheCatalogueForm() {
        DerivedResult r = result("square");
        assertTrue(r.sound(), () -> r.derivation().steps().toString());
        assertEquals(6, r.derivation().provedSteps());
        assertEquals(CatalogueIdentities.FISHER_RAO.lhs(), ((Formula.OfExpr) r.derivation().start()).expr());
        // (L + 1)² 𝔼[((f − y) f)²], with f − y from Symja's derivative of ½(f − y)²
        assertClosedForm("square", (f, y) -> {
            double s = 0;
            for (int k = 0; k < f.length; k++) {
                s += (f[k] - y[k]) * f[k];
            }
            return s * s;
        });
        assertTrue(r.crossChecks().get(0).certificate().agrees());
    }

    @Test
    void squareLossModelFisherUsesTheGaussianMoments() {
        DerivedResult r = result("square+model");
        assertTrue(r.sound(), () -> r.derivation().steps().toString());
        assertEquals(8, r.derivation().provedSteps());
        String moments = r.derivation().steps().get(7).symbolic().detail();
        // 𝔼_y[((f − y) f)²] = s² f² for y ~ N(f, s²), derived by Symja from the moment generating function
        assertTrue(moments.contains("E[a_1²] = s^2") && moments.contains("E_y[(a_1 f_1)²] = f1^2*s^2"), moments);
        // with s = 1 for the square loss: (L + 1)² 𝔼_x[‖f‖²]
        assertClosedForm("square+model", (f, y) -> dot(f, f));
        assertEquals(2, r.crossChecks().size());
        assertTrue(r.crossChecks().stream().allMatch(c -> c.certificate().agrees()), r.crossChecks().toString());
    }

    @Test
    void bernoulliModelFisherByExactEnumeration() {
        DerivedResult r = result("bce+model");
        assertTrue(r.sound(), () -> r.derivation().steps().toString());
        assertEquals(8, r.derivation().provedSteps());
        // (L + 1)² 𝔼_x[Σ_k p_k(1 − p_k) f_k²], p = sigm(f)
        assertClosedForm("bce+model", (f, y) -> {
            double s = 0;
            for (double fk : f) {
                s += sigm(fk) * (1 - sigm(fk)) * fk * fk;
            }
            return s;
        });
    }

    @Test
    void categoricalModelFisherStopsAtTheGeneralForm() {
        DerivedResult r = result("softmax-ce+model");
        assertTrue(r.sound(), () -> r.derivation().steps().toString());
        assertEquals(5, r.derivation().steps().size());
        // 𝔼_{y ~ softmax(f)}[⟨η − y, f⟩²] = Σ_j η_j (⟨η, f⟩ − f_j)², enumerated here
        assertClosedForm("softmax-ce+model", (f, y) -> {
            double max = java.util.Arrays.stream(f).max().orElseThrow();
            double[] eta = new double[f.length];
            double z = 0;
            for (int j = 0; j < f.length; j++) {
                eta[j] = Math.exp(f[j] - max);
                z += eta[j];
            }
            for (int j = 0; j < f.length; j++) {
                eta[j] /= z;
            }
            double mean = dot(eta, f);
            double s = 0;
            for (int j = 0; j < f.length; j++) {
                s += eta[j] * (mean - f[j]) * (mean - f[j]);
            }
            return s;
        });
    }

    @Test
    void hingeLossGradientComesFromThePiecewiseForm() {
        DerivedResult r = result("hinge");
        assertTrue(r.sound(), () -> r.derivation().steps().toString());
        assertEquals(6, r.derivation().provedSteps());
        assertClosedForm("hinge", (f, y) -> {
            double s = 0;
            for (int k = 0; k < f.length; k++) {
                s += (y[k] * f[k] < 1 ? -y[k] : 0) * f[k];
            }
            return s * s;
        });
    }

    @Test
    void tanhBreaksTheEulerStep() {
        DerivedResult r = result("square+tanh");
        assertFalse(r.sound());
        assertEquals(SymbolicOutcome.REFUTED, r.derivation().steps().get(3).symbolic().outcome());
        assertEquals(1, r.derivation().steps().stream().filter(s -> s.failed()).count());
        assertFalse(r.crossChecks().get(0).certificate().agrees());
    }

    @Test
    void everyCatalogueVariantIsSoundAndTheControlIsNot() {
        for (String v : DERIVER.catalogueVariants()) {
            assertTrue(DERIVER.variants().contains(v), v);
            DerivedResult r = result(v);
            assertTrue(r.sound(), () -> v + ": " + r.derivation().steps());
            assertEquals(r.derivation().steps().size(), r.derivation().provedSteps(), v);
        }
        assertFalse(DERIVER.catalogueVariants().contains("square+tanh"));
    }

    @Test
    void theModelFisherNeedsAStatisticalModel() {
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> DERIVER.derive(DeriveRequest.defaults(1).withVariant("hinge+model")));
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("hinge"), e.getMessage());
    }

    @Test
    void derivationsCompileWithPdflatex() {
        GradientTestSupport.assertCompiles(List.of(result("square").derivation(), result("square+model").derivation(),
                result("bce+model").derivation(), result("square+tanh").derivation()));
    }
}
