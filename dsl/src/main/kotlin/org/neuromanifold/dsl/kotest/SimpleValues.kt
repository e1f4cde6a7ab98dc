package org.neuromanifold.dsl.kotest

import kotlin.math.abs
import kotlin.math.sign
import kotlin.math.truncate

/**
 * What "a simpler value" means when shrinking θ, x and y: 0 is simplest, then ±1, then small integers
 * by magnitude, then everything else. Every candidate is strictly simpler than the value it replaces,
 * so shrinking always ends.
 */
object SimpleValues {
    private const val NON_INTEGER = 1e6

    /** 0 for 0, |n| for an integer n, 10⁶ + |v| otherwise. */
    fun complexity(v: Double): Double = when {
        v == 0.0 -> 0.0
        v == Math.rint(v) -> abs(v)
        else -> NON_INTEGER + abs(v)
    }

    /**
     * Simpler replacements for `v`, simplest first: 0, then sign(v)·1, then (for an integer) one step
     * towards 0, or (otherwise) the nearest integer and the integer part.
     */
    fun candidates(v: Double): List<Double> {
        if (v == 0.0 || !v.isFinite()) return emptyList()
        val s = sign(v)
        val out = mutableListOf(0.0, s)
        if (v == Math.rint(v)) {
            out += v - s
        } else {
            out += Math.rint(v)
            out += truncate(v)
        }
        val c = complexity(v)
        return out.map { if (it == 0.0) 0.0 else it }.distinct().filter { it != v && complexity(it) < c }
    }

    /**
     * Simpler arrays, in order: all zeros; every entry rounded to the nearest integer; then one entry
     * at a time (index order) replaced by each of its [candidates].
     */
    fun shrink(values: DoubleArray): List<DoubleArray> {
        val out = mutableListOf<DoubleArray>()
        if (values.any { it != 0.0 }) out += DoubleArray(values.size)
        val rounded = DoubleArray(values.size) { Math.rint(values[it]).let { r -> if (r == 0.0) 0.0 else r } }
        if (!rounded.contentEquals(values) && rounded.any { it != 0.0 }) out += rounded
        for (i in values.indices) {
            for (c in candidates(values[i])) {
                out += values.copyOf().also { it[i] = c }
            }
        }
        return out.distinctBy { it.toList() }
    }
}
