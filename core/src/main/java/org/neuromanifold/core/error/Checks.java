package org.neuromanifold.core.error;

/** Argument checks that throw {@link SpecificationException} with the argument named. */
public final class Checks {
    private Checks() {
    }

    /** Requires {@code value} to be a finite number. */
    public static double finite(String argument, double value) {
        if (!Double.isFinite(value)) {
            throw SpecificationException.expected(ErrorCode.NOT_FINITE, argument, "a finite number", value);
        }
        return value;
    }

    /** Requires every entry to be finite; the message names the first offending index. */
    public static double[] finite(String argument, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw SpecificationException.expected(ErrorCode.NOT_FINITE, argument + "[" + i + "]",
                        "a finite number", values[i]);
            }
        }
        return values;
    }

    /** Requires {@code value > 0}. */
    public static int positive(String argument, int value) {
        if (value <= 0) {
            throw SpecificationException.expected(ErrorCode.NON_POSITIVE_SIZE, argument, "a positive size", value);
        }
        return value;
    }

    /** Requires a finite {@code value > 0}. */
    public static double positive(String argument, double value) {
        finite(argument, value);
        if (value <= 0) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, argument, "a value > 0", value);
        }
        return value;
    }

    /** Requires a finite {@code lo <= value < hi}. */
    public static double inHalfOpen(String argument, double value, double lo, double hi) {
        finite(argument, value);
        if (!(value >= lo && value < hi)) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, argument,
                    "a value in [" + lo + ", " + hi + ")", value);
        }
        return value;
    }

    /** Requires {@code actual == expected} for a length or width. */
    public static void sameLength(String argument, int expected, int actual) {
        if (expected != actual) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, argument, "length " + expected, actual);
        }
    }
}
