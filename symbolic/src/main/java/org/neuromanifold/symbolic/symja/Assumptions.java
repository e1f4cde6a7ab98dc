package org.neuromanifold.symbolic.symja;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hypotheses for a proof, as Symja conditions in Mathematica syntax over Symja symbol names, e.g.
 * {@code "omega > 0"}, {@code "0 <= iota < 1"}, {@code "s > 0"}. Every variable not mentioned is a real
 * number.
 *
 * <p>The prover uses them twice: as the assumption argument of {@code Simplify}/{@code Reduce}, and to
 * draw the random points of the numeric check (bounds such as {@code omega > 0} set the sampling
 * interval; any other condition filters the points).
 */
public final class Assumptions {
    private static final Assumptions NONE = new Assumptions(List.of());

    private final List<String> conditions;

    private Assumptions(List<String> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    /** No hypotheses beyond "all variables are real". */
    public static Assumptions none() {
        return NONE;
    }

    /** The conjunction of {@code conditions}. */
    public static Assumptions of(String... conditions) {
        return of(List.of(conditions));
    }

    /** The conjunction of {@code conditions}. */
    public static Assumptions of(List<String> conditions) {
        for (int i = 0; i < conditions.size(); i++) {
            String c = Objects.requireNonNull(conditions.get(i), "condition " + i);
            if (c.isBlank()) {
                throw new IllegalArgumentException("assumption " + i + ": expected a condition, got an empty string");
            }
        }
        return conditions.isEmpty() ? NONE : new Assumptions(conditions);
    }

    /** These hypotheses and {@code more}. */
    public Assumptions and(String... more) {
        List<String> all = new ArrayList<>(conditions);
        all.addAll(of(more).conditions);
        return new Assumptions(all);
    }

    /** These hypotheses and {@code other}'s. */
    public Assumptions and(Assumptions other) {
        List<String> all = new ArrayList<>(conditions);
        all.addAll(other.conditions);
        return new Assumptions(all);
    }

    /** The conditions, in order. */
    public List<String> conditions() {
        return conditions;
    }

    /** Whether there are no conditions. */
    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Assumptions a && a.conditions.equals(conditions);
    }

    @Override
    public int hashCode() {
        return conditions.hashCode();
    }

    @Override
    public String toString() {
        return conditions.isEmpty() ? "(none)" : String.join(" && ", conditions);
    }
}
