package org.neuromanifold.dsl.kotest

import org.neuromanifold.core.model.Network
import org.neuromanifold.core.model.OutputHead
import kotlin.math.exp

/**
 * A plain forward pass f_θ(x), written from the definitions of `Network` and `ParameterLayout` only,
 * to check that structural shrinking edits preserve what they claim to preserve.
 */
internal fun forward(network: Network, theta: DoubleArray, x: DoubleArray): DoubleArray {
    val layout = network.layout()
    var h = x
    for ((t, d) in network.layers().withIndex()) {
        val w = layout.weight(t)
        val b = layout.biasOrNull(t)
        val input = h
        h = DoubleArray(d.out()) { i ->
            var z = if (b != null) theta[b.index(i, 0)] else 0.0
            for (j in 0 until d.`in`()) z += theta[w.index(i, j)] * input[j]
            d.activation().value(z)
        }
    }
    if (network.head() == OutputHead.SOFTMAX) {
        val m = h.max()
        val e = h.map { exp(it - m) }
        val s = e.sum()
        h = e.map { it / s }.toDoubleArray()
    }
    return h
}

internal fun forward(s: NetworkInstance): DoubleArray = forward(s.network, s.theta, s.x)
