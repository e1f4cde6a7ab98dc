package org.neuromanifold.dsl

import org.neuromanifold.core.model.Initialization

// How θ is drawn: weights of a layer with fan-in n are N(0, σ_w²/n), biases N(0, σ_b²).

/** He: σ_w² = 2, σ_b² = 0 (ReLU keeps the pre-activation variance constant across layers). */
val he: Initialization.He = Initialization.He()

/** Xavier for tanh near 0: σ_w² = 1, σ_b² = 0. */
val xavier: Initialization.Xavier = Initialization.Xavier()

/** Custom σ_w² (= α_w² of mean-field theory) and σ_b² (= α_h²). */
fun scaled(sw2: Double, sb2: Double = 0.0): Initialization.Scaled = Initialization.Scaled(sw2, sb2)
