package org.neuromanifold.dsl.kotest

import io.kotest.matchers.Matcher
import io.kotest.matchers.MatcherResult
import io.kotest.matchers.should
import io.kotest.matchers.shouldNot
import kotlin.math.abs

// Tolerance matchers for scalars, vectors and matrices. The assertion is one expression,
// `actual shouldBeCloseTo (expected within 1e-12)`, so it cannot be left unfinished: the brackets are
// needed because infix calls associate to the left.

/** Passes when `actual` is within `tolerance` of `expected`. */
fun beCloseTo(expected: Double, tolerance: Tolerance): Matcher<Double> = Matcher { actual ->
    val diff = abs(actual - expected)
    MatcherResult(
        tolerance.accepts(actual, expected),
        {
            "expected $expected within tolerance ($tolerance), but was $actual: " +
                "|difference| $diff > allowed ${tolerance.allowed(actual, expected)}"
        },
        { "expected a value not within tolerance ($tolerance) of $expected, but was $actual (|difference| $diff)" },
    )
}

/**
 * Passes when both vectors have the same length and every entry is within tolerance. The failure
 * names how many entries are out, the worst one (largest |difference| / allowed), and both values there.
 */
fun beCloseTo(expected: DoubleArray, tolerance: Tolerance): Matcher<DoubleArray> = Matcher { actual ->
    if (actual.size != expected.size) {
        MatcherResult(false,
            { "expected a DoubleArray of length ${expected.size}, but was length ${actual.size}" },
            { "arrays of different lengths are never close" })
    } else {
        val c = Comparison.of(expected.size, tolerance) { actual[it] to expected[it] }
        MatcherResult(
            c.failures == 0,
            { "DoubleArray of length ${actual.size}: ${c.failures} of ${actual.size} entries out of tolerance " +
                "($tolerance); worst at index ${c.worst}: ${c.describeWorst()}" },
            { "expected DoubleArrays not within tolerance ($tolerance), but all ${actual.size} entries were " +
                "(max |difference| ${c.maxDiff})" },
        )
    }
}

/**
 * Passes when both matrices (as rows) have the same shape and every entry is within tolerance; the
 * failure names the worst entry as `[row, column]`.
 */
fun beCloseTo(expected: Array<DoubleArray>, tolerance: Tolerance): Matcher<Array<DoubleArray>> = Matcher { actual ->
    val shapeError = shapeMismatch(actual, expected)
    if (shapeError != null) {
        MatcherResult(false, { shapeError }, { "matrices of different shapes are never close" })
    } else {
        val cols = if (expected.isEmpty()) 0 else expected[0].size
        val n = expected.size * cols
        val c = Comparison.of(n, tolerance) { actual[it / cols][it % cols] to expected[it / cols][it % cols] }
        val shape = "${expected.size}×$cols"
        MatcherResult(
            c.failures == 0,
            { "matrix $shape: ${c.failures} of $n entries out of tolerance ($tolerance); " +
                "worst at [${c.worst / cols}, ${c.worst % cols}]: ${c.describeWorst()}" },
            { "expected $shape matrices not within tolerance ($tolerance), but all $n entries were " +
                "(max |difference| ${c.maxDiff})" },
        )
    }
}

/** `actual shouldBeCloseTo (expected within 1e-12)`. */
infix fun Double.shouldBeCloseTo(expected: CloseTo<Double>): Double =
    apply { this should beCloseTo(expected.expected, expected.tolerance) }

/** `actual shouldBeCloseTo (expected within 1e-12)`, entrywise. */
infix fun DoubleArray.shouldBeCloseTo(expected: CloseTo<DoubleArray>): DoubleArray =
    apply { this should beCloseTo(expected.expected, expected.tolerance) }

/** `actual shouldBeCloseTo (expected within 1e-12)`, entrywise over the rows. */
infix fun Array<DoubleArray>.shouldBeCloseTo(expected: CloseTo<Array<DoubleArray>>): Array<DoubleArray> =
    apply { this should beCloseTo(expected.expected, expected.tolerance) }

/** The negation: fails when `actual` is within tolerance. */
infix fun Double.shouldNotBeCloseTo(expected: CloseTo<Double>): Double =
    apply { this shouldNot beCloseTo(expected.expected, expected.tolerance) }

/** The negation: fails when every entry is within tolerance. */
infix fun DoubleArray.shouldNotBeCloseTo(expected: CloseTo<DoubleArray>): DoubleArray =
    apply { this shouldNot beCloseTo(expected.expected, expected.tolerance) }

/** The negation: fails when every entry is within tolerance. */
infix fun Array<DoubleArray>.shouldNotBeCloseTo(expected: CloseTo<Array<DoubleArray>>): Array<DoubleArray> =
    apply { this shouldNot beCloseTo(expected.expected, expected.tolerance) }

private fun shapeMismatch(actual: Array<DoubleArray>, expected: Array<DoubleArray>): String? {
    if (actual.size != expected.size) {
        return "expected a matrix of ${expected.size} rows, but was ${actual.size} rows"
    }
    for (i in expected.indices) {
        if (expected[i].size != expected[0].size) {
            return "expected matrix is ragged: row $i has ${expected[i].size} columns, row 0 has ${expected[0].size}"
        }
        if (actual[i].size != expected[i].size) {
            return "expected ${expected[i].size} columns in row $i, but was ${actual[i].size}"
        }
    }
    return null
}

/** The entrywise comparison: how many entries fail and which one is worst. */
private class Comparison(
    val tolerance: Tolerance,
    val failures: Int,
    val worst: Int,
    val worstActual: Double,
    val worstExpected: Double,
    val maxDiff: Double,
) {
    fun describeWorst(): String {
        val diff = abs(worstActual - worstExpected)
        return "actual $worstActual, expected $worstExpected, |difference| $diff > allowed " +
            "${tolerance.allowed(worstActual, worstExpected)}"
    }

    companion object {
        /**
         * Compares `n` pairs. The worst failing entry is the one with the largest |difference| / allowed
         * (NaN and a nonzero difference at allowed = 0 count as infinitely bad; ties go to the larger
         * |difference|, then to the first index).
         */
        inline fun of(n: Int, tolerance: Tolerance, pair: (Int) -> Pair<Double, Double>): Comparison {
            var failures = 0
            var worst = -1
            var worstScore = -1.0
            var worstDiff = -1.0
            var worstA = 0.0
            var worstE = 0.0
            var maxDiff = 0.0
            for (k in 0 until n) {
                val (a, e) = pair(k)
                val diff = if (a == e) 0.0 else abs(a - e)
                if (diff > maxDiff || diff.isNaN()) maxDiff = diff
                if (tolerance.accepts(a, e)) continue
                failures++
                val allowed = tolerance.allowed(a, e)
                val score = if (diff.isNaN() || allowed == 0.0) Double.POSITIVE_INFINITY else diff / allowed
                val d = if (diff.isNaN()) Double.POSITIVE_INFINITY else diff
                if (score > worstScore || (score == worstScore && d > worstDiff)) {
                    worst = k; worstScore = score; worstDiff = d; worstA = a; worstE = e
                }
            }
            return Comparison(tolerance, failures, worst, worstA, worstE, maxDiff)
        }
    }
}
