package org.neuromanifold.dsl.kotest

import org.neuromanifold.core.error.Checks
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.model.Network
import org.neuromanifold.core.model.OutputHead
import org.neuromanifold.core.result.Counterexample
import org.neuromanifold.core.scalar.TermPrinter

/**
 * One concrete instance of a statement's variables: a network, its parameters θ (in the network's
 * `ParameterLayout`), an input x and a target y (empty when none is needed). Immutable; equality is by
 * content, so kotest's shrinker recognises repeated candidates.
 */
class NetworkInstance(val network: Network, theta: DoubleArray, x: DoubleArray, y: DoubleArray = DoubleArray(0)) {
    private val thetaValues: DoubleArray = network.layout().requireValid(theta.clone())
    private val xValues: DoubleArray = x.clone()
    private val yValues: DoubleArray = y.clone()

    init {
        Checks.sameLength("x", network.inputDim(), xValues.size)
        Checks.finite("x", xValues)
        if (yValues.isNotEmpty() && yValues.size != network.outputDim()) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "y",
                "length ${network.outputDim()} (the output width) or 0", yValues.size)
        }
        Checks.finite("y", yValues)
    }

    /** θ (a copy). */
    val theta: DoubleArray get() = thetaValues.clone()

    /** x (a copy). */
    val x: DoubleArray get() = xValues.clone()

    /** y (a copy; empty when there is no target). */
    val y: DoubleArray get() = yValues.clone()

    /** L, the number of hidden layers. */
    val depth: Int get() = network.depth()

    /** Widths from input to output. */
    val widths: List<Int> get() = network.widths().toList()

    /** The activation label used in results: the hidden layers' (the output layer's when L = 0). */
    val activationLabel: String
        get() {
            val layers = network.layers()
            val hidden = if (layers.size > 1) layers.dropLast(1) else layers
            return hidden.map { it.activation().label() }.distinct().joinToString("/")
        }

    /** This instance as core's counterexample, with the two sides' values where the statement failed. */
    fun counterexample(lhs: DoubleArray, rhs: DoubleArray): Counterexample = Counterexample(network.widths(),
        activationLabel, !network.biasFree(), thetaValues, network.layout().names(), xValues, yValues, lhs, rhs)

    override fun equals(other: Any?): Boolean = other is NetworkInstance && other.network == network &&
        other.thetaValues.contentEquals(thetaValues) && other.xValues.contentEquals(xValues) &&
        other.yValues.contentEquals(yValues)

    override fun hashCode(): Int = listOf(network.hashCode(), thetaValues.contentHashCode(),
        xValues.contentHashCode(), yValues.contentHashCode()).hashCode()

    /** E.g. `NetworkInstance(widths=[1, 1, 1], relu → identity, no bias, θ={W0[0,0]=1, W1[0,0]=0}, x=[0], y=[])`. */
    override fun toString(): String {
        val names = network.layout().names()
        val layers = network.layers()
        val acts = layers.map { it.activation().label() }.joinToString(" → ")
        val bias = when {
            network.biasFree() -> "no bias"
            layers.all { it.bias() } -> "bias"
            else -> "bias on layers " + layers.indices.filter { layers[it].bias() }
        }
        val head = if (network.head() == OutputHead.SOFTMAX) ", softmax" else ""
        val th = thetaValues.indices.joinToString(", ", "{", "}") { "${names[it]}=${num(thetaValues[it])}" }
        return "NetworkInstance(widths=${widths}, $acts$head, $bias, θ=$th, x=${show(xValues)}, y=${show(yValues)})"
    }

    private fun show(a: DoubleArray) = a.joinToString(", ", "[", "]") { num(it) }

    private fun num(v: Double) = TermPrinter.number(v)
}
