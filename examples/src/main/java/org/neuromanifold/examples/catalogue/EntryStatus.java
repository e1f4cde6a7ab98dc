package org.neuromanifold.examples.catalogue;

/** The verdict on one catalogue entry. */
public enum EntryStatus {
    /** Every step proved symbolically and every numeric check agreed. */
    PROVED,
    /** Every numeric check agreed; at least one step is only numerically certified (symbolic undecided). */
    VERIFIED,
    /** A step was refuted or a numeric check disagreed, or the verifier did not observe what the preconditions predict. */
    FAILED,
    /** No verdict: the entry could not be run (the reason is recorded). */
    UNDECIDED;

    /** The lower-case word used in tables and JSON. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
