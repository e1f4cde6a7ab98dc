package org.neuromanifold.core.result;

/** What a computer-algebra check concluded. */
public enum SymbolicOutcome {
    /** The difference (or the inequality) was reduced to a true statement. */
    PROVED,
    /** The difference reduced to a nonzero residual, or a point was found where the statement fails. */
    REFUTED,
    /** Neither: timeout, unevaluated result, unsupported construct (the reason is given). */
    UNDECIDED;

    /** The lower-case word used in JSON and tables. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
