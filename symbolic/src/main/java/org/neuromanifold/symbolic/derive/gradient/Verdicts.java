package org.neuromanifold.symbolic.derive.gradient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;

/**
 * A symbolic certificate made of several named facts (a reduction lemma and a property of σ, the three
 * cases of a case split, …): proved when every fact is proved, refuted when one is refuted (its residual
 * is the step's), undecided otherwise. The detail names each fact with its outcome.
 */
final class Verdicts {
    private final Map<String, SymbolicVerdict> facts = new LinkedHashMap<>();

    /** Adds a fact. */
    Verdicts add(String fact, SymbolicVerdict verdict) {
        facts.put(fact, verdict);
        return this;
    }

    /** Whether no fact was added. */
    boolean isEmpty() {
        return facts.isEmpty();
    }

    /** The combined verdict. */
    SymbolicVerdict combined() {
        List<String> parts = new ArrayList<>();
        boolean refuted = false;
        boolean allProved = !facts.isEmpty();
        for (var e : facts.entrySet()) {
            SymbolicVerdict v = e.getValue();
            refuted |= v.outcome() == SymbolicOutcome.REFUTED;
            allProved &= v.outcome() == SymbolicOutcome.PROVED;
            parts.add(e.getKey() + ": " + v.outcome().word() + (v.detail().isEmpty() ? "" : " (" + v.detail() + ")"));
        }
        String detail = String.join("; ", parts);
        if (refuted) {
            return SymbolicVerdict.refuted(detail);
        }
        return allProved ? SymbolicVerdict.proved(detail) : SymbolicVerdict.undecided(detail);
    }

    /** {@code s} cut to at most 300 characters. */
    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
