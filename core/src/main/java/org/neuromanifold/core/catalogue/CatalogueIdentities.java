package org.neuromanifold.core.catalogue;

import static org.neuromanifold.core.expr.Exprs.constant;
import static org.neuromanifold.core.expr.Exprs.depth;
import static org.neuromanifold.core.expr.Exprs.dot;
import static org.neuromanifold.core.expr.Exprs.gradOutput;
import static org.neuromanifold.core.expr.Exprs.gradTheta;
import static org.neuromanifold.core.expr.Exprs.jacobianTheta;
import static org.neuromanifold.core.expr.Exprs.loss;
import static org.neuromanifold.core.expr.Exprs.matmul;
import static org.neuromanifold.core.expr.Exprs.meanOverData;
import static org.neuromanifold.core.expr.Exprs.meanOverModel;
import static org.neuromanifold.core.expr.Exprs.minus;
import static org.neuromanifold.core.expr.Exprs.neg;
import static org.neuromanifold.core.expr.Exprs.outer;
import static org.neuromanifold.core.expr.Exprs.output;
import static org.neuromanifold.core.expr.Exprs.plus;
import static org.neuromanifold.core.expr.Exprs.pow;
import static org.neuromanifold.core.expr.Exprs.step;
import static org.neuromanifold.core.expr.Exprs.target;
import static org.neuromanifold.core.expr.Exprs.theta;
import static org.neuromanifold.core.expr.Exprs.times;

import java.util.List;
import java.util.Optional;

import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.expr.Precondition;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.loss.HingeLoss;

/** The catalogue's statements that are identities between {@link Expr} terms. */
public final class CatalogueIdentities {
    private static final Precondition BIAS_FREE = new Precondition.BiasFree();
    private static final Precondition HOMOGENEOUS = new Precondition.PositivelyHomogeneous();

    private CatalogueIdentities() {
    }

    /** L + 1, the number of weight matrices. */
    private static Expr layers() {
        return plus(depth(), constant(1));
    }

    /** ⟨∂ℓ/∂f, f⟩. */
    private static Expr lossOutputPairing() {
        return dot(gradOutput(loss()), output());
    }

    /** ⟨∇_θ f_θ(x), θ⟩ = (L+1) f_θ(x), per output component (seed 000, Lemma 2.1). */
    public static final Identity EULER = new Identity("euler", "Euler identity",
            matmul(jacobianTheta(output()), theta()), Relation.EQ, times(layers(), output()),
            List.of(BIAS_FREE, HOMOGENEOUS), Catalogue.require("euler").source());

    /** ⟨∇_θ L̂(θ), θ⟩ = (L+1)·(1/N) Σ_i ⟨∂ℓ(f(x_i), y_i)/∂f, f(x_i)⟩. */
    public static final Identity LOSS_EULER = new Identity("loss-euler", "Euler identity for the empirical loss",
            dot(gradTheta(meanOverData(loss())), theta()), Relation.EQ,
            times(layers(), meanOverData(lossOutputPairing())), List.of(BIAS_FREE, HOMOGENEOUS),
            Catalogue.require("loss-euler").source());

    /**
     * ‖θ‖²_fr = ⟨θ, I(θ) θ⟩ with the empirical Fisher I = 𝔼_data[∇_θℓ ⊗ ∇_θℓ], equal to
     * (L+1)² 𝔼_data[⟨∂ℓ/∂f, f⟩²].
     */
    public static final Identity FISHER_RAO = new Identity("fisher-rao",
            "Fisher-Rao norm (empirical Fisher)",
            dot(theta(), matmul(meanOverData(outer(gradTheta(loss()), gradTheta(loss()))), theta())), Relation.EQ,
            times(pow(layers(), 2), meanOverData(pow(lossOutputPairing(), 2))), List.of(BIAS_FREE, HOMOGENEOUS),
            Catalogue.require("fisher-rao").source());

    /** The same with the model Fisher: y drawn from the model's own output distribution. */
    public static final Identity FISHER_RAO_MODEL = new Identity("fisher-rao",
            "Fisher-Rao norm (model Fisher)",
            dot(theta(), matmul(meanOverData(meanOverModel(outer(gradTheta(loss()), gradTheta(loss())))), theta())),
            Relation.EQ, times(pow(layers(), 2), meanOverData(meanOverModel(pow(lossOutputPairing(), 2)))),
            List.of(BIAS_FREE, HOMOGENEOUS, new Precondition.LossHasStatisticalModel()),
            Catalogue.require("fisher-rao").source());

    /** ∂ℓ/∂t = −y·1[y t &lt; 1] for ℓ(t, y) = max(0, 1 − y t). */
    public static final Identity HINGE_GRAD = new Identity("hinge-grad", "Gradient of the hinge loss",
            gradOutput(loss()), Relation.EQ,
            times(neg(target()), step(minus(constant(1), times(target(), output())))),
            List.of(new Precondition.LossIs(HingeLoss.class)), Catalogue.require("hinge-grad").source());

    /** All identities above. */
    public static List<Identity> all() {
        return List.of(EULER, LOSS_EULER, FISHER_RAO, FISHER_RAO_MODEL, HINGE_GRAD);
    }

    /** The first identity with this id. */
    public static Optional<Identity> find(String id) {
        return all().stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
