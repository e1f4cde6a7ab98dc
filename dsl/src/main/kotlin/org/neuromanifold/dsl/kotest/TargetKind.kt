package org.neuromanifold.dsl.kotest

import kotlin.random.Random

/** What the target y of a generated instance looks like, and how it shrinks. */
enum class TargetKind {
    /** No target: y is empty (identities about f alone, such as Euler's). */
    NONE,

    /** Real targets N(0, 1) per component (square loss); shrunk like θ, towards 0, ±1, small integers. */
    REAL,

    /** y ∈ {0, 1} per component (binary cross-entropy); shrunk towards 0. */
    BINARY,

    /** y ∈ {−1, 1} per component (hinge); shrunk towards +1. */
    SIGN,

    /** A one-hot class vector (softmax cross-entropy); shrunk towards class 0. */
    ONE_HOT;

    /** A target of width `k`. */
    fun draw(k: Int, random: Random): DoubleArray = when (this) {
        NONE -> DoubleArray(0)
        REAL -> DoubleArray(k) { random.nextGaussian() }
        BINARY -> DoubleArray(k) { if (random.nextBoolean()) 1.0 else 0.0 }
        SIGN -> DoubleArray(k) { if (random.nextBoolean()) 1.0 else -1.0 }
        ONE_HOT -> DoubleArray(k).also { it[random.nextInt(k)] = 1.0 }
    }

    /** Simpler targets, simplest first. */
    fun shrink(y: DoubleArray): List<DoubleArray> = when (this) {
        NONE -> emptyList()
        REAL -> SimpleValues.shrink(y)
        BINARY -> y.indices.filter { y[it] != 0.0 }.map { i -> y.copyOf().also { it[i] = 0.0 } }
        SIGN -> y.indices.filter { y[it] != 1.0 }.map { i -> y.copyOf().also { it[i] = 1.0 } }
        ONE_HOT -> if (y.isEmpty() || y[0] == 1.0) emptyList() else listOf(DoubleArray(y.size).also { it[0] = 1.0 })
    }

    /** y without component `i` (the output width shrank), still a valid target of this kind. */
    fun dropComponent(y: DoubleArray, i: Int): DoubleArray {
        if (y.isEmpty()) return y
        val out = y.filterIndexed { j, _ -> j != i }.toDoubleArray()
        if (this == ONE_HOT && out.isNotEmpty() && out.none { it == 1.0 }) out[0] = 1.0
        return out
    }
}
