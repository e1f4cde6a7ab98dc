package org.neuromanifold.examples.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.neuromanifold.core.result.NumericCertificate;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.numeric.verify.VerificationReport;
import org.neuromanifold.symbolic.derive.DerivedResult;

/**
 * One catalogue entry (an id and a variant) after it was derived and verified.
 *
 * @param id             the catalogue id
 * @param title          the entry's title
 * @param variant        the variant (e.g. the activation), or empty
 * @param derived        the certified derivation, if the entry has a deriver and it ran
 * @param verifications  numeric verifier runs of the catalogue's {@code Identity} statements for this id
 * @param derivationFile the LaTeX file written for it (relative to the output directory), or empty
 * @param millis         wall time spent on the entry
 * @param error          why the entry could not be run, or empty
 */
public record EntryResult(String id, String title, String variant, Optional<DerivedResult> derived,
        List<VerificationReport> verifications, String derivationFile, long millis, String error) {
    public EntryResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(derived, "derived");
        verifications = List.copyOf(verifications);
        derivationFile = derivationFile == null ? "" : derivationFile;
        error = error == null ? "" : error;
    }

    /** Aggregated symbolic verdict: refuted if any step was, proved if all were, else undecided. */
    public SymbolicOutcome symbolic() {
        if (derived.isEmpty()) {
            return SymbolicOutcome.UNDECIDED;
        }
        var steps = derived.get().derivation().steps();
        if (steps.stream().anyMatch(s -> s.symbolic().outcome() == SymbolicOutcome.REFUTED)) {
            return SymbolicOutcome.REFUTED;
        }
        return !steps.isEmpty() && steps.stream().allMatch(s -> s.symbolic().outcome() == SymbolicOutcome.PROVED)
                ? SymbolicOutcome.PROVED
                : SymbolicOutcome.UNDECIDED;
    }

    /** Random points or trials behind the numeric verdict: steps, cross-checks and verifier trials. */
    public long numericPoints() {
        long n = verifications.stream().mapToLong(v -> v.result().trials()).sum();
        if (derived.isPresent()) {
            n += derived.get().derivation().steps().stream().mapToLong(s -> s.numeric().points()).sum();
            n += derived.get().crossChecks().stream().mapToLong(c -> c.certificate().points()).sum();
        }
        return n;
    }

    /**
     * The largest absolute error of any numeric certificate, cross-check or verifier run (Monte Carlo
     * cross-checks, which measure standard scores, are summarised by {@link #maxStandardScore()}).
     */
    public double maxAbsError() {
        double m = verifications.stream().mapToDouble(v -> v.result().maxAbsError()).max().orElse(0);
        if (derived.isPresent()) {
            for (var s : derived.get().derivation().steps()) {
                m = Math.max(m, s.numeric().maxAbsError());
            }
            for (var c : derived.get().crossChecks()) {
                if (c.certificate().measure() == NumericCertificate.Measure.ERROR) {
                    m = Math.max(m, c.certificate().maxAbsError());
                }
            }
        }
        return m;
    }

    /** The largest standard score of the Monte Carlo cross-checks (0 when there are none). */
    public double maxStandardScore() {
        return derived.stream().flatMap(d -> d.crossChecks().stream()).map(DerivedResult.CrossCheck::certificate)
                .filter(c -> c.measure() == NumericCertificate.Measure.STANDARD_SCORE)
                .mapToDouble(NumericCertificate::maxAbsError).max().orElse(0);
    }

    /** Whether every numeric certificate, cross-check and verifier run agreed (and there was at least one). */
    public boolean numericAgrees() {
        boolean verified = verifications.stream().allMatch(v -> v.result().asPredicted());
        boolean derivedOk = derived.map(DerivedResult::sound).orElse(true);
        return error.isEmpty() && numericPoints() > 0 && verified && derivedOk;
    }

    /** The entry's verdict. */
    public EntryStatus status() {
        if (!error.isEmpty() && derived.isEmpty() && verifications.isEmpty()) {
            return EntryStatus.UNDECIDED;
        }
        if (!numericAgrees() || symbolic() == SymbolicOutcome.REFUTED) {
            return EntryStatus.FAILED;
        }
        return symbolic() == SymbolicOutcome.PROVED ? EntryStatus.PROVED : EntryStatus.VERIFIED;
    }
}
