@file:OptIn(io.kotest.common.ExperimentalKotest::class) // seeded PropTestConfig

package org.neuromanifold.dsl.kotest

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeIn
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.RandomSource
import io.kotest.property.ShrinkingMode
import io.kotest.property.arbitrary.double
import io.kotest.property.arbitrary.take
import io.kotest.property.checkAll
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.model.Network
import org.neuromanifold.dsl.he
import org.neuromanifold.dsl.identity
import org.neuromanifold.dsl.mlp
import org.neuromanifold.dsl.network
import org.neuromanifold.dsl.relu
import org.neuromanifold.dsl.scaled
import org.neuromanifold.dsl.sigmoid
import org.neuromanifold.dsl.tanh
import kotlin.math.abs
import kotlin.math.sqrt

/** Generators draw what their space says, reproducibly, and shrink to the smallest failing instance. */
class ArbSpec : FunSpec({

    val space = NetworkSpace(depth = 0..4, width = 1..5, inputWidth = 1..3, outputWidth = 1..2,
        activations = listOf(relu, tanh), outputActivations = listOf(identity, sigmoid), bias = listOf(false, true))

    test("Arb.network draws inside its space") {
        checkAll(PropTestConfig(iterations = 300, seed = 11), Arb.network(space)) { n ->
            n.depth() shouldBeIn space.depth.toList()
            n.inputDim() shouldBeIn space.inputWidth.toList()
            n.outputDim() shouldBeIn space.outputWidth.toList()
            n.widths().drop(1).dropLast(1).forEach { it shouldBeIn space.width.toList() }
            n.layers().dropLast(1).map { it.activation() }.distinct().size shouldBeIn listOf(0, 1)
            n.layers().last().activation() shouldBeIn space.outputActivations
            n.layers().map { it.bias() }.distinct().size shouldBe 1
        }
    }

    test("the same seed draws the same instances bit for bit; another seed does not") {
        val arb = Arb.networkInstance(space, targets = TargetKind.REAL)
        val a = arb.take(30, RandomSource.seeded(42)).toList()
        val b = arb.take(30, RandomSource.seeded(42)).toList()
        a shouldBe b
        arb.take(30, RandomSource.seeded(43)).toList() shouldNotBe a
    }

    test("θ has the network's layout; x and y the network's widths") {
        checkAll(PropTestConfig(iterations = 200, seed = 5), Arb.networkInstance(space, targets = TargetKind.ONE_HOT)) { s ->
            s.theta.size shouldBe s.network.parameterCount()
            s.x.size shouldBe s.network.inputDim()
            s.y.size shouldBe s.network.outputDim()
            s.y.count { it == 1.0 } shouldBe 1
            s.y.sum() shouldBe 1.0
        }
    }

    test("He initialisation: weight variance 2/fan-in, biases exactly 0") {
        // 20 000 weights: the sample variance of a normal has relative standard error √(2/(n−1)) ≈ 0.01,
        // so 5 % is five standard errors; the fraction within one standard deviation is 0.6827 ± 0.0033.
        val net = network(inputs = 400) { dense(50, relu, bias = true) }
        val theta = Arb.theta(net, he).take(1, RandomSource.seeded(3)).first()
        val w = theta.copyOfRange(0, 20_000)
        val variance = w.sumOf { it * it } / w.size
        abs(variance / (2.0 / 400) - 1) shouldBeLessThan 0.05
        abs(w.average()) shouldBeLessThan 5 * sqrt(2.0 / 400 / w.size)
        val sd = sqrt(2.0 / 400)
        abs(w.count { abs(it) < sd }.toDouble() / w.size - 0.6827) shouldBeLessThan 5 * 0.0033
        theta.copyOfRange(20_000, 20_050).all { it == 0.0 } shouldBe true
    }

    test("scaled initialisation draws biases N(0, sb2); a plain scale draws every entry N(0, scale²)") {
        val wide = network(inputs = 2) { dense(4000, identity, bias = true) }
        val theta = Arb.theta(wide, scaled(sw2 = 1.0, sb2 = 0.25)).take(1, RandomSource.seeded(8)).first()
        val biases = theta.copyOfRange(8000, 12_000)
        // 4 000 biases: relative standard error of the variance √(2/3999) ≈ 0.022; allow 12 % (≈ 5.4 se)
        abs(biases.sumOf { it * it } / biases.size / 0.25 - 1) shouldBeLessThan 0.12
        val flat = Arb.theta(wide, scale = 3.0).take(1, RandomSource.seeded(9)).first()
        abs(flat.sumOf { it * it } / flat.size / 9.0 - 1) shouldBeLessThan 0.05
        val x = Arb.input(dim = 20_000, scale = 0.5).take(1, RandomSource.seeded(10)).first()
        abs(x.sumOf { it * it } / x.size / 0.25 - 1) shouldBeLessThan 0.05
    }

    test("a property failing for depth >= 2 shrinks to depth exactly 2, width 1, simplest family and values") {
        var smallest: NetworkInstance? = null
        val error = shouldThrow<AssertionError> {
            checkAll(PropTestConfig(iterations = 100, seed = 2024, shrinkingMode = ShrinkingMode.Unbounded),
                Arb.networkInstance(space, targets = TargetKind.REAL)) { s ->
                if (s.depth >= 2) {
                    smallest = s
                    throw AssertionError("depth ${s.depth} >= 2")
                }
            }
        }
        val s = smallest!!
        s.depth shouldBe 2
        s.widths shouldContainExactly listOf(1, 1, 1, 1)
        s.network.layers().map { it.activation() } shouldContainExactly listOf(relu, relu, identity)
        s.network.biasFree() shouldBe true
        s.theta.toList() shouldBe listOf(0.0, 0.0, 0.0)
        s.x.toList() shouldBe listOf(0.0)
        s.y.toList() shouldBe listOf(0.0)
        error.message shouldContain s.toString()
    }

    test("Arb.network alone shrinks in the same order") {
        var smallest: Network? = null
        shouldThrow<AssertionError> {
            checkAll(PropTestConfig(iterations = 100, seed = 7, shrinkingMode = ShrinkingMode.Unbounded), Arb.network(space)) { n ->
                if (n.depth() >= 2) {
                    smallest = n
                    throw AssertionError("too deep")
                }
            }
        }
        val n = smallest!!
        n.widths().toList() shouldContainExactly listOf(1, 1, 1, 1)
        n shouldBe mlp(1, 1, 1, 1, hidden = relu, output = identity, bias = false)
    }

    test("values shrink towards 0, ±1 and small integers: θ ≥ 2.5 somewhere ends at one entry equal to 3") {
        var smallest: NetworkInstance? = null
        val small = space.copy(depth = 0..2, width = 1..3)
        shouldThrow<AssertionError> {
            checkAll(PropTestConfig(iterations = 100, seed = 99, shrinkingMode = ShrinkingMode.Unbounded),
                Arb.networkInstance(small, thetaScale = 3.0)) { s ->
                if (s.theta.any { it >= 2.5 }) {
                    smallest = s
                    throw AssertionError("large entry")
                }
            }
        }
        val s = smallest!!
        s.depth shouldBe 0
        s.widths shouldContainExactly listOf(1, 1)
        s.theta.filter { it != 0.0 } shouldContainExactly listOf(3.0)
        s.x.toList() shouldBe listOf(0.0)
    }

    test("candidate order: layers, then widths, then family, then values") {
        val s = NetworkInstance(mlp(2, 3, 3, 1, hidden = tanh, output = sigmoid, bias = true),
            DoubleArray(2 * 3 + 3 + 3 * 3 + 3 + 3 + 1) { 0.5 + it }, doubleArrayOf(0.25, -1.5))
        val shrinker = InstanceShrinker(space)
        val all = shrinker.shrink(s)
        val depths = all.map { it.depth }
        val params = all.map { it.network.parameterCount() }
        // 2 hidden layers × 2 ways, but "drop W¹ keeping W⁰ and W²" arises both ways: 3 distinct candidates,
        // all first; none after them drops a layer
        shrinker.fewerLayers(s).size shouldBe 3
        depths.take(3) shouldBe listOf(1, 1, 1)
        depths.drop(3).all { it == 2 } shouldBe true
        val narrower = shrinker.narrower(s)
        all.subList(3, 3 + narrower.size) shouldBe narrower
        narrower.all { it.network.parameterCount() < s.network.parameterCount() } shouldBe true
        val family = shrinker.simplerFamily(s)
        family.map { it.network.layers().map { l -> l.activation().name() to l.bias() } } shouldContainExactly listOf(
            listOf("relu" to true, "relu" to true, "sigmoid" to true),
            listOf("tanh" to true, "tanh" to true, "identity" to true),
            listOf("tanh" to false, "tanh" to false, "sigmoid" to false))
        all.subList(3 + narrower.size, 3 + narrower.size + family.size) shouldBe family
        all.drop(3 + narrower.size + family.size).all { it.network == s.network } shouldBe true
        params.size shouldBe all.size
    }

    test("removing a neuron whose outgoing weights are 0, or an input that is 0, keeps f(x)") {
        checkAll(PropTestConfig(iterations = 200, seed = 21), Arb.networkInstance(space.copy(depth = 1..3, width = 2..4))) { s ->
            val layout = s.network.layout()
            val t = 0
            val i = 1
            val theta = s.theta
            val next = layout.weight(t + 1)
            for (r in 0 until next.rows()) theta[next.index(r, i)] = 0.0
            val before = NetworkInstance(s.network, theta, s.x)
            val after = NetworkSurgery.removeNeuron(before, t, i)
            after.widths[t + 1] shouldBe before.widths[t + 1] - 1
            forward(after) shouldBeCloseTo (forward(before) within 0.0)

            val x = s.x.also { it[0] = 0.0 }
            val zeroInput = NetworkInstance(s.network, s.theta, x)
            if (s.network.inputDim() > 1) {
                forward(NetworkSurgery.removeInput(zeroInput, 0)) shouldBeCloseTo (forward(zeroInput) within 0.0)
            }
            forward(NetworkSurgery.withBias(NetworkSurgery.withBias(zeroInput, false), true)) shouldBeCloseTo
                (forward(NetworkSurgery.withBias(zeroInput, false)) within 0.0)
        }
    }

    test("removing a hidden identity layer with W = I keeps f(x), both ways") {
        val net = network(inputs = 2) { dense(2, relu, bias = false); dense(2, identity, bias = false); dense(1, identity, bias = false) }
        // W0 arbitrary, W1 = I, W2 arbitrary: f = W2 · I · relu(W0 x)
        val theta = doubleArrayOf(0.3, -1.2, 2.0, 0.7, 1.0, 0.0, 0.0, 1.0, -0.4, 1.1)
        val s = NetworkInstance(net, theta, doubleArrayOf(0.9, -0.2))
        val a = NetworkSurgery.removeHiddenLayer(s, 1)
        a.depth shouldBe 1
        forward(a) shouldBeCloseTo (forward(s) within 0.0)
        // keeping the input side: W1 = I takes the place of W2 … only equal when W2 = I too, so check the values moved
        val b = NetworkSurgery.removeHiddenLayerKeepingInputSide(s, 1)
        b.theta.toList() shouldBe listOf(0.3, -1.2, 2.0, 0.7, 1.0, 0.0)
        b.network.layers().last().activation() shouldBe identity
    }

    test("removing an output keeps the other outputs and a valid one-hot target") {
        val net = network(inputs = 1) { dense(3, tanh) }
        val s = NetworkInstance(net, doubleArrayOf(1.0, 2.0, 3.0, 0.1, 0.2, 0.3), doubleArrayOf(0.5),
            doubleArrayOf(0.0, 1.0, 0.0))
        val r = NetworkSurgery.removeOutput(s, 1, TargetKind.ONE_HOT)
        forward(r).toList() shouldBe forward(s).toList().filterIndexed { i, _ -> i != 1 }
        r.y.toList() shouldBe listOf(1.0, 0.0)
    }

    test("simple values: candidates are simpler, simplest first, and always end") {
        SimpleValues.candidates(3.7) shouldContainExactly listOf(0.0, 1.0, 4.0, 3.0)
        SimpleValues.candidates(-2.0) shouldContainExactly listOf(0.0, -1.0)
        SimpleValues.candidates(5.0) shouldContainExactly listOf(0.0, 1.0, 4.0)
        SimpleValues.candidates(0.5) shouldContainExactly listOf(0.0, 1.0)
        SimpleValues.candidates(1.0) shouldContainExactly listOf(0.0)
        SimpleValues.candidates(0.0) shouldBe emptyList()
        checkAll(PropTestConfig(iterations = 500, seed = 1), Arb.double(-1e3, 1e3)) { v ->
            // even following the last (least simple) candidate each time reaches 0: a non-integer goes to
            // its integer part, an integer n one step towards 0, so at most |v| + 2 steps
            var current = v
            var steps = 0
            while (current != 0.0) {
                val c = SimpleValues.candidates(current)
                c.forEach { SimpleValues.complexity(it) shouldBeLessThan SimpleValues.complexity(current) }
                current = c.last()
                steps++
            }
            steps.toDouble() shouldBeLessThan abs(v) + 3
        }
    }

    test("target kinds shrink to their simplest values") {
        TargetKind.BINARY.shrink(doubleArrayOf(1.0, 0.0)).map { it.toList() } shouldBe listOf(listOf(0.0, 0.0))
        TargetKind.SIGN.shrink(doubleArrayOf(-1.0, 1.0)).map { it.toList() } shouldBe listOf(listOf(1.0, 1.0))
        TargetKind.ONE_HOT.shrink(doubleArrayOf(0.0, 1.0)).map { it.toList() } shouldBe listOf(listOf(1.0, 0.0))
        TargetKind.NONE.shrink(doubleArrayOf()) shouldBe emptyList()
    }

    test("instances validate their parts and print parameter names") {
        val net = mlp(2, 1, hidden = relu, bias = true)
        shouldThrow<SpecificationException> { NetworkInstance(net, doubleArrayOf(1.0), doubleArrayOf(0.0, 0.0)) }
            .code() shouldBe ErrorCode.SHAPE_MISMATCH
        shouldThrow<SpecificationException> { NetworkInstance(net, doubleArrayOf(1.0, 2.0, 3.0), doubleArrayOf(0.0)) }
            .code() shouldBe ErrorCode.SHAPE_MISMATCH
        val s = NetworkInstance(net, doubleArrayOf(1.0, -2.5, 0.0), doubleArrayOf(0.0, 1.0))
        s.toString() shouldBe
            "NetworkInstance(widths=[2, 1], identity, bias, θ={W0[0,0]=1, W0[0,1]=-2.5, b0[0]=0}, x=[0, 1], y=[])"
        val c = s.counterexample(doubleArrayOf(1.0), doubleArrayOf(2.0))
        c.widths().toList() shouldBe listOf(2, 1)
        c.bias() shouldBe true
        c.parameterNames() shouldBe listOf("W0[0,0]", "W0[0,1]", "b0[0]")
        c.activation() shouldBe "identity"
    }

    test("a space with an empty range or no choices is refused") {
        shouldThrow<SpecificationException> { NetworkSpace(width = 0..3) }.message shouldContain "width"
        shouldThrow<SpecificationException> { NetworkSpace(depth = 3..1) }.code() shouldBe ErrorCode.OUT_OF_RANGE
        shouldThrow<SpecificationException> { NetworkSpace(activations = emptyList()) }.code() shouldBe ErrorCode.EMPTY
    }
})
