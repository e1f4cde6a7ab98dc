package org.neuromanifold.core.error;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neuromanifold.core.testing.SpecAssertions.assertSpecError;

import org.junit.jupiter.api.Test;

/** The argument checks and the exception they throw. */
class ChecksTest {

    @Test
    void messageFormat() {
        SpecificationException e = SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "iota",
                "a value in [0, 1)", 1.5);
        assertEquals("iota: expected a value in [0, 1), got 1.5", e.getMessage());
        assertEquals("iota", e.argument());
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
        assertInstanceOf(IllegalArgumentException.class, e);
        assertThrows(NullPointerException.class, () -> new SpecificationException(null, "a", "m"));
        assertThrows(NullPointerException.class, () -> new SpecificationException(ErrorCode.EMPTY, null, "m"));
    }

    @Test
    void finite() {
        assertEquals(2.5, Checks.finite("x", 2.5));
        assertSpecError(ErrorCode.NOT_FINITE, () -> Checks.finite("x", Double.NaN),
                "x: expected a finite number, got NaN");
        double[] ok = {1, 2};
        assertArrayEquals(ok, Checks.finite("v", ok));
        assertSpecError(ErrorCode.NOT_FINITE, () -> Checks.finite("v", new double[] {1, 2, Double.NEGATIVE_INFINITY}),
                "v[2]: expected a finite number, got -Infinity");
    }

    @Test
    void positive() {
        assertEquals(3, Checks.positive("n", 3));
        assertSpecError(ErrorCode.NON_POSITIVE_SIZE, () -> Checks.positive("n", 0),
                "n: expected a positive size, got 0");
        assertEquals(1e-300, Checks.positive("s", 1e-300));
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> Checks.positive("s", 0.0), "s: expected a value > 0, got 0.0");
        assertSpecError(ErrorCode.NOT_FINITE, () -> Checks.positive("s", Double.POSITIVE_INFINITY), "s");
    }

    @Test
    void halfOpenAndLength() {
        assertEquals(0.0, Checks.inHalfOpen("i", 0.0, 0, 1));
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> Checks.inHalfOpen("i", 1.0, 0, 1),
                "i: expected a value in [0.0, 1.0), got 1.0");
        assertSpecError(ErrorCode.NOT_FINITE, () -> Checks.inHalfOpen("i", Double.NaN, 0, 1), "NaN");
        assertDoesNotThrow(() -> Checks.sameLength("y", 3, 3));
        assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> Checks.sameLength("y", 3, 2), "y: expected length 3, got 2");
    }
}
