package org.neuromanifold.dsl

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.should
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNot
import io.kotest.matchers.string.shouldContain
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.result.Counterexample
import org.neuromanifold.dsl.kotest.holdOn
import org.neuromanifold.dsl.kotest.shouldFail
import org.neuromanifold.dsl.kotest.shouldHold
import kotlin.math.tanh as tanhOf

/**
 * One-line verification and the Kotest theorem matchers. Euler's identity holds for a bias-free ReLU
 * network and fails for tanh (negative control) with a small counterexample whose sides are checked
 * against closed forms; user-defined identities are verified the same way; a failing matcher's message
 * shows the statement, the failing preconditions and the counterexample.
 */
class VerifySpec : FunSpec({

    val reluModel = model {
        network(inputs = 3) {
            dense(6, relu, bias = false)
            dense(4, relu, bias = false)
            dense(1, identity, bias = false)
        }
    }
    val tanhModel = model { use(reluModel.network.withActivation(tanh, identity)) }
    val fast: VerifyOptions.() -> Unit = { trials = 200; seed = 1; threads = 2 }

    /** For widths 1 → 1 → 1 with σ hidden and a linear output, f = w₁σ(w₀x) and ⟨∇_θ f, θ⟩ = w₁σ(w₀x) + w₁σ'(w₀x)w₀x. */
    fun tanhEulerSides(ce: Counterexample): Pair<Double, Double> {
        val (w0, w1) = ce.theta()
        val x = ce.x()[0]
        val t = tanhOf(w0 * x)
        return (w1 * t + w1 * (1 - t * t) * w0 * x) to 2 * w1 * t
    }

    test("Euler's identity holds for a bias-free ReLU network") {
        val report = Catalogue.euler.shouldHold(reluModel, fast)
        report.expected() shouldBe true
        report.widths().toList() shouldBe listOf(3, 6, 4, 1)
        report.result().trials() shouldBe 200
        report.result().maxRelError() shouldBeLessThan 1e-12
        counterexample(Catalogue.euler, reluModel, VerifyOptions().trials(50)).shouldBeNull()
    }

    test("Euler's identity fails for tanh; the shrunk counterexample is small and its sides are genuine") {
        val report = Catalogue.euler.shouldFail(tanhModel, fast)
        report.expected() shouldBe false
        val ce = report.counterexample().shouldNotBeNull()
        ce.widths().toList() shouldBe listOf(1, 1, 1)
        ce.activation() shouldBe "tanh"
        ce.parameterNames() shouldBe listOf("W0[0,0]", "W1[0,0]")
        val (lhs, rhs) = tanhEulerSides(ce)
        ce.lhs()[0] shouldBe (lhs plusOrMinus 1e-12)
        ce.rhs()[0] shouldBe (rhs plusOrMinus 1e-12)
        kotlin.math.abs(lhs - rhs) shouldBeGreaterThan 1e-3
        counterexample(Catalogue.euler, tanhModel, VerifyOptions().trials(200).seed(1).threads(2)) shouldBe ce
    }

    test("a failing shouldHold shows the statement, the failing precondition and the counterexample") {
        val e = shouldThrow<AssertionError> { Catalogue.euler.shouldHold(tanhModel, fast) }
        val ce = verify(Catalogue.euler, tanhModel, fast).counterexample()!!
        val message = e.message!!
        for (part in listOf(
            "expected euler to hold, but it failed",
            "euler: Euler identity",
            "(J_θ f)·θ = (L + 1)·f  [bias-free; positively homogeneous]",
            "of 200 trials",
            "As predicted: the identity fails, and the preconditions said it need not hold.",
            "precondition not met: every activation satisfies σ(z) = σ'(z) z",
            "Networks: widths 3 -> 6 -> 4 -> 1, activation tanh, seed 1.",
            "Smallest counterexample found",
            "network: widths 1 -> 1 -> 1, activation tanh, no biases",
            "W0[0,0] = ${VerificationText.value(ce.theta()[0])}",
            "W1[0,0] = ${VerificationText.value(ce.theta()[1])}",
            "x       = [${VerificationText.value(ce.x()[0])}]",
            "y       = (not used)",
            "lhs     = [${VerificationText.value(ce.lhs()[0])}]",
            "rhs     = [${VerificationText.value(ce.rhs()[0])}]",
        )) message shouldContain part
    }

    test("a shouldFail on an identity that holds says so") {
        val e = shouldThrow<AssertionError> { Catalogue.euler.shouldFail(reluModel) { trials = 50 } }
        e.message!! shouldContain "expected euler to fail (a counterexample), but it held"
        e.message!! shouldContain "holds on all 50 trials"
    }

    test("matchers compose with should and shouldNot") {
        Catalogue.euler should holdOn(reluModel, VerifyOptions().trials(50))
        Catalogue.euler shouldNot holdOn(tanhModel, VerifyOptions().trials(50))
    }

    test("a user-defined identity: a bias-free ReLU network is positively homogeneous in x") {
        val homogeneity = identity("x-homogeneity", "⟨∇ₓ f, x⟩ = f") {
            dot(gradInput(f[0]), x) eq f[0] requires { biasFree(); positivelyHomogeneous() }
        }
        homogeneity.shouldHold(reluModel, fast).expected() shouldBe true

        // negative control: biases break it, already without hidden layers: for widths 1 → 1,
        // f = w x + b and ⟨∇ₓ f, x⟩ = w x
        val biased = model { use(mlp(3, 6, 1, hidden = relu, bias = true)) }
        val report = homogeneity.shouldFail(biased, fast)
        report.failingPreconditions() shouldBe listOf("the network has no biases")
        val ce = report.counterexample()!!
        ce.widths().toList() shouldBe listOf(1, 1)
        ce.parameterNames() shouldBe listOf("W0[0,0]", "b0[0]")
        val (w, b) = ce.theta()
        val x0 = ce.x()[0]
        ce.lhs()[0] shouldBe (w * x0 plusOrMinus 1e-12)
        ce.rhs()[0] shouldBe (w * x0 + b plusOrMinus 1e-12)
        b shouldBe 1.0 // the simplest failing bias

        // and a deliberately wrong statement fails on the network where the right one holds
        val wrong = identity("x-homogeneity-wrong") { dot(gradInput(f[0]), x) eq 2 * f[0] }
        wrong.shouldFail(reluModel, fast).expected() shouldBe true
    }

    test("the model's loss and data set are used: loss-euler on a fixed data set") {
        val withData = model {
            use(reluModel.network)
            loss = squareLoss
            data = dataset {
                sample(x = doubleArrayOf(1.0, 0.5, -1.0), y = 0.3)
                sample(x = doubleArrayOf(-2.0, 1.0, 0.25), y = -1.0)
                sample(x = doubleArrayOf(0.5, 0.5, 0.5), y = 2.0)
            }
        }
        val report = Catalogue.lossEuler.shouldHold(withData, fast)
        report.dataSize() shouldBe 3
        report.loss() shouldBe "square"
        Catalogue.lossEuler.shouldFail(model { use(tanhModel.network); loss = squareLoss; data = withData.data }, fast)
    }

    test("describe() is the report in words") {
        val text = verify(Catalogue.euler, reluModel) { trials = 20 }.describe()
        text shouldContain "euler: Euler identity"
        text shouldContain "holds on all 20 trials"
        text shouldContain "As predicted: the identity holds."
    }

    test("bad options and statements that do not fit the network give clear errors") {
        val noTrials = shouldThrow<SpecificationException> { verify(Catalogue.euler, reluModel) { trials = 0 } }
        noTrials.argument() shouldBe "trials"
        noTrials.code() shouldBe ErrorCode.NON_POSITIVE_SIZE

        val fisher = shouldThrow<SpecificationException> {
            verify(Catalogue.fisherRaoModel, model { use(reluModel.network); loss = hinge })
        }
        fisher.argument() shouldBe "loss"
        fisher.message!! shouldContain "not the negative log-likelihood"

        val inputs = shouldThrow<SpecificationException> {
            verify(Catalogue.euler, reluModel) { inputs = gaussian(dim = 2) }
        }
        inputs.code() shouldBe ErrorCode.SHAPE_MISMATCH
        inputs.message!! shouldContain "dimension 3"

        val component = identity("second-output") { f[1] eq f[0] }
        val e = shouldThrow<SpecificationException> { verify(component, reluModel) { trials = 5 } }
        e.code() shouldBe ErrorCode.OUT_OF_RANGE
        e.message!! shouldContain "index 1 outside [0, 1)"
    }
})
