package org.neuromanifold.core.error;

import java.util.Objects;

/**
 * The one exception family for bad specifications: a network, activation, loss, data set, formula or
 * parameter vector that cannot be what the caller said it is. The message names the argument (and
 * the layer, where there is one), what was expected and what was found.
 */
public final class SpecificationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String argument;

    /**
     * @param code     the stable error code
     * @param argument the argument, layer or file the error is about (e.g. {@code "layer 2"}, {@code "iota"})
     * @param message  the full human-readable message, naming expected and actual values
     */
    public SpecificationException(ErrorCode code, String argument, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.argument = Objects.requireNonNull(argument, "argument");
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }

    /** What the error is about: an argument name, a layer, a file. */
    public String argument() {
        return argument;
    }

    /** {@code "<argument>: expected <expected>, got <actual>"}. */
    public static SpecificationException expected(ErrorCode code, String argument, String expected, Object actual) {
        return new SpecificationException(code, argument, argument + ": expected " + expected + ", got " + actual);
    }
}
