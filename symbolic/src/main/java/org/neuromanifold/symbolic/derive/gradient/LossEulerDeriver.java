package org.neuromanifold.symbolic.derive.gradient;

import static org.neuromanifold.core.expr.Exprs.dot;
import static org.neuromanifold.core.expr.Exprs.gradOutput;
import static org.neuromanifold.core.expr.Exprs.gradTheta;
import static org.neuromanifold.core.expr.Exprs.jacobianTheta;
import static org.neuromanifold.core.expr.Exprs.loss;
import static org.neuromanifold.core.expr.Exprs.matmul;
import static org.neuromanifold.core.expr.Exprs.meanOverData;
import static org.neuromanifold.core.expr.Exprs.output;
import static org.neuromanifold.core.expr.Exprs.theta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.neuromanifold.core.catalogue.Catalogue;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;

/**
 * {@code loss-euler}: ⟨∇_θ L̂(θ), θ⟩ = (L + 1)·(1/N) Σ_i ⟨∂ℓ(f(x_i), y_i)/∂f, f(x_i)⟩ for the empirical
 * loss L̂ = (1/N) Σ_i ℓ(f_θ(x_i), y_i) of a bias-free positively homogeneous network (seed 000, proof of
 * Corollary 2.1). The chain: the average and ⟨·, θ⟩ commute with ∇_θ; the chain rule through f; the
 * {@code euler} derivation replaces ⟨∇_θ f, θ⟩ by (L + 1) f; the scalar L + 1 leaves the inner product
 * and the average. The loss is arbitrary (differentiable in f at the data): the numeric certificates use
 * random data sets with square, binary cross-entropy, softmax cross-entropy on logits (no softmax head)
 * and hinge losses in turn, and the result is cross-checked per loss.
 *
 * <p>Variants: an activation name (default {@code relu}), optionally {@code +bias}.
 */
public final class LossEulerDeriver implements Deriver {
    static final double TOLERANCE = 1e-9;
    /** The losses of the numeric certificates, one per instance in turn. */
    static final List<Loss> LOSSES = GradientVariant.LOSS_NAMES.stream().map(Loss::named).toList();

    @Override
    public String id() {
        return "loss-euler";
    }

    @Override
    public List<String> variants() {
        return List.of("relu", "leaky-relu", "identity", "tanh", "relu+bias");
    }

    /** The catalogue runs the default (every loss is in its numeric certificates); the rest are controls. */
    @Override
    public List<String> catalogueVariants() {
        return List.of("relu");
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        GradientVariant v = GradientVariant.parse(id(), request, GradientVariant.Accepts.NETWORK, null);
        List<Instance> instances = Instance.forRequest(request, v, LOSSES);
        EulerLemmas lemmas = new EulerLemmas(v.activation(), v.bias());
        Derivation euler = EulerDeriver.chain(v, instances, lemmas);
        Expr eulerResult = ((Formula.OfExpr) euler.result()).expr();
        Expr ell = loss();
        // factor the scalar of c·f out of ⟨∂ℓ/∂f, c f⟩ and out of the average
        Expr.Mul cf = scalarTimesOutput(eulerResult);
        Expr result = new Expr.Mul(cf.a(), meanOverData(dot(gradOutput(ell), cf.b())));

        Derivation derivation = TensorChain.start(id(), Catalogue.require(id()).title(), v.label(), instances,
                        TOLERANCE, CatalogueIdentities.LOSS_EULER.lhs())
                .assume("$\\hat{L}(θ) = \\frac{1}{N} ∑_{i=1}^{N} ℓ(f_θ(x_i), y_i)$ over a data set of N samples")
                .assume("$ℓ$ differentiable in $f$ at the data points (off the hinge's kink)")
                .assume("the network of the euler derivation: σ = " + v.activation().label()
                        + (v.bias() ? ", with biases" : ", no biases"))
                .step(Relation.EQ, meanOverData(dot(gradTheta(ell), theta())),
                        "linearity of $∇_θ$, $⟨·, θ⟩$ and the average",
                        LossEulerLemmas::averageCommutes)
                .step(Relation.EQ, meanOverData(dot(gradOutput(ell), matmul(jacobianTheta(output()), theta()))),
                        "chain rule through f", LossEulerLemmas::chainRuleThroughOutput)
                .step(Relation.EQ, meanOverData(dot(gradOutput(ell), eulerResult)),
                        "the euler derivation", () -> byEuler(euler),
                        "σ'(z) z = σ(z)", "no biases")
                .step(Relation.EQ, result, "linearity in the scalar $L + 1$",
                        LossEulerLemmas::scalarLeavesTheAverage)
                .build();
        return new DerivedResult(derivation, Optional.empty(), crossChecks(result, instances), Optional.empty());
    }

    /** The Euler result as c·f; the catalogue's (L + 1) f when Symja's form is not a product. */
    static Expr.Mul scalarTimesOutput(Expr eulerResult) {
        return eulerResult instanceof Expr.Mul m && m.b() instanceof Expr.Output ? m
                : (Expr.Mul) CatalogueIdentities.EULER.rhs();
    }

    /**
     * A step justified by another derivation: proved when every step of it is proved, refuted when one
     * is refuted (naming it), undecided otherwise.
     */
    static SymbolicVerdict byEuler(Derivation euler) {
        Verdicts v = new Verdicts();
        for (int i = 0; i < euler.steps().size(); i++) {
            var s = euler.steps().get(i);
            if (s.symbolic().outcome() != SymbolicOutcome.PROVED) {
                v.add("euler step " + (i + 1) + " (" + s.rule().replace("$", "") + ")", s.symbolic());
            }
        }
        return v.isEmpty() ? SymbolicVerdict.proved("by the euler derivation, all " + euler.steps().size()
                + " steps proved by Symja") : v.combined();
    }

    /** The result against ⟨∇_θ L̂, θ⟩ computed by the numeric engine from its definition, per loss. */
    static List<DerivedResult.CrossCheck> crossChecks(Expr result, List<Instance> instances) {
        ExprEvaluator ev = new ExprEvaluator();
        List<DerivedResult.CrossCheck> out = new ArrayList<>();
        for (Loss l : LOSSES) {
            List<Instance> mine = instances.stream().filter(p -> p.loss().equals(l)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            out.add(new DerivedResult.CrossCheck("derived (L + 1) mean ⟨∂ℓ/∂f, f⟩ vs ⟨∇_θ L̂, θ⟩ by autodiff of the "
                    + "empirical loss (the catalogue statement), " + l.name() + " loss, " + mine.size()
                    + " random networks and data sets", Certificates.equal(mine, TensorChain.value(ev, result),
                            TensorChain.value(ev, CatalogueIdentities.LOSS_EULER.lhs()), TOLERANCE)));
        }
        return out;
    }
}
