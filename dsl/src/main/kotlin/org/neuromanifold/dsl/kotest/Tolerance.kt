package org.neuromanifold.dsl.kotest

import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import kotlin.math.abs
import kotlin.math.max

/**
 * How far apart two numbers may be: `|a − e| ≤ max(absolute, relative·max(|a|, |e|))`. The absolute
 * part covers values near 0, where a relative bound means nothing; the relative part covers large
 * values, where rounding grows with magnitude. Equal values (the same infinity included) always pass;
 * NaN never does.
 *
 * @property absolute the absolute bound (≥ 0)
 * @property relative the relative bound (≥ 0)
 */
data class Tolerance(val absolute: Double = 0.0, val relative: Double = 0.0) {
    init {
        for ((name, v) in listOf("absolute" to absolute, "relative" to relative)) {
            if (!(v >= 0 && v.isFinite())) {
                throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "tolerance $name",
                    "a finite value >= 0", v)
            }
        }
    }

    /** The allowed |a − e| for this pair. */
    fun allowed(actual: Double, expected: Double): Double =
        max(absolute, relative * max(abs(actual), abs(expected)))

    /** Whether `actual` is within tolerance of `expected`. */
    fun accepts(actual: Double, expected: Double): Boolean =
        actual == expected || abs(actual - expected) <= allowed(actual, expected)

    override fun toString(): String = "absolute $absolute, relative $relative"
}

/** An expected value with its tolerance: the right side of `shouldBeCloseTo`. */
data class CloseTo<T>(val expected: T, val tolerance: Tolerance)

/** `expected within 1e-12`: absolute tolerance. */
infix fun Double.within(absolute: Double): CloseTo<Double> = CloseTo(this, Tolerance(absolute = absolute))

/** `expected withinRelative 1e-9`: relative tolerance. */
infix fun Double.withinRelative(relative: Double): CloseTo<Double> = CloseTo(this, Tolerance(relative = relative))

/** `expected within Tolerance(absolute = 1e-12, relative = 1e-9)`. */
infix fun Double.within(tolerance: Tolerance): CloseTo<Double> = CloseTo(this, tolerance)

/** Absolute tolerance, entrywise. */
infix fun DoubleArray.within(absolute: Double): CloseTo<DoubleArray> = CloseTo(this, Tolerance(absolute = absolute))

/** Relative tolerance, entrywise. */
infix fun DoubleArray.withinRelative(relative: Double): CloseTo<DoubleArray> =
    CloseTo(this, Tolerance(relative = relative))

/** Both bounds, entrywise. */
infix fun DoubleArray.within(tolerance: Tolerance): CloseTo<DoubleArray> = CloseTo(this, tolerance)

/** Absolute tolerance, entrywise, for a matrix given as rows. */
infix fun Array<DoubleArray>.within(absolute: Double): CloseTo<Array<DoubleArray>> =
    CloseTo(this, Tolerance(absolute = absolute))

/** Relative tolerance, entrywise, for a matrix given as rows. */
infix fun Array<DoubleArray>.withinRelative(relative: Double): CloseTo<Array<DoubleArray>> =
    CloseTo(this, Tolerance(relative = relative))

/** Both bounds, entrywise, for a matrix given as rows. */
infix fun Array<DoubleArray>.within(tolerance: Tolerance): CloseTo<Array<DoubleArray>> = CloseTo(this, tolerance)
