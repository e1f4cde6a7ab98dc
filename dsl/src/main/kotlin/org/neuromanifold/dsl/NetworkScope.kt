package org.neuromanifold.dsl

import org.neuromanifold.core.activation.Activation
import org.neuromanifold.core.error.Checks
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.model.Dense
import org.neuromanifold.core.model.Network
import org.neuromanifold.core.model.OutputHead
import kotlin.contracts.ExperimentalContracts
import kotlin.contracts.InvocationKind
import kotlin.contracts.contract

/**
 * The receiver of [network]: declares the input width, the dense layers in order and an optional
 * softmax head. Each call is checked when it is made, so an error points at the offending line; the
 * layer's input width is always the previous layer's output width, so widths cannot mismatch.
 */
@NeuromanifoldDsl
class NetworkScope @PublishedApi internal constructor(inputs: Int?) {
    private var inputWidth: Int? = inputs?.let { Checks.positive("network inputs", it) }
    private val inputGivenAsArgument = inputs != null
    private val layers = mutableListOf<Dense>()
    private var softmaxHead = false

    /**
     * Declares the input width `d`, once. A layer needs the input width, so `input(...)` can only come
     * before the first layer; after one it is a repeated declaration.
     */
    fun input(width: Int) {
        val previous = inputWidth
        if (previous != null) {
            val how = if (inputGivenAsArgument) "network(inputs = $previous)" else "input($previous)"
            throw SpecificationException(ErrorCode.UNSUPPORTED, "input",
                "input($width): the input width is already given by $how; give it once")
        }
        inputWidth = Checks.positive("input width", width)
    }

    /**
     * Appends a fully connected layer `h ↦ σ(W h + b)` of output width `width`.
     *
     * @param width      the layer's output width (> 0)
     * @param activation σ, e.g. [relu], [identity], `leakyRelu(0.1)`
     * @param bias       whether the layer has a bias vector b
     */
    fun dense(width: Int, activation: Activation, bias: Boolean = true) {
        val index = layers.size
        val described = "layer $index (dense($width, ${activation.label()}, bias = $bias))"
        if (softmaxHead) {
            throw SpecificationException(ErrorCode.UNSUPPORTED, "layer $index",
                "$described: declared after the softmax head; softmax() must come last")
        }
        val inWidth = layers.lastOrNull()?.out() ?: inputWidth ?: throw missingInput(described)
        layers += inLayer(index, described) { Dense(inWidth, width, bias, activation) }
    }

    /** Ends the network with a softmax over the last layer's outputs (which become the logits). */
    fun softmax() {
        if (softmaxHead) {
            throw SpecificationException(ErrorCode.UNSUPPORTED, "softmax",
                "softmax(): the network already ends in a softmax head; declare it once")
        }
        if (layers.isEmpty()) {
            throw SpecificationException(ErrorCode.EMPTY, "softmax",
                "softmax(): expected at least one dense layer before the softmax head (its logits), got none")
        }
        softmaxHead = true
    }

    @PublishedApi
    internal fun build(): Network {
        val d = inputWidth ?: throw missingInput("network")
        if (layers.isEmpty()) {
            throw SpecificationException(ErrorCode.EMPTY, "layers",
                "network(inputs = $d): expected at least one dense(...) layer, got none")
        }
        return Network(d, layers, if (softmaxHead) OutputHead.SOFTMAX else OutputHead.NONE)
    }

    private fun missingInput(what: String) = SpecificationException(ErrorCode.EMPTY, "input",
        "$what: the input width is missing; write network(inputs = d) { … } or call input(d) before the first layer")

    /** Runs a core constructor; a core error gets the layer named in front, same code. */
    private inline fun <T> inLayer(index: Int, described: String, make: () -> T): T = try {
        make()
    } catch (e: SpecificationException) {
        throw SpecificationException(e.code(), "layer $index", "$described: ${e.message}").also { it.initCause(e) }
    }
}

/**
 * Declares a network: `network(inputs = 2) { dense(4, relu, bias = false); dense(1, identity, bias = false) }`
 * or, equivalently, `network { input(2); dense(4, relu, bias = false); dense(1, identity, bias = false) }`.
 *
 * @param inputs the input width, or `null` to give it with `input(d)` inside the block
 * @return the immutable core [Network]
 * @throws SpecificationException on misuse (missing or repeated input width, a layer after the softmax
 *   head, a non-positive width, …), naming the layer and the numbers
 */
@OptIn(ExperimentalContracts::class)
inline fun network(inputs: Int? = null, block: NetworkScope.() -> Unit): Network {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    val scope = NetworkScope(inputs)
    scope.block()
    return scope.build()
}

/**
 * A multilayer perceptron: `mlp(2, 8, 8, 1, hidden = relu)` has input width 2, two hidden layers of 8
 * with [hidden], and an output layer of 1 with [output].
 *
 * @param widths  input width, hidden widths, output width (at least two values)
 * @param hidden  the activation of every layer but the last
 * @param output  the activation of the last layer
 * @param bias    whether every layer has a bias
 * @param softmax whether a softmax head follows the last layer
 */
fun mlp(
    vararg widths: Int,
    hidden: Activation,
    output: Activation = identity,
    bias: Boolean = true,
    softmax: Boolean = false,
): Network {
    val net = Network.mlp(widths, hidden, output, bias)
    return if (softmax) Network(net.inputDim(), net.layers(), OutputHead.SOFTMAX) else net
}
