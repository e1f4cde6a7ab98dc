package org.neuromanifold.dsl.kotest

import org.neuromanifold.core.activation.Activation
import org.neuromanifold.core.model.Dense
import org.neuromanifold.core.model.Network

/**
 * Structural edits of an instance that keep θ meaningful: the weights that survive an edit keep their
 * values, new ones are 0. Each returns a new instance. Layers are indexed as in core (`Dense` t has
 * weight matrix Wᵗ of shape out × in); "hidden layer t" is the output of `Dense` t for t < L.
 */
internal object NetworkSurgery {
    /** One layer's values: W as rows (out × in) and b (null without bias). */
    private class Layer(val dense: Dense, val w: Array<DoubleArray>, val b: DoubleArray?) {
        fun with(
            `in`: Int = dense.`in`(),
            out: Int = dense.out(),
            bias: Boolean = dense.bias(),
            activation: Activation = dense.activation(),
            w: Array<DoubleArray> = this.w,
            b: DoubleArray? = this.b,
        ) = Layer(Dense(`in`, out, bias, activation), w, if (bias) b ?: DoubleArray(out) else null)
    }

    private fun layers(s: NetworkInstance): List<Layer> {
        val layout = s.network.layout()
        val theta = s.theta
        return s.network.layers().mapIndexed { t, d ->
            val w = layout.unflatten(theta, layout.weight(t))
            val b = layout.biasOrNull(t)?.let { blk -> DoubleArray(blk.rows()) { theta[blk.index(it, 0)] } }
            Layer(d, w, b)
        }
    }

    private fun assemble(s: NetworkInstance, inputDim: Int, layers: List<Layer>, x: DoubleArray = s.x,
                         y: DoubleArray = s.y): NetworkInstance {
        val network = Network(inputDim, layers.map { it.dense }, s.network.head())
        val layout = network.layout()
        val theta = DoubleArray(layout.size())
        layers.forEachIndexed { t, l ->
            layout.flattenInto(l.w, layout.weight(t), theta)
            layout.biasOrNull(t)?.let { blk -> l.b!!.forEachIndexed { i, v -> theta[blk.index(i, 0)] = v } }
        }
        return NetworkInstance(network, theta, x, y)
    }

    private fun dropColumn(w: Array<DoubleArray>, j: Int) =
        Array(w.size) { i -> w[i].filterIndexed { c, _ -> c != j }.toDoubleArray() }

    private fun dropRow(w: Array<DoubleArray>, i: Int) = w.filterIndexed { r, _ -> r != i }.toTypedArray()

    private fun DoubleArray.without(i: Int) = filterIndexed { k, _ -> k != i }.toDoubleArray()

    /**
     * Removes hidden layer k (0 ≤ k < L): `Dense` k disappears and `Dense` k+1 reads `Dense` k's input
     * directly. Its weights keep their values where the column still exists and are 0 in new columns.
     */
    fun removeHiddenLayer(s: NetworkInstance, k: Int): NetworkInstance {
        val ls = layers(s).toMutableList()
        val removed = ls.removeAt(k)
        val next = ls[k]
        val cols = removed.dense.`in`()
        val w = Array(next.dense.out()) { i -> DoubleArray(cols) { j -> if (j < next.dense.`in`()) next.w[i][j] else 0.0 } }
        ls[k] = next.with(`in` = cols, w = w)
        return assemble(s, s.network.inputDim(), ls)
    }

    /**
     * Removes hidden layer k (0 ≤ k < L) the other way round: `Dense` k keeps its weights and takes the
     * place of `Dense` k+1 (its output width, bias choice and activation); rows beyond its old width
     * are 0, rows beyond the new width are dropped.
     */
    fun removeHiddenLayerKeepingInputSide(s: NetworkInstance, k: Int): NetworkInstance {
        val ls = layers(s).toMutableList()
        val kept = ls[k]
        val next = ls.removeAt(k + 1)
        val rows = next.dense.out()
        val w = Array(rows) { i -> if (i < kept.dense.out()) kept.w[i] else DoubleArray(kept.dense.`in`()) }
        val b = kept.b?.let { old -> DoubleArray(rows) { i -> if (i < old.size) old[i] else 0.0 } }
        ls[k] = kept.with(out = rows, bias = next.dense.bias(), activation = next.dense.activation(), w = w, b = b)
        return assemble(s, s.network.inputDim(), ls)
    }

    /** Removes neuron i of hidden layer t: row i of Wᵗ and bᵗ, column i of Wᵗ⁺¹. */
    fun removeNeuron(s: NetworkInstance, t: Int, i: Int): NetworkInstance {
        val ls = layers(s).toMutableList()
        val l = ls[t]
        ls[t] = l.with(out = l.dense.out() - 1, w = dropRow(l.w, i), b = l.b?.without(i))
        val n = ls[t + 1]
        ls[t + 1] = n.with(`in` = n.dense.`in`() - 1, w = dropColumn(n.w, i))
        return assemble(s, s.network.inputDim(), ls)
    }

    /** Removes input coordinate j: column j of W⁰ and x_j. */
    fun removeInput(s: NetworkInstance, j: Int): NetworkInstance {
        val ls = layers(s).toMutableList()
        val l = ls[0]
        ls[0] = l.with(`in` = l.dense.`in`() - 1, w = dropColumn(l.w, j))
        return assemble(s, s.network.inputDim() - 1, ls, x = s.x.without(j))
    }

    /** Removes output component i: row i of W^L and b^L, and y_i (kept a valid target of its kind). */
    fun removeOutput(s: NetworkInstance, i: Int, targets: TargetKind): NetworkInstance {
        val ls = layers(s).toMutableList()
        val last = ls.size - 1
        val l = ls[last]
        ls[last] = l.with(out = l.dense.out() - 1, w = dropRow(l.w, i), b = l.b?.without(i))
        return assemble(s, s.network.inputDim(), ls, y = targets.dropComponent(s.y, i))
    }

    /** Every hidden layer gets `hidden`, the last layer `output`. */
    fun withActivations(s: NetworkInstance, hidden: Activation, output: Activation): NetworkInstance {
        val ls = layers(s)
        return assemble(s, s.network.inputDim(), ls.mapIndexed { t, l ->
            l.with(activation = if (t == ls.size - 1) output else hidden)
        })
    }

    /** Every layer with (new biases 0) or without a bias. */
    fun withBias(s: NetworkInstance, bias: Boolean): NetworkInstance =
        assemble(s, s.network.inputDim(), layers(s).map { it.with(bias = bias) })
}
