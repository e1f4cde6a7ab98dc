package org.neuromanifold.numeric.verify;

import java.util.List;
import java.util.Objects;

import org.neuromanifold.core.result.Counterexample;
import org.neuromanifold.core.result.VerificationResult;

/**
 * The outcome of a verification run: the core {@link VerificationResult} (verdict, errors, shrunk
 * counterexample) and the details a reader needs to interpret it.
 *
 * @param result                the verdict
 * @param title                 the identity's title (e.g. "Fisher-Rao norm (model Fisher)")
 * @param loss                  the loss name, or {@code null} when the identity uses none
 * @param widths                the widths of the random networks, input to output
 * @param dataSize              rows of the data set (0 when the identity does not average over data)
 * @param seed                  the seed
 * @param failingPreconditions  the preconditions that do not hold (why {@code expected} is false)
 * @param scale                 m, the typical magnitude of the sides (median over trials of max |side|)
 * @param zScore                the z of the Monte Carlo allowance (irrelevant when {@code exact})
 * @param exact                 whether every evaluation was exact (no Monte Carlo)
 * @param failedTrials          how many trials disagreed
 * @param firstFailedTrial      the index of the first trial that disagreed, or −1
 * @param vanishingTrials       trials where both sides were exactly 0 in every entry (they test nothing)
 * @param shrinkEvaluations     evaluations spent shrinking (0 when nothing failed)
 */
public record VerificationReport(VerificationResult result, String title, String loss, int[] widths, int dataSize,
        long seed, List<String> failingPreconditions, double scale, double zScore, boolean exact, int failedTrials,
        int firstFailedTrial, int vanishingTrials, int shrinkEvaluations) {
    public VerificationReport {
        Objects.requireNonNull(result, "result");
        widths = widths.clone();
        failingPreconditions = List.copyOf(failingPreconditions);
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** Shortcut for {@code result().holds()}. */
    public boolean holds() {
        return result.holds();
    }

    /** Shortcut for {@code result().expected()}. */
    public boolean expected() {
        return result.expected();
    }

    /** Shortcut for {@code result().counterexample()} ({@code null} when the identity held). */
    public Counterexample counterexample() {
        return result.counterexample();
    }
}
