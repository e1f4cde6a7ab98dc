package org.neuromanifold.dsl

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import org.neuromanifold.core.activation.Activations
import org.neuromanifold.core.activation.Elu
import org.neuromanifold.core.activation.IdentityActivation
import org.neuromanifold.core.activation.LeakyRelu
import org.neuromanifold.core.activation.Relu
import org.neuromanifold.core.activation.Sigmoid
import org.neuromanifold.core.activation.SmoothPrelu
import org.neuromanifold.core.activation.Softplus
import org.neuromanifold.core.activation.Tanh
import org.neuromanifold.core.data.InputDistribution
import org.neuromanifold.core.loss.Loss
import org.neuromanifold.core.model.Dense
import org.neuromanifold.core.model.Initialization
import org.neuromanifold.core.model.Network
import org.neuromanifold.core.model.OutputHead
import kotlin.math.exp

/** The builders end in exactly the core records a Java caller would construct by hand. */
class BuildersSpec : FunSpec({

    val expected = Network(2, listOf(Dense(2, 4, false, Relu()), Dense(4, 1, false, IdentityActivation())),
        OutputHead.NONE)

    test("network(inputs = …) builds the core record, layer by layer") {
        network(inputs = 2) {
            dense(4, relu, bias = false)
            dense(1, identity, bias = false)
        } shouldBe expected
    }

    test("network { input(…) … } is the same network") {
        network { input(2); dense(4, relu, bias = false); dense(1, identity, bias = false) } shouldBe expected
    }

    test("negative control: a different bias or width gives a different network") {
        network(inputs = 2) { dense(4, relu); dense(1, identity, bias = false) } shouldNotBe expected
        network(inputs = 2) { dense(3, relu, bias = false); dense(1, identity, bias = false) } shouldNotBe expected
    }

    test("bias defaults to true and layers chain their widths") {
        val n = network(inputs = 3) { dense(5, tanh); dense(2, sigmoid); dense(1, identity) }
        n.layers() shouldContainExactly listOf(Dense(3, 5, true, Tanh()), Dense(5, 2, true, Sigmoid()),
            Dense(2, 1, true, IdentityActivation()))
        n.depth() shouldBe 2
        n.widths().toList() shouldContainExactly listOf(3, 5, 2, 1)
    }

    test("repeat works inside the builder") {
        val n = network(inputs = 1) { repeat(3) { dense(2, relu, bias = false) }; dense(1, identity, bias = false) }
        n.depth() shouldBe 3
    }

    test("softmax head") {
        val n = network(inputs = 4) { dense(3, identity); softmax() }
        n shouldBe Network(4, listOf(Dense(4, 3, true, IdentityActivation())), OutputHead.SOFTMAX)
    }

    test("mlp shorthand equals core's Network.mlp and the long form") {
        val short = mlp(2, 8, 8, 1, hidden = relu, bias = false)
        short shouldBe Network.mlp(intArrayOf(2, 8, 8, 1), Relu(), IdentityActivation(), false)
        short shouldBe network(inputs = 2) {
            dense(8, relu, bias = false); dense(8, relu, bias = false); dense(1, identity, bias = false)
        }
        mlp(3, 4, hidden = tanh, output = identity, softmax = true).head() shouldBe OutputHead.SOFTMAX
    }

    test("every activation of the core family is a value or a function equal to the core record") {
        val dsl = mapOf("identity" to identity, "relu" to relu, "leaky-relu" to leakyRelu(),
            "prelu-smooth" to preluSmooth(), "tanh" to tanh, "sigmoid" to sigmoid, "elu" to elu(),
            "softplus" to softplus)
        dsl.keys shouldBe Activations.NAMES.toSet()
        for (name in Activations.NAMES) dsl[name] shouldBe Activations.named(name)
        leakyRelu(iota = 0.2) shouldBe LeakyRelu(0.2)
        preluSmooth(iota = 0.1, omega = 0.3) shouldBe SmoothPrelu(0.1, 0.3)
        elu(alpha = 2.0) shouldBe Elu(2.0)
        softplus shouldBe Softplus()
    }

    test("custom activation from a formula: value and derivative against closed forms") {
        val swish = activation("swish", "z*sigmoid(z)")
        val z = 1.3
        val s = 1 / (1 + exp(-z))
        swish.value(z) shouldBe (z * s plusOrMinus 1e-15)
        // d/dz z·sigm(z) = sigm(z) + z·sigm(z)(1 − sigm(z))
        swish.derivative(z) shouldBe (s + z * s * (1 - s) plusOrMinus 1e-15)
        swish.positivelyHomogeneous() shouldBe false
        swish.name() shouldBe "swish"
    }

    test("custom activation with a hyperparameter and a declared homogeneity") {
        val beta = activation("swish-beta", "z*sigmoid(beta*z)", "beta" to 2.0)
        beta.hyperparameters() shouldBe mapOf("beta" to 2.0)
        beta.value(0.5) shouldBe (0.5 / (1 + exp(-1.0)) plusOrMinus 1e-15)
        val lin = activation("twice", "2*z", positivelyHomogeneous = true)
        lin.positivelyHomogeneous() shouldBe true
        lin.value(-3.0) shouldBe -6.0
    }

    test("losses are the core records") {
        squareLoss shouldBe Loss.named("square")
        bce shouldBe Loss.named("bce")
        softmaxCrossEntropy shouldBe Loss.named("softmax-ce")
        hinge shouldBe Loss.named("hinge")
    }

    test("input distributions") {
        gaussian(mu = doubleArrayOf(1.0, 2.0), sigma = 0.5) shouldBe
            InputDistribution.Gaussian(doubleArrayOf(1.0, 2.0), 0.5)
        gaussian(dim = 3) shouldBe InputDistribution.Gaussian.standard(3)
        uniform(-1.0..1.0, dim = 3) shouldBe InputDistribution.Uniform(-1.0, 1.0, 3)
        uniform(0.0, 2.0, 1) shouldBe InputDistribution.Uniform(0.0, 2.0, 1)
        val d = dataset { sample(x = doubleArrayOf(1.0), y = 0.0) }
        empirical(d).data() shouldBeSameInstanceAs d
    }

    test("initialisations") {
        he shouldBe Initialization.He()
        xavier shouldBe Initialization.Xavier()
        scaled(sw2 = 1.5, sb2 = 0.05) shouldBe Initialization.Scaled(1.5, 0.05)
        scaled(2.0).biasVariance() shouldBe 0.0
    }

    test("dataset builder stores rows in order, and equals the array forms") {
        val d = dataset {
            sample(x = doubleArrayOf(1.0, 2.0), y = doubleArrayOf(3.0))
            sample(x = doubleArrayOf(4.0, 5.0), y = 6.0)
        }
        d.size() shouldBe 2
        d.inputDim() shouldBe 2
        d.targetDim() shouldBe 1
        d.inputsFlat().toList() shouldContainExactly listOf(1.0, 2.0, 4.0, 5.0)
        d.targetsFlat().toList() shouldContainExactly listOf(3.0, 6.0)
        val fromArrays = dataset(arrayOf(doubleArrayOf(1.0, 2.0), doubleArrayOf(4.0, 5.0)), doubleArrayOf(3.0, 6.0))
        fromArrays.inputsFlat().toList() shouldBe d.inputsFlat().toList()
        fromArrays.targetsFlat().toList() shouldBe d.targetsFlat().toList()
        val fromLists = dataset(listOf(doubleArrayOf(1.0, 2.0)), listOf(doubleArrayOf(3.0, 4.0)))
        fromLists.targetDim() shouldBe 2
    }

    test("the builder copies what it is given") {
        val x = doubleArrayOf(1.0)
        val d = dataset { sample(x = x, y = 0.0) }
        x[0] = 99.0
        d.input(0)[0] shouldBe 1.0
    }

    test("model bundles core parts") {
        val data = dataset { sample(x = doubleArrayOf(1.0, 2.0), y = 3.0) }
        val m = model {
            network(inputs = 2) { dense(4, relu, bias = false); dense(1, identity, bias = false) }
            loss = squareLoss
            this.data = data
            inputs = gaussian(dim = 2)
            init = he
        }
        m shouldBe Model(expected, squareLoss, data, gaussian(dim = 2), he)
        model { use(expected) } shouldBe Model(expected)
    }
})
