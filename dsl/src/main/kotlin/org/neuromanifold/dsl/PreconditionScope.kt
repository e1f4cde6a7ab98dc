package org.neuromanifold.dsl

import org.neuromanifold.core.expr.Precondition
import org.neuromanifold.core.loss.Loss

/**
 * The receiver of [Statement.requires]: each call adds one hypothesis. A hypothesis that fails for a
 * given network is not an error: the verdict then says the identity is not expected to hold.
 */
@NeuromanifoldDsl
class PreconditionScope internal constructor() {
    internal val declared: MutableList<Precondition> = mutableListOf()

    /** No layer has a bias. */
    fun biasFree() {
        declared += Precondition.BiasFree()
    }

    /** Every activation satisfies σ(z) = σ'(z)z, and there is no softmax head. */
    fun positivelyHomogeneous() {
        declared += Precondition.PositivelyHomogeneous()
    }

    /** The loss is the negative log-likelihood of a statistical model (Fisher matrices need one). */
    fun lossHasStatisticalModel() {
        declared += Precondition.LossHasStatisticalModel()
    }

    /** The loss is of kind [L], e.g. `lossIs<HingeLoss>()`. */
    inline fun <reified L : Loss> lossIs() {
        lossIs(L::class.java)
    }

    /** The loss is of the given kind. */
    fun lossIs(kind: Class<out Loss>) {
        declared += Precondition.LossIs(kind)
    }
}
