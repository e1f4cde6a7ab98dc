package org.neuromanifold.core.result;

import java.util.Objects;

/**
 * A symbolic certificate.
 *
 * @param outcome proved, refuted or undecided
 * @param detail  for refuted: the residual; for undecided: the reason; for proved: how (e.g. the
 *                case split used), possibly empty
 */
public record SymbolicVerdict(SymbolicOutcome outcome, String detail) {
    public SymbolicVerdict {
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    public static SymbolicVerdict proved(String how) {
        return new SymbolicVerdict(SymbolicOutcome.PROVED, how);
    }

    public static SymbolicVerdict refuted(String residual) {
        return new SymbolicVerdict(SymbolicOutcome.REFUTED, residual);
    }

    public static SymbolicVerdict undecided(String reason) {
        return new SymbolicVerdict(SymbolicOutcome.UNDECIDED, reason);
    }
}
