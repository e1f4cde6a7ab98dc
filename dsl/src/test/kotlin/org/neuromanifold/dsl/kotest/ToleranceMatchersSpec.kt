package org.neuromanifold.dsl.kotest

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException

/** The tolerance matchers pass within tolerance and fail outside it, naming the worst entry. */
class ToleranceMatchersSpec : FunSpec({

    test("scalars: absolute, relative and both") {
        1.0 shouldBeCloseTo (1.0 + 1e-13 within 1e-12)
        1e9 shouldBeCloseTo (1e9 + 1.0 withinRelative 1e-8) // |d| = 1 <= 1e-8 · 1e9 = 10
        0.0 shouldBeCloseTo (1e-15 within Tolerance(absolute = 1e-14, relative = 1e-9))
        Double.POSITIVE_INFINITY shouldBeCloseTo (Double.POSITIVE_INFINITY within 0.0)
    }

    test("scalars: failure message shows both values and the allowed difference") {
        val e = shouldThrow<AssertionError> { 1.5 shouldBeCloseTo (1.0 within 0.1) }
        e.message shouldContain "expected 1.0"
        e.message shouldContain "but was 1.5"
        e.message shouldContain "|difference| 0.5 > allowed 0.1"
    }

    test("negative controls: outside tolerance fails, NaN is never close") {
        shouldThrow<AssertionError> { 1.0 shouldBeCloseTo (1.0 + 1e-11 within 1e-12) }
        // relative 1e-9 at magnitude 1 allows 1e-9, not 1e-8
        shouldThrow<AssertionError> { 1.0 shouldBeCloseTo (1.0 + 1e-8 withinRelative 1e-9) }
        shouldThrow<AssertionError> { Double.NaN shouldBeCloseTo (Double.NaN within 1.0) }
        shouldThrow<AssertionError> { Double.POSITIVE_INFINITY shouldBeCloseTo (Double.NEGATIVE_INFINITY within 1.0) }
    }

    test("shouldNotBeCloseTo is the negation") {
        1.0 shouldNotBeCloseTo (2.0 within 0.5)
        val e = shouldThrow<AssertionError> { 1.0 shouldNotBeCloseTo (1.05 within 0.1) }
        e.message shouldContain "not within tolerance"
    }

    test("vectors pass entrywise") {
        doubleArrayOf(1.0, -2.0, 3e6) shouldBeCloseTo (doubleArrayOf(1.0 + 1e-13, -2.0, 3e6 + 1e-4) within
            Tolerance(absolute = 1e-12, relative = 1e-10))
    }

    test("vectors: the message names the count, the worst index and both values there") {
        val actual = doubleArrayOf(1.0, 2.5, 3.0, 4.2)
        val expected = doubleArrayOf(1.0, 2.0, 3.0, 4.0)
        val e = shouldThrow<AssertionError> { actual shouldBeCloseTo (expected within 0.1) }
        e.message shouldContain "2 of 4 entries out of tolerance"
        e.message shouldContain "worst at index 1: actual 2.5, expected 2.0"
        e.message shouldContain "> allowed 0.1"
    }

    test("vectors: worst is judged relative to what is allowed at each entry") {
        // index 0 misses by 1 where 0.01·10⁶ is allowed (passes); index 1 misses by 2 where 0.01·102 = 1.02
        // is allowed (about 2× over); index 2 misses by 0.5 where 0.01·1.5 = 0.015 is allowed (33× over)
        val actual = doubleArrayOf(1e6 + 1.0, 102.0, 1.5)
        val expected = doubleArrayOf(1e6, 100.0, 1.0)
        val e = shouldThrow<AssertionError> {
            actual shouldBeCloseTo (expected within Tolerance(relative = 0.01))
        }
        e.message shouldContain "2 of 3 entries"
        e.message shouldContain "worst at index 2: actual 1.5, expected 1.0"
    }

    test("vectors: NaN is the worst entry; lengths must agree") {
        val e = shouldThrow<AssertionError> {
            doubleArrayOf(100.0, Double.NaN) shouldBeCloseTo (doubleArrayOf(0.0, 0.0) within 1e-9)
        }
        e.message shouldContain "worst at index 1: actual NaN"
        val l = shouldThrow<AssertionError> { doubleArrayOf(1.0) shouldBeCloseTo (doubleArrayOf(1.0, 2.0) within 1.0) }
        l.message shouldContain "length 2, but was length 1"
        doubleArrayOf(1.0) shouldNotBeCloseTo (doubleArrayOf(1.0, 2.0) within 1.0)
    }

    test("vectors: shouldNotBeCloseTo") {
        doubleArrayOf(1.0, 2.0) shouldNotBeCloseTo (doubleArrayOf(1.0, 2.5) within 0.1)
        val e = shouldThrow<AssertionError> {
            doubleArrayOf(1.0, 2.0) shouldNotBeCloseTo (doubleArrayOf(1.0, 2.05) within 0.1)
        }
        e.message shouldContain "all 2 entries were"
    }

    test("matrices: worst entry as [row, column]") {
        val a = arrayOf(doubleArrayOf(1.0, 2.0, 3.0), doubleArrayOf(4.0, 5.0, 6.0))
        a shouldBeCloseTo (arrayOf(doubleArrayOf(1.0, 2.0, 3.0), doubleArrayOf(4.0, 5.0, 6.0 + 1e-13)) within 1e-12)
        val b = arrayOf(doubleArrayOf(1.0, 2.0, 3.0), doubleArrayOf(4.0, 5.0, 6.0 + 1e-3))
        val e = shouldThrow<AssertionError> { a shouldBeCloseTo (b within 1e-12) }
        e.message shouldContain "matrix 2×3: 1 of 6 entries"
        e.message shouldContain "worst at [1, 2]: actual 6.0, expected 6.001"
        a shouldNotBeCloseTo (b within 1e-12)
    }

    test("matrices: shapes must agree") {
        val a = arrayOf(doubleArrayOf(1.0, 2.0))
        shouldThrow<AssertionError> { a shouldBeCloseTo (arrayOf(doubleArrayOf(1.0), doubleArrayOf(2.0)) within 1.0) }
            .message shouldContain "2 rows, but was 1 rows"
        shouldThrow<AssertionError> { a shouldBeCloseTo (arrayOf(doubleArrayOf(1.0)) within 1.0) }
            .message shouldContain "expected 1 columns in row 0, but was 2"
    }

    test("a tolerance must be finite and non-negative") {
        shouldThrow<SpecificationException> { Tolerance(absolute = -1.0) }.code() shouldBe ErrorCode.OUT_OF_RANGE
        shouldThrow<SpecificationException> { 1.0 withinRelative Double.NaN }.message shouldContain "tolerance relative"
    }
})
