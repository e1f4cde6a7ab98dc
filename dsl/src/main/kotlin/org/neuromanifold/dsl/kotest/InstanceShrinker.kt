package org.neuromanifold.dsl.kotest

import io.kotest.property.Shrinker

/**
 * Shrinks a failing [NetworkInstance] to a smallest one. Kotest takes the first candidate that still
 * fails and shrinks again from there, so the order of candidates is the order of priorities:
 *
 * 1. **fewest layers**: remove one hidden layer, while L exceeds the space's minimum depth: for each
 *    hidden layer, first the next layer reads its input directly (its weights keep their values, new
 *    columns are 0), then the layer below takes the next one's place (its weights keep their values,
 *    new rows are 0), so a failure carried by either weight matrix can survive the removal;
 * 2. **narrowest widths**: hidden layers first (first a jump to the minimum width keeping the first
 *    neurons, then removing one neuron at a time, last first), then the input width (a coordinate of
 *    x with its column of W⁰), then the output width (a row of W^L with its component of y);
 * 3. **simplest family**: the hidden activation, then the output activation, then the bias choice, each
 *    towards the first element of the space's list;
 * 4. **simplest values**: θ, then x, then y: all zeros, all rounded to integers, then one entry at a
 *    time towards 0, ±1 and small integers ([SimpleValues]; targets by their [TargetKind]).
 *
 * Like kotest's own shrinking this is greedy: it ends at an instance none of whose candidates fails, a
 * local minimum, which is small but not always the globally smallest failing instance.
 *
 * The numeric verifier shrinks its counterexamples in this same order, so a property test and a
 * verification report the same kind of smallest instance.
 *
 * @param space   the bounds (minimum depth and widths, the simplest-first choices)
 * @param targets how y is shrunk
 */
class InstanceShrinker(
    private val space: NetworkSpace = NetworkSpace(depth = 0..Int.MAX_VALUE, width = 1..Int.MAX_VALUE,
        inputWidth = 1..Int.MAX_VALUE, outputWidth = 1..Int.MAX_VALUE),
    private val targets: TargetKind = TargetKind.REAL,
) : Shrinker<NetworkInstance> {

    override fun shrink(value: NetworkInstance): List<NetworkInstance> =
        fewerLayers(value) + narrower(value) + simplerFamily(value) + simplerValues(value)

    /** Step 1: one hidden layer fewer. */
    fun fewerLayers(s: NetworkInstance): List<NetworkInstance> =
        if (s.depth <= space.depth.first) emptyList()
        else (0 until s.depth).flatMap {
            listOf(NetworkSurgery.removeHiddenLayer(s, it), NetworkSurgery.removeHiddenLayerKeepingInputSide(s, it))
        }.distinct()

    /** Step 2: one position narrower (or straight to its minimum). */
    fun narrower(s: NetworkInstance): List<NetworkInstance> {
        val out = mutableListOf<NetworkInstance>()
        for (t in 0 until s.depth) {
            out += narrow(s.widths[t + 1], space.width.first) { inst, i -> NetworkSurgery.removeNeuron(inst, t, i) }
                .map { it(s) }
        }
        out += narrow(s.widths.first(), space.inputWidth.first) { inst, j -> NetworkSurgery.removeInput(inst, j) }
            .map { it(s) }
        out += narrow(s.widths.last(), space.outputWidth.first) { inst, i ->
            NetworkSurgery.removeOutput(inst, i, targets)
        }.map { it(s) }
        return out
    }

    /**
     * Edits that narrow a position of width `n` with minimum `min`: keep the first `min` units (when
     * that removes more than one), then remove unit i for i = n−1 down to 0.
     */
    private fun narrow(
        n: Int,
        min: Int,
        remove: (NetworkInstance, Int) -> NetworkInstance,
    ): List<(NetworkInstance) -> NetworkInstance> {
        if (n <= min) return emptyList()
        val edits = mutableListOf<(NetworkInstance) -> NetworkInstance>()
        if (n - min > 1) {
            edits += { s -> (n - 1 downTo min).fold(s) { acc, i -> remove(acc, i) } }
        }
        for (i in n - 1 downTo 0) edits += { s -> remove(s, i) }
        return edits
    }

    /** Step 3: an earlier hidden activation, output activation or bias choice of the space. */
    fun simplerFamily(s: NetworkInstance): List<NetworkInstance> {
        val layers = s.network.layers()
        val out = mutableListOf<NetworkInstance>()
        val output = layers.last().activation()
        val hiddenActs = layers.dropLast(1).map { it.activation() }.distinct()
        if (hiddenActs.size == 1) {
            for (a in earlier(space.activations, hiddenActs[0])) out += NetworkSurgery.withActivations(s, a, output)
        }
        val hidden = hiddenActs.singleOrNull() ?: space.activations.first()
        for (a in earlier(space.outputActivations, output)) {
            out += if (layers.size == 1) NetworkSurgery.withActivations(s, a, a)
            else NetworkSurgery.withActivations(s, hidden, a)
        }
        val biases = layers.map { it.bias() }.distinct()
        if (biases.size == 1) {
            for (b in earlier(space.bias, biases[0])) out += NetworkSurgery.withBias(s, b)
        }
        return out
    }

    private fun <T> earlier(choices: List<T>, current: T): List<T> {
        val i = choices.indexOf(current)
        return if (i <= 0) emptyList() else choices.subList(0, i).distinct()
    }

    /** Step 4: simpler θ, then x, then y. */
    fun simplerValues(s: NetworkInstance): List<NetworkInstance> =
        SimpleValues.shrink(s.theta).map { NetworkInstance(s.network, it, s.x, s.y) } +
            SimpleValues.shrink(s.x).map { NetworkInstance(s.network, s.theta, it, s.y) } +
            targets.shrink(s.y).map { NetworkInstance(s.network, s.theta, s.x, it) }
}
