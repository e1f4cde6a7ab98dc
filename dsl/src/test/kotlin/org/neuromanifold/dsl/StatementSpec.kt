package org.neuromanifold.dsl

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeSameInstanceAs
import org.neuromanifold.core.catalogue.CatalogueIdentities
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.expr.Expr
import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.expr.Precondition
import org.neuromanifold.core.expr.Relation
import org.neuromanifold.core.loss.HingeLoss
import org.neuromanifold.core.model.ParameterGroup
import org.neuromanifold.core.scalar.Fn

/**
 * Statements written in the DSL build exactly the core `Expr` trees of the catalogue (compared with
 * core's own `CatalogueIdentities`, written independently through the Java factories).
 */
class StatementSpec : FunSpec({

    /** The DSL identity under the core one's id, title and source, for whole-record comparison. */
    fun restated(dsl: Identity, core: Identity): Identity =
        Identity(core.id(), core.title(), dsl.lhs(), dsl.relation(), dsl.rhs(), dsl.preconditions(), core.source())

    test("Euler: dot(grad(f, theta), theta) eq (depth + 1) * f is CatalogueIdentities.EULER") {
        val euler = identity("my-euler") {
            dot(grad(f, theta), theta) eq (depth + 1) * f requires { biasFree(); positivelyHomogeneous() }
        }
        euler.lhs() shouldBe CatalogueIdentities.EULER.lhs()
        euler.rhs() shouldBe CatalogueIdentities.EULER.rhs()
        euler.relation() shouldBe Relation.EQ
        euler.preconditions() shouldBe CatalogueIdentities.EULER.preconditions()
        restated(euler, CatalogueIdentities.EULER) shouldBe CatalogueIdentities.EULER
        euler.id() shouldBe "my-euler"
        euler.source() shouldBe Statement.USER_DEFINED
    }

    test("negative controls: L·f, the scalar-output gradient, or a missing hypothesis are not Euler") {
        val wrongRhs = identity("e") { dot(grad(f, theta), theta) eq depth * f }
        wrongRhs.rhs() shouldNotBe CatalogueIdentities.EULER.rhs()
        // grad of the scalar f[0] is a gradient (Grad), not the Jacobian of f
        val scalar = identity("e0") { dot(grad(f[0], theta), theta) eq (depth + 1) * f[0] }
        scalar.lhs() shouldNotBe CatalogueIdentities.EULER.lhs()
        scalar.lhs() shouldBe Expr.Dot(Expr.Grad(Expr.Component(Expr.Output(), 0),
            Expr.WrtParams(ParameterGroup.ALL)), Expr.Params(ParameterGroup.ALL))
        val noHypothesis = identity("e") { dot(grad(f, theta), theta) eq (depth + 1) * f }
        noHypothesis.preconditions() shouldNotBe CatalogueIdentities.EULER.preconditions()
    }

    test("loss-euler") {
        val s = identity("loss-euler") {
            dot(grad(mean(over = data) { loss }, theta), theta) eq
                (depth + 1) * mean(over = data) { dot(gradOutput(loss), f) } requires {
                    biasFree(); positivelyHomogeneous()
                }
        }
        restated(s, CatalogueIdentities.LOSS_EULER) shouldBe CatalogueIdentities.LOSS_EULER
    }

    test("fisher-rao, empirical and model Fisher") {
        val empirical = identity("fisher-rao") {
            dot(theta, mean(over = data) { outer(grad(loss, theta), grad(loss, theta)) } * theta) eq
                ((depth + 1) pow 2) * mean(over = data) { dot(gradOutput(loss), f) pow 2 } requires {
                    biasFree(); positivelyHomogeneous()
                }
        }
        restated(empirical, CatalogueIdentities.FISHER_RAO) shouldBe CatalogueIdentities.FISHER_RAO
        val modelFisher = identity("fisher-rao") {
            dot(theta, mean(over = data) { meanOverModel { outer(grad(loss, theta), grad(loss, theta)) } } * theta) eq
                ((depth + 1) pow 2) * mean(over = data) { meanOverModel { dot(gradOutput(loss), f) pow 2 } } requires {
                    biasFree(); positivelyHomogeneous(); lossHasStatisticalModel()
                }
        }
        restated(modelFisher, CatalogueIdentities.FISHER_RAO_MODEL) shouldBe CatalogueIdentities.FISHER_RAO_MODEL
    }

    test("hinge-grad: -y * step(1 - y * f)") {
        val s = identity("hinge-grad") { gradOutput(loss) eq -y * step(1 - y * f) requires { lossIs<HingeLoss>() } }
        restated(s, CatalogueIdentities.HINGE_GRAD) shouldBe CatalogueIdentities.HINGE_GRAD
    }

    test("the catalogue's identities are core's values themselves") {
        Catalogue.euler shouldBeSameInstanceAs CatalogueIdentities.EULER
        Catalogue.lossEuler shouldBeSameInstanceAs CatalogueIdentities.LOSS_EULER
        Catalogue.fisherRao shouldBeSameInstanceAs CatalogueIdentities.FISHER_RAO
        Catalogue.fisherRaoModel shouldBeSameInstanceAs CatalogueIdentities.FISHER_RAO_MODEL
        Catalogue.hingeGrad shouldBeSameInstanceAs CatalogueIdentities.HINGE_GRAD
        Catalogue["euler"] shouldBeSameInstanceAs CatalogueIdentities.EULER
        Catalogue.identities shouldBe CatalogueIdentities.all()
        Catalogue.entries.map { it.id() } shouldContainAll listOf("euler", "mse-hessian", "rfim-neuron")
    }

    test("unknown and non-Expr catalogue ids") {
        shouldThrow<SpecificationException> { Catalogue["nope"] }.code() shouldBe ErrorCode.UNKNOWN_IDENTITY
        val e = shouldThrow<SpecificationException> { Catalogue["mse-hessian"] }
        e.code() shouldBe ErrorCode.UNSUPPORTED
        e.message shouldContain "mse-hessian"
        e.message shouldContain "euler"
    }

    test("operators build the trees they say, numbers on either side") {
        with(Notation) {
            (2 * loss).expr shouldBe Expr.Mul(Expr.Const(2.0), Expr.LossValue())
            (loss * 2).expr shouldBe Expr.Mul(Expr.LossValue(), Expr.Const(2.0))
            (1.5 - depth).expr shouldBe Expr.Sub(Expr.Const(1.5), Expr.Depth())
            (loss / depth).expr shouldBe Expr.Div(Expr.LossValue(), Expr.Depth())
            (1 / depth).expr shouldBe Expr.Div(Expr.Const(1.0), Expr.Depth())
            (f + x).expr shouldBe Expr.Add(Expr.Output(), Expr.Input())
            (f - 1).expr shouldBe Expr.Sub(Expr.Output(), Expr.Const(1.0))
            (f / loss).expr shouldBe Expr.Div(Expr.Output(), Expr.LossValue())
            (-theta).expr shouldBe Expr.Neg(Expr.Params(ParameterGroup.ALL))
            (hessian(loss) * theta).expr shouldBe Expr.MatMul(
                Expr.Hessian(Expr.LossValue(), Expr.WrtParams(ParameterGroup.ALL)), Expr.Params(ParameterGroup.ALL))
            (grad(f, x) * grad(x, x)).expr shouldBe Expr.MatMul(Expr.Jacobian(Expr.Output(), Expr.WrtInput()),
                Expr.Jacobian(Expr.Input(), Expr.WrtInput()))
            (3 * outer(x, x)).expr shouldBe Expr.Mul(Expr.Const(3.0), Expr.Outer(Expr.Input(), Expr.Input()))
            trace(transpose(fisher(layer(1)))).expr shouldBe
                Expr.Trace(Expr.Transpose(Expr.FisherInformation(ParameterGroup.Layer(1))))
            fisher(neuron(1, 0)).expr shouldBe Expr.FisherInformation(ParameterGroup.Neuron(1, 0))
            grad(loss, neuron(0, 2)).expr shouldBe Expr.Grad(Expr.LossValue(), Expr.WrtParams(ParameterGroup.Neuron(0, 2)))
            gradInput(f[0]).expr shouldBe Expr.Grad(Expr.Component(Expr.Output(), 0), Expr.WrtInput())
            sum(apply(Fn.TANH, x)).expr shouldBe Expr.SumOf(Expr.Apply(Fn.TANH, Expr.Input()))
            pow(loss, 3).expr shouldBe Expr.Pow(Expr.LossValue(), 3)
            (identityMatrix() * 2.0).expr shouldBe Expr.Mul(Expr.IdentityMatrix(0), Expr.Const(2.0))
            constant(0.5).expr shouldBe Expr.Const(0.5)
            mean(over = gaussian(dim = 2)) { loss }.expr shouldBe
                Expr.Expectation(Expr.OverInputs(gaussian(dim = 2)), Expr.LossValue())
        }
    }

    test("rank-preserving functions keep the rank in the static type") {
        with(Notation) {
            val v: VectorExpr = mean(over = data) { f }
            val m: MatrixExpr = meanOverModel { outer(f, f) }
            val s: ScalarExpr = step(loss)
            val w: VectorExpr = pow(f, 2)
            v.rank shouldBe 1
            m.rank shouldBe 2
            s.rank shouldBe 0
            w.rank shouldBe 1
        }
    }

    test("le builds an inequality; statements are data") {
        val s = with(Notation) { trace(hessian(loss)) le 4 }
        s.relation shouldBe Relation.LE
        s.rhs shouldBe Expr.Const(4.0)
        s shouldBe with(Notation) { trace(hessian(loss)) le constant(4.0) }
        s.toIdentity("bound").relation() shouldBe Relation.LE
    }

    test("bad indices and constants are refused with a code") {
        shouldThrow<SpecificationException> { Notation.layer(-1) }.code() shouldBe ErrorCode.OUT_OF_RANGE
        shouldThrow<SpecificationException> { Notation.neuron(0, -2) }.message shouldContain "neuron index"
        shouldThrow<SpecificationException> { Notation.f[-1] }.code() shouldBe ErrorCode.OUT_OF_RANGE
        shouldThrow<SpecificationException> { with(Notation) { loss * Double.NaN } }.code() shouldBe
            ErrorCode.NOT_FINITE
    }

    test("requires accumulates hypotheses") {
        val s = with(Notation) { (f eq f) requires { biasFree() } requires { lossIs(HingeLoss::class.java) } }
        s.preconditions shouldBe listOf(Precondition.BiasFree(), Precondition.LossIs(HingeLoss::class.java))
    }

    test("notation: golden strings for the catalogue") {
        Catalogue.euler.notation() shouldBe
            "euler: (J_θ f)·θ = (L + 1)·f  [bias-free; positively homogeneous]"
        Catalogue.lossEuler.notation() shouldBe
            "loss-euler: ⟨∇_θ 𝔼_data[ℓ], θ⟩ = (L + 1)·𝔼_data[⟨∇_f ℓ, f⟩]  [bias-free; positively homogeneous]"
        Catalogue.fisherRao.notation() shouldBe "fisher-rao: ⟨θ, 𝔼_data[(∇_θ ℓ) ⊗ (∇_θ ℓ)]·θ⟩ = " +
            "(L + 1)²·𝔼_data[⟨∇_f ℓ, f⟩²]  [bias-free; positively homogeneous]"
        Catalogue.hingeGrad.notation() shouldBe "hinge-grad: ∇_f ℓ = −y·1[1 − y·f > 0]  [loss is HingeLoss]"
    }

    test("notation: brackets only where the tree needs them") {
        with(Notation) {
            (x - (y - f)).toString() shouldBe "x − (y − f)"
            (x - y - f).toString() shouldBe "x − y − f"
            (x + (y + f)).toString() shouldBe "x + y + f"
            (-(x + y)).toString() shouldBe "−(x + y)"
            (loss / (depth * 2)).toString() shouldBe "ℓ/(L·2)"
            (loss * -2).toString() shouldBe "ℓ·(−2)"
            ((loss + 1) pow 2).toString() shouldBe "(ℓ + 1)²"
            (f[0] pow -1).toString() shouldBe "f[0]⁻¹"
            transpose(grad(f, layer(0))).toString() shouldBe "(J_θ[layer 0] f)ᵀ"
            meanOverModel { hessian(loss, x) }.toString() shouldBe "𝔼_y∼model[∇²_x ℓ]"
            trace(fisher(neuron(1, 2))).toString() shouldBe "tr(𝓘(θ[neuron 1,2]))"
            mean(over = gaussian(doubleArrayOf(1.0, 0.0), 0.5)) { loss }.toString() shouldBe
                "𝔼_x∼N((1,0), 0.5²I)[ℓ]"
            (dot(grad(f, theta), theta) eq (depth + 1) * f).toString() shouldBe "(J_θ f)·θ = (L + 1)·f"
        }
    }
})
