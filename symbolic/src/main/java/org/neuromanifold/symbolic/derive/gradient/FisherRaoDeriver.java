package org.neuromanifold.symbolic.derive.gradient;

import static org.neuromanifold.core.expr.Exprs.dot;
import static org.neuromanifold.core.expr.Exprs.gradOutput;
import static org.neuromanifold.core.expr.Exprs.gradTheta;
import static org.neuromanifold.core.expr.Exprs.jacobianTheta;
import static org.neuromanifold.core.expr.Exprs.loss;
import static org.neuromanifold.core.expr.Exprs.matmul;
import static org.neuromanifold.core.expr.Exprs.meanOverData;
import static org.neuromanifold.core.expr.Exprs.meanOverModel;
import static org.neuromanifold.core.expr.Exprs.outer;
import static org.neuromanifold.core.expr.Exprs.output;
import static org.neuromanifold.core.expr.Exprs.pow;
import static org.neuromanifold.core.expr.Exprs.target;
import static org.neuromanifold.core.expr.Exprs.theta;
import static org.neuromanifold.core.expr.Exprs.times;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.neuromanifold.core.catalogue.Catalogue;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.loss.StatisticalModel;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;

/**
 * {@code fisher-rao}: ‖θ‖²_fr = ⟨θ, I(θ) θ⟩ with I(θ) = 𝔼[∇_θℓ ⊗ ∇_θℓ] equals (L + 1)² 𝔼[⟨∂ℓ/∂f, f⟩²]
 * for a bias-free positively homogeneous network (seed 000, eq. 3.7), both for the empirical Fisher (y
 * from the data) and for the model Fisher (y drawn from the loss's statistical model), since it holds
 * pointwise. The chain: θᵀ(g gᵀ)θ = ⟨θ, g⟩⟨g, θ⟩ under the expectation; symmetry of ⟨·,·⟩; the chain rule
 * through f; the {@code euler} derivation; (L + 1)² leaves the square and the expectation. Then, where
 * the loss gradient is elementwise, Symja computes ∂ℓ/∂f from the loss's definition (square: f − y, the
 * catalogue's (L + 1)² 𝔼[((f − y) f)²]; binary cross-entropy: sigm(f) − y; hinge: −y 1[y f &lt; 1]), and
 * for the model Fisher the inner expectation over y is taken in closed form from the model's moments:
 * 𝔼_y[⟨f − y, f⟩²] = s²‖f‖² for y ~ N(f, s²I) (from its moment generating function), Σ_k p_k(1 − p_k) f_k²
 * for Bernoulli outputs (by exact enumeration). Softmax cross-entropy stops at (L + 1)² 𝔼[⟨∂ℓ/∂f, f⟩²]
 * (its gradient couples the components); its model expectation is evaluated by exact enumeration in the
 * numeric certificates.
 *
 * <p>Variants: a loss ({@code square} by default, {@code bce}, {@code softmax-ce}, {@code hinge}),
 * {@code +model} for the model Fisher, an activation (default {@code relu}) and {@code +bias}.
 */
public final class FisherRaoDeriver implements Deriver {
    static final double TOLERANCE = 1e-9;

    @Override
    public String id() {
        return "fisher-rao";
    }

    @Override
    public List<String> variants() {
        return List.of("square", "square+model", "bce", "bce+model", "softmax-ce", "softmax-ce+model", "hinge",
                "square+tanh");
    }

    /**
     * The instances the catalogue runs: the empirical and the model Fisher for every loss (the model Fisher
     * where the loss has a statistical model); {@code square+tanh} is a negative control.
     */
    @Override
    public List<String> catalogueVariants() {
        return List.of("square", "square+model", "bce", "bce+model", "softmax-ce", "softmax-ce+model", "hinge");
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        GradientVariant v = GradientVariant.parse(id(), request, GradientVariant.Accepts.NETWORK_AND_LOSS, "square");
        List<Instance> instances = Instance.forRequest(request, v, List.of(v.loss()));
        EulerLemmas lemmas = new EulerLemmas(v.activation(), v.bias());
        Derivation euler = EulerDeriver.chain(v, instances, lemmas);
        Expr.Mul cf = LossEulerDeriver.scalarTimesOutput(((Formula.OfExpr) euler.result()).expr());
        Identity statement = v.modelFisher() ? CatalogueIdentities.FISHER_RAO_MODEL : CatalogueIdentities.FISHER_RAO;
        UnaryOperator<Expr> expectation = v.modelFisher() ? body -> meanOverData(meanOverModel(body))
                : body -> meanOverData(body);
        Expr g = gradTheta(loss());
        Expr c2 = pow(cf.a(), 2);

        TensorChain chain = TensorChain.start(id(), Catalogue.require(id()).title(), v.label(), instances, TOLERANCE,
                        statement.lhs())
                .assume("$I(θ) = 𝔼[∇_θ ℓ ⊗ ∇_θ ℓ]$ with " + (v.modelFisher()
                        ? "x from the data and y drawn from the model's " + model(v) : "(x, y) from the data"))
                .assume("loss " + v.loss().name() + "; the network of the euler derivation: σ = " + v.activation().label()
                        + (v.bias() ? ", with biases" : ", no biases"))
                .step(Relation.EQ, expectation.apply(times(dot(theta(), g), dot(g, theta()))),
                        "$θ^T (g g^T) θ = ⟨θ, g⟩⟨g, θ⟩$",
                        FisherLemmas::quadraticFormOfAnExpectation)
                .step(Relation.EQ, expectation.apply(pow(dot(g, theta()), 2)), "symmetry of $⟨·,·⟩$",
                        FisherLemmas::symmetry)
                .step(Relation.EQ, expectation.apply(pow(dot(gradOutput(loss()), matmul(jacobianTheta(output()),
                                theta())), 2)), "chain rule through f",
                        LossEulerLemmas::chainRuleThroughOutput)
                .step(Relation.EQ, expectation.apply(pow(dot(gradOutput(loss()), cf), 2)),
                        "the euler derivation",
                        () -> LossEulerDeriver.byEuler(euler), "σ'(z) z = σ(z)", "no biases")
                .step(Relation.EQ, times(c2, expectation.apply(pow(dot(gradOutput(loss()), output()), 2))),
                        "linearity in $(L+1)^2$",
                        FisherLemmas::squaredScalarLeaves);

        Optional<FisherLemmas.Gradient> gradient = FisherLemmas.gradient(v.loss());
        if (gradient.isPresent()) {
            Expr a = SymjaToExpr.with(Map.of("f1", output(), "y1", target())).read(gradient.get().value());
            chain.step(Relation.EQ, times(c2, expectation.apply(pow(dot(a, output()), 2))),
                    "$∂ℓ/∂f$ of " + v.loss().name() + ", by Symja",
                    () -> FisherLemmas.gradientStep(gradient.get()));
            if (v.modelFisher()) {
                modelMoments(chain, v, c2, a, gradient.get());
            }
        }
        Derivation derivation = chain.build();
        return new DerivedResult(derivation, Optional.empty(), crossChecks(v, derivation, instances),
                Optional.empty());
    }

