@file:OptIn(io.kotest.common.ExperimentalKotest::class) // seeded PropTestConfig

package org.neuromanifold.dsl.kotest

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.ShrinkingMode
import io.kotest.property.checkAll
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.dsl.Catalogue
import org.neuromanifold.dsl.identity
import org.neuromanifold.dsl.leakyRelu
import org.neuromanifold.dsl.relu
import org.neuromanifold.dsl.squareLoss
import org.neuromanifold.dsl.tanh
import org.neuromanifold.dsl.times
import org.neuromanifold.numeric.expr.EvalContext
import org.neuromanifold.numeric.expr.ExprEvaluator
import org.neuromanifold.numeric.tensor.Tensor
import kotlin.math.tanh as tanhOf

/**
 * Identities as properties over generated instances: they hold at every instance of the spaces their
 * preconditions allow, and a failing one is reported by kotest at the smallest instance
 * [InstanceShrinker] finds, with the sides in the message.
 */
class IdentityPropertySpec : FunSpec({

    val homogeneous = NetworkSpace(depth = 0..3, width = 1..5, inputWidth = 1..3, outputWidth = 1..2,
        activations = listOf(relu, leakyRelu(0.3)), bias = listOf(false))

    test("Euler's identity holds at every bias-free positively homogeneous instance") {
        checkAll(PropTestConfig(iterations = 300, seed = 17), Arb.networkInstance(homogeneous)) { instance ->
            Catalogue.euler shouldHoldAt instance
        }
    }

    test("a user identity with a loss: ⟨∇_f ℓ, f − y⟩ = 2ℓ for the square loss") {
        val twice = identity("square-loss-scaling") { dot(gradOutput(loss), f - y) eq 2 * loss }
        checkAll(PropTestConfig(iterations = 200, seed = 3), Arb.networkInstance(homogeneous, targets = TargetKind.REAL)) {
            twice.shouldHoldAt(it, DEFAULT_INSTANCE_TOLERANCE, loss = squareLoss)
        }
    }

    test("with tanh in the space, the property fails and kotest reports the shrunk network") {
        val space = homogeneous.copy(activations = listOf(relu, tanh))
        var smallest: NetworkInstance? = null
        val error = shouldThrow<AssertionError> {
            checkAll(PropTestConfig(iterations = 100, seed = 5, shrinkingMode = ShrinkingMode.Unbounded),
                Arb.networkInstance(space)) { instance ->
                try {
                    Catalogue.euler shouldHoldAt instance
                } catch (e: AssertionError) {
                    smallest = instance
                    throw e
                }
            }
        }
        val s = smallest!!
        // depth 0 is linear (holds) and ReLU holds: the smallest failure has one tanh hidden layer of width 1
        s.widths shouldContainExactly listOf(1, 1, 1)
        s.network.layers().map { it.activation() } shouldContainExactly listOf(tanh, org.neuromanifold.dsl.identity)
        val (w0, w1) = s.theta
        val x = s.x[0]
        val t = tanhOf(w0 * x)
        val message = error.message!!
        message shouldContain s.toString()
        message shouldContain "expected euler to hold at this instance"
        message shouldContain "network: widths 1 -> 1 -> 1, activation tanh, no biases"
        // both sides in the message are the closed forms w₁t + w₁(1 − t²)w₀x and 2w₁t
        val sides = Catalogue.euler.sidesAt(s)
        sides.lhs[0] shouldBe (w1 * t + w1 * (1 - t * t) * w0 * x plusOrMinus 1e-12)
        sides.rhs[0] shouldBe (2 * w1 * t plusOrMinus 1e-12)
    }

    test("an identity that cannot be evaluated at the instance says why") {
        val second = identity("second-output") { f[1] eq f[0] }
        val one = NetworkInstance(org.neuromanifold.dsl.mlp(2, 1, hidden = relu), DoubleArray(3), DoubleArray(2))
        val e = shouldThrow<SpecificationException> { second shouldHoldAt one }
        e.code() shouldBe ErrorCode.OUT_OF_RANGE
        e.message!! shouldContain "index 1 outside [0, 1)"
        val lossless = shouldThrow<SpecificationException> {
            identity("needs-a-loss") { loss eq 0 }.shouldHoldAt(one, DEFAULT_INSTANCE_TOLERANCE)
        }
        lossless.message!! shouldContain "loss"
    }

    test("tensor matchers: the Hessian of ½(wᵀx − y)² is x xᵀ") {
        val net = org.neuromanifold.dsl.mlp(3, 1, hidden = relu, bias = false)
        val x = doubleArrayOf(0.5, -2.0, 1.5)
        val context = EvalContext.builder(net, doubleArrayOf(0.3, 0.1, -0.7)).input(x).target(doubleArrayOf(0.2))
            .loss(squareLoss).build()
        val hessian = ExprEvaluator().evaluate(org.neuromanifold.core.expr.Exprs.hessianTheta(
            org.neuromanifold.core.expr.Exprs.loss()), context).value()
        val outer = Tensor.matrix(Array(3) { i -> DoubleArray(3) { j -> x[i] * x[j] } })
        hessian shouldBeCloseTo (outer within 1e-14)
        hessian shouldNotBeCloseTo (Tensor.matrix(Array(3) { DoubleArray(3) }) within 1e-3)
        val wrongShape = shouldThrow<AssertionError> { hessian shouldBeCloseTo (Tensor.vector(1.0, 2.0) within 1.0) }
        wrongShape.message!! shouldContain "expected a tensor of shape vector(2), but was matrix(3×3)"
        val worst = shouldThrow<AssertionError> {
            hessian shouldBeCloseTo (Tensor.matrix(Array(3) { i -> DoubleArray(3) { j -> if (i == 1 && j == 2) 0.0 else x[i] * x[j] } }) within 1e-9)
        }
        worst.message!! shouldContain "worst at [1, 2]"
    }
})
