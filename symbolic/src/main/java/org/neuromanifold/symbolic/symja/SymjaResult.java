package org.neuromanifold.symbolic.symja;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import org.matheclipse.core.interfaces.IExpr;

/**
 * The outcome of one time-limited piece of Symja work: a value, or undecided with the reason. Symja's
 * own failure signals ({@code $Aborted}, an unevaluated result, a syntax error, an exception) are all
 * turned into {@link Undecided}; nothing is thrown to the caller.
 *
 * @param <T> the value type ({@code IExpr} for evaluations)
 */
public sealed interface SymjaResult<T> permits SymjaResult.Value, SymjaResult.Undecided {

    /** Why Symja gave no usable value. */
    enum Reason {
        /** The time limit ran out (or Symja aborted on its own, {@code $Aborted}). */
        TIMEOUT,
        /** Symja returned an operation unevaluated (e.g. {@code Eigenvalues[...]}, {@code Derivative[1][Abs][x]}). */
        UNEVALUATED,
        /** The input did not parse. */
        SYNTAX_ERROR,
        /** Symja threw (recursion limit, internal error, ...). */
        EXCEPTION,
        /** The input uses something the bridge cannot translate (named in the detail). */
        UNSUPPORTED
    }

    /** Wall-clock milliseconds the work took (including waiting for a free engine). */
    long millis();

    /** Messages Symja printed while working (e.g. {@code "D: -2 is not a valid variable."}). */
    List<String> messages();

    /**
     * A value.
     *
     * @param value    the result
     * @param millis   elapsed milliseconds
     * @param messages engine messages
     */
    record Value<T>(T value, long millis, List<String> messages) implements SymjaResult<T> {
        public Value {
            Objects.requireNonNull(value, "value");
            messages = List.copyOf(messages);
        }
    }

    /**
     * No value.
     *
     * @param reason   why
     * @param detail   a readable explanation (the timeout, the unevaluated head, the exception message)
     * @param millis   elapsed milliseconds
     * @param messages engine messages
     */
    record Undecided<T>(Reason reason, String detail, long millis, List<String> messages) implements SymjaResult<T> {
        public Undecided {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
            messages = List.copyOf(messages);
        }

        /** {@code "timeout: ..."}: the reason in lower case followed by the detail. */
        public String explanation() {
            String word = reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            return detail.isEmpty() ? word : word + ": " + detail;
        }
    }

    /** Whether this is a {@link Value}. */
    default boolean isValue() {
        return this instanceof Value;
    }

    /** The value, if there is one. */
    default Optional<T> asOptional() {
        return this instanceof Value<T> v ? Optional.of(v.value()) : Optional.empty();
    }

    /**
     * The value.
     *
     * @throws NoSuchElementException with the reason when undecided
     */
    default T valueOrThrow() {
        if (this instanceof Value<T> v) {
            return v.value();
        }
        Undecided<T> u = (Undecided<T>) this;
        throw new NoSuchElementException("Symja gave no value (" + u.explanation() + ")");
    }

    /** A readable one-line summary: the value's text or the undecided explanation. */
    default String describe() {
        return switch (this) {
            case Value<T> v -> v.value() instanceof IExpr e ? SymjaExprs.input(e) : String.valueOf(v.value());
            case Undecided<T> u -> u.explanation();
        };
    }
}
