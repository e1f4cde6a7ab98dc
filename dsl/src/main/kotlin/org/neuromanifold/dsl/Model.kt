package org.neuromanifold.dsl

import org.neuromanifold.core.data.Dataset
import org.neuromanifold.core.data.InputDistribution
import org.neuromanifold.core.loss.Loss
import org.neuromanifold.core.model.Initialization
import org.neuromanifold.core.model.Network

/**
 * One declaration of what a statement is about: a network, and optionally a loss, a data set, an input
 * distribution and an initialisation. Every part is a core value, so a [Model] hands over to any
 * interpreter (numeric verifier, symbolic deriver) as it is. Built by [model]; the widths of the parts
 * are checked against each other there.
 *
 * @property network the network f_θ
 * @property loss    the per-sample loss ℓ, or `null` when the statements do not use one
 * @property data    the data set `mean(over = data) { … }` averages over, or `null`
 * @property inputs  the input distribution x is drawn from, or `null`
 * @property init    how θ is drawn, or `null` for the interpreter's default
 */
data class Model(
    val network: Network,
    val loss: Loss? = null,
    val data: Dataset? = null,
    val inputs: InputDistribution? = null,
    val init: Initialization? = null,
)
