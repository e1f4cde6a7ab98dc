package org.neuromanifold.dsl

import org.neuromanifold.core.data.Dataset
import org.neuromanifold.core.data.InputDistribution
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.loss.Loss
import org.neuromanifold.core.model.Initialization
import org.neuromanifold.core.model.Network
import kotlin.contracts.ExperimentalContracts
import kotlin.contracts.InvocationKind
import kotlin.contracts.contract

/**
 * The receiver of [model]. The network is declared with the nested [network] builder (whose own
 * receiver hides this one, so `loss = …` inside `network { … }` does not compile); the other parts are
 * plain properties.
 */
@NeuromanifoldDsl
class ModelScope @PublishedApi internal constructor() {
    private var declaredNetwork: Network? = null

    /** The per-sample loss. */
    var loss: Loss? = null

    /** The data set. */
    var data: Dataset? = null

    /** The input distribution. */
    var inputs: InputDistribution? = null

    /** How θ is drawn. */
    var init: Initialization? = null

    /** Declares the model's network with the [NetworkScope] builder (once). */
    @OptIn(ExperimentalContracts::class)
    inline fun network(inputs: Int? = null, block: NetworkScope.() -> Unit): Network {
        contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
        val scope = NetworkScope(inputs)
        scope.block()
        return use(scope.build())
    }

    /** Uses a network declared elsewhere (once). */
    fun use(network: Network): Network {
        if (declaredNetwork != null) {
            throw SpecificationException(ErrorCode.UNSUPPORTED, "network",
                "model: a network is already declared ($declaredNetwork); declare one network per model")
        }
        declaredNetwork = network
        return network
    }

    @PublishedApi
    internal fun build(): Model {
        val net = declaredNetwork ?: throw SpecificationException(ErrorCode.EMPTY, "network",
            "model { … }: expected a network, got none; add network(inputs = d) { … } or use(aNetwork)")
        data?.let { d ->
            if (d.inputDim() != net.inputDim()) {
                throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "model data",
                    "input width ${net.inputDim()} (the network's)", "${d.inputDim()} ($d)")
            }
            if (d.targetDim() != 0 && d.targetDim() != net.outputDim()) {
                throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "model data targets",
                    "width ${net.outputDim()} (the network's output width)", "${d.targetDim()} ($d)")
            }
        }
        inputs?.let { p ->
            if (p.dim() != net.inputDim()) {
                throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "model inputs",
                    "dimension ${net.inputDim()} (the network's input width)", "${p.dim()} ($p)")
            }
        }
        return Model(net, loss, data, inputs, init)
    }
}

/**
 * Declares a [Model]:
 * ```
 * val spec = model {
 *     network(inputs = 2) { dense(4, relu, bias = false); dense(1, identity, bias = false) }
 *     loss = squareLoss
 *     data = dataset { sample(x = doubleArrayOf(1.0, 2.0), y = 3.0) }
 * }
 * ```
 * @throws SpecificationException when there is no network or the widths of the parts disagree
 */
@OptIn(ExperimentalContracts::class)
inline fun model(block: ModelScope.() -> Unit): Model {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    val scope = ModelScope()
    scope.block()
    return scope.build()
}
