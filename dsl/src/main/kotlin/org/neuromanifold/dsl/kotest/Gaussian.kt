package org.neuromanifold.dsl.kotest

import kotlin.random.Random

/**
 * A standard normal draw by the Box–Muller transform. StrictMath keeps the numbers identical on every
 * JVM for the same seed.
 */
internal fun Random.nextGaussian(): Double {
    val u1 = 1.0 - nextDouble() // in (0, 1], so the logarithm is finite
    val u2 = nextDouble()
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2)
}

/** N(0, sd²), exactly 0.0 when sd = 0. */
internal fun Random.nextGaussian(sd: Double): Double = if (sd == 0.0) 0.0 else sd * nextGaussian()
