package org.neuromanifold.dsl.kotest

import org.neuromanifold.core.activation.Activation
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.model.Dense
import org.neuromanifold.core.model.Network
import org.neuromanifold.dsl.identity
import org.neuromanifold.dsl.relu
import kotlin.random.Random

/**
 * The networks a generator draws from, and the bounds its shrinker respects: a network has L hidden
 * layers (L in [depth]) of widths in [width], an input width in [inputWidth], an output width in
 * [outputWidth], one hidden activation from [activations] for all hidden layers, an output activation
 * from [outputActivations], and one bias choice from [bias] for all layers.
 *
 * The lists are ordered simplest first: the shrinker moves towards their first elements.
 */
data class NetworkSpace(
    val depth: IntRange = 0..3,
    val width: IntRange = 1..4,
    val inputWidth: IntRange = 1..3,
    val outputWidth: IntRange = 1..1,
    val activations: List<Activation> = listOf(relu),
    val outputActivations: List<Activation> = listOf(identity),
    val bias: List<Boolean> = listOf(false, true),
) {
    init {
        requireRange("depth", depth, 0)
        requireRange("width", width, 1)
        requireRange("inputWidth", inputWidth, 1)
        requireRange("outputWidth", outputWidth, 1)
        requireNonEmpty("activations", activations)
        requireNonEmpty("outputActivations", outputActivations)
        requireNonEmpty("bias", bias)
    }

    /** A network drawn uniformly over the choices. */
    fun draw(random: Random): Network {
        val l = depth.random(random)
        val widths = listOf(inputWidth.random(random)) + List(l) { width.random(random) } + outputWidth.random(random)
        val hidden = activations.random(random)
        val output = outputActivations.random(random)
        val b = bias.random(random)
        val layers = (0..l).map { t -> Dense(widths[t], widths[t + 1], b, if (t == l) output else hidden) }
        return Network.of(widths[0], layers)
    }

    private fun requireRange(name: String, r: IntRange, min: Int) {
        if (r.isEmpty() || r.first < min) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, name,
                "a non-empty range of values >= $min", r)
        }
    }

    private fun requireNonEmpty(name: String, l: List<*>) {
        if (l.isEmpty()) {
            throw SpecificationException(ErrorCode.EMPTY, name, "$name: expected at least one choice, got none")
        }
    }
}
