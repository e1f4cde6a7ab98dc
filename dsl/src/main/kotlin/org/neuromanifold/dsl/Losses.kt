package org.neuromanifold.dsl

import org.neuromanifold.core.loss.BinaryCrossEntropyLoss
import org.neuromanifold.core.loss.HingeLoss
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss
import org.neuromanifold.core.loss.SquareLoss

// The losses of core, as values.

/** ℓ = ½‖f − y‖² (Gaussian model, s = 1). */
val squareLoss: SquareLoss = SquareLoss()

/** Binary cross-entropy on logits, y ∈ {0, 1} (Bernoulli model). */
val bce: BinaryCrossEntropyLoss = BinaryCrossEntropyLoss()

/** Softmax cross-entropy on logits, y a probability vector (categorical model). */
val softmaxCrossEntropy: SoftmaxCrossEntropyLoss = SoftmaxCrossEntropyLoss()

/** ℓ = Σ max(0, 1 − y f), y ∈ {−1, 1} (no statistical model). */
val hinge: HingeLoss = HingeLoss()
