package org.neuromanifold.core.result;

import java.util.List;
import java.util.Objects;

/**
 * A chain {@code e₀ R₁ e₁ R₂ e₂ …} produced by a deriver, every step certified twice.
 *
 * @param id          the catalogue id
 * @param title       a heading
 * @param variant     which instance (e.g. the activation), or empty
 * @param start       e₀
 * @param steps       the steps; failed steps are kept and marked, never dropped
 * @param assumptions the assumptions of the whole derivation
 */
public record Derivation(String id, String title, String variant, Formula start, List<DerivationStep> steps,
        List<String> assumptions) {
    public Derivation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        variant = variant == null ? "" : variant;
        Objects.requireNonNull(start, "start");
        steps = List.copyOf(steps);
        assumptions = List.copyOf(assumptions);
    }

    /** The last expression of the chain (the result). */
    public Formula result() {
        return steps.isEmpty() ? start : steps.get(steps.size() - 1).expression();
    }

    /** Whether no step failed. */
    public boolean sound() {
        return steps.stream().noneMatch(DerivationStep::failed);
    }

    /** How many steps were proved symbolically. */
    public long provedSteps() {
        return steps.stream().filter(s -> s.symbolic().outcome() == SymbolicOutcome.PROVED).count();
    }
}