    private static String model(GradientVariant v) {
        return switch (v.loss().statisticalModel().orElseThrow()) {
            case StatisticalModel.Gaussian g -> "Gaussian $N(f, s^2 I)$, s = " + g.s();
            case StatisticalModel.Bernoulli b -> "Bernoulli outputs, $p(y_k = 1) = \\operatorname{sigm}(f_k)$";
            case StatisticalModel.Categorical c -> "categorical output, $p(y = j) = \\operatorname{softmax}(f)_j$";
        };
    }

    /**
     * The inner expectation over y ~ p(y | f) in closed form: ⟨a, f⟩² = fᵀ(a aᵀ)f, then the covariance of
     * a = ∂ℓ/∂f computed by Symja from the model (diagonal v(f), off-diagonal 0), so 𝔼_y[⟨a, f⟩²] = ⟨v ⊙ f, f⟩.
     */
    private static void modelMoments(TensorChain chain, GradientVariant v, Expr c2, Expr a,
            FisherLemmas.Gradient gradient) {
        StatisticalModel model = v.loss().statisticalModel().orElseThrow();
        chain.step(Relation.EQ, times(c2, meanOverData(dot(output(), matmul(meanOverModel(outer(a, a)), output())))),
                "$⟨a, f⟩^2 = f^T (a a^T) f$", FisherLemmas::squareAsQuadraticForm);
        Optional<FisherLemmas.Covariance> cov = FisherLemmas.covariance(model, gradient.value());
        if (cov.isEmpty()) {
            return;
        }
        Expr variance = SymjaToExpr.with(Map.of("f1", output())).read(cov.get().diagonal());
        Expr quadratic = variance instanceof Expr.Const k && k.value() == 1 ? dot(output(), output())
                : variance instanceof Expr.Const k ? times(k, dot(output(), output()))
                        : dot(times(variance, output()), output());
        chain.step(Relation.EQ, times(c2, meanOverData(quadratic)), "moments of the model, by Symja",
                () -> FisherLemmas.covarianceStep(cov.get()));
    }

    /**
     * The result against ⟨θ, I θ⟩ with I computed by the numeric engine from its definition (the
     * catalogue statement: autodiff scores, exact enumeration or Gauss-Hermite quadrature over y) and, for
     * the model Fisher, against the engine's Fisher information of the statistical model.
     */
    private static List<DerivedResult.CrossCheck> crossChecks(GradientVariant v, Derivation d, List<Instance> instances) {
        ExprEvaluator ev = new ExprEvaluator();
        Expr result = ((Formula.OfExpr) d.result()).expr();
        Identity statement = v.modelFisher() ? CatalogueIdentities.FISHER_RAO_MODEL : CatalogueIdentities.FISHER_RAO;
        DerivedResult.CrossCheck definition = new DerivedResult.CrossCheck("derived closed form vs ⟨θ, I θ⟩ with the "
                + (v.modelFisher() ? "model" : "empirical") + " Fisher I from autodiff scores (the catalogue statement), "
                + v.loss().name() + " loss, " + instances.size() + " random networks and data sets",
                Certificates.equal(instances, TensorChain.value(ev, result), TensorChain.value(ev, statement.lhs()),
                        TOLERANCE));
        if (!v.modelFisher()) {
            return List.of(definition);
        }
        Expr fisher = dot(theta(), meanOverData(matmul(new Expr.FisherInformation(ParameterGroup.ALL), theta())));
        return List.of(definition, new DerivedResult.CrossCheck("derived closed form vs ⟨θ, 𝔼_x[I(x)] θ⟩ with the "
                + "engine's Fisher information of the statistical model (negative log-likelihood scores)",
                Certificates.equal(instances, TensorChain.value(ev, result), TensorChain.value(ev, fisher), TOLERANCE)));
    }
}
