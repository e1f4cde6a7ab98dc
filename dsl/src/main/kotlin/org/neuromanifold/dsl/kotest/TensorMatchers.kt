package org.neuromanifold.dsl.kotest

import io.kotest.matchers.Matcher
import io.kotest.matchers.MatcherResult
import io.kotest.matchers.should
import io.kotest.matchers.shouldNot
import org.neuromanifold.numeric.tensor.Tensor

// Tolerance matchers for the numeric engine's tensors (values of ExprEvaluator estimates, gradients,
// Hessians): `hessian shouldBeCloseTo (expected within 1e-12)`. Shapes must match; entries compare as in
// the DoubleArray and matrix matchers, whose messages name the worst entry.

/** Absolute tolerance, entrywise. */
infix fun Tensor.within(absolute: Double): CloseTo<Tensor> = CloseTo(this, Tolerance(absolute = absolute))

/** Relative tolerance, entrywise. */
infix fun Tensor.withinRelative(relative: Double): CloseTo<Tensor> = CloseTo(this, Tolerance(relative = relative))

/** Both bounds, entrywise. */
infix fun Tensor.within(tolerance: Tolerance): CloseTo<Tensor> = CloseTo(this, tolerance)

/**
 * Passes when both tensors have the same rank and shape and every entry is within tolerance; a failure
 * names the shapes, or the worst entry (`[row, column]` for matrices).
 */
fun beCloseTo(expected: Tensor, tolerance: Tolerance): Matcher<Tensor> = Matcher { actual ->
    if (!actual.sameShape(expected)) {
        MatcherResult(false,
            { "expected a tensor of shape ${expected.shapeString()}, but was ${actual.shapeString()}" },
            { "tensors of different shapes are never close" })
    } else {
        val entries = when (expected.rank()) {
            0 -> beCloseTo(expected.scalarValue(), tolerance).test(actual.scalarValue())
            1 -> beCloseTo(expected.toArray(), tolerance).test(actual.toArray())
            else -> beCloseTo(expected.toRows(), tolerance).test(actual.toRows())
        }
        MatcherResult(entries.passed(),
            { "tensor ${expected.shapeString()}: " + entries.failureMessage() },
            { "tensor ${expected.shapeString()}: " + entries.negatedFailureMessage() })
    }
}

/** `actual shouldBeCloseTo (expected within 1e-12)`. */
infix fun Tensor.shouldBeCloseTo(expected: CloseTo<Tensor>): Tensor =
    apply { this should beCloseTo(expected.expected, expected.tolerance) }

/** The negation: fails when the shapes match and every entry is within tolerance. */
infix fun Tensor.shouldNotBeCloseTo(expected: CloseTo<Tensor>): Tensor =
    apply { this shouldNot beCloseTo(expected.expected, expected.tolerance) }
