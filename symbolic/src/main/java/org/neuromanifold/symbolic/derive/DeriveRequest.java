package org.neuromanifold.symbolic.derive;

import java.util.Map;
import java.util.Objects;

/**
 * What to derive.
 *
 * @param variant   which variant (one of {@link Deriver#variants()}); empty for the default
 * @param options   variant-specific numeric options from the command line, e.g. {@code iota},
 *                  {@code omega}, {@code alpha}, {@code s}, {@code depth}, {@code width}
 * @param seed      seed for the random points of the numeric certificates
 * @param points    how many random points each numeric certificate tries
 */
public record DeriveRequest(String variant, Map<String, Double> options, long seed, int points) {
    /** Default number of random points per step. */
    public static final int DEFAULT_POINTS = 16;

    public DeriveRequest {
        variant = variant == null ? "" : variant;
        options = Map.copyOf(Objects.requireNonNull(options, "options"));
        if (points <= 0) {
            throw new IllegalArgumentException("points: expected a positive count, got " + points);
        }
    }

    /** The default variant with default options. */
    public static DeriveRequest defaults(long seed) {
        return new DeriveRequest("", Map.of(), seed, DEFAULT_POINTS);
    }

    /** The same request for another variant. */
    public DeriveRequest withVariant(String v) {
        return new DeriveRequest(v, options, seed, points);
    }

    /** An option's value, or {@code fallback} when absent. */
    public double option(String name, double fallback) {
        Double v = options.get(name);
        return v == null ? fallback : v;
    }

    /** The variant, or {@code fallback} when empty. */
    public String variantOr(String fallback) {
        return variant.isEmpty() ? fallback : variant;
    }
}
