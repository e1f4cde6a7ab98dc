package org.neuromanifold.numeric.expr;

import java.util.Objects;

import org.neuromanifold.numeric.tensor.Tensor;

/**
 * The value of an expression, with a standard error where Monte Carlo sampling entered it: "value ±
 * standard error", entry by entry.
 *
 * <p>An exact evaluation (closed forms, exact averages over a data set, exact enumeration of a
 * discrete output distribution, Gauss–Hermite quadrature that is exact for the body's polynomial
 * degree) has a zero standard error and {@code samples = 0}. Otherwise {@code samples} is the number
 * of Monte Carlo draws per sampled expectation, and the standard error is the first-order
 * (infinitesimal jackknife) estimate of the whole expression's sampling error, which accounts for
 * every way the samples enter it, derivatives included.
 *
 * @param value         the value
 * @param standardError one non-negative standard error per entry of {@code value} (same shape)
 * @param samples       Monte Carlo draws per sampled expectation, 0 if the value is exact
 */
public record Estimate(Tensor value, Tensor standardError, int samples) {
    public Estimate {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(standardError, "standardError");
        if (!value.sameShape(standardError)) {
            throw new IllegalArgumentException("Estimate: value " + value.shapeString()
                    + " and standard error " + standardError.shapeString() + " must have the same shape");
        }
    }

    /** Whether no sampling entered the value. */
    public boolean exact() {
        return samples == 0;
    }

    /** The value of a scalar (or one-entry) estimate. */
    public double scalar() {
        return value.scalarValue();
    }

    /** The largest standard error over the entries. */
    public double maxStandardError() {
        return standardError.maxAbs();
    }

    @Override
    public String toString() {
        return exact() ? value + " (exact)" : value + " ± " + standardError + " (" + samples + " samples)";
    }
}
