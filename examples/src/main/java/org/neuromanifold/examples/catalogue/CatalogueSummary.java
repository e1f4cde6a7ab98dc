package org.neuromanifold.examples.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neuromanifold.core.result.NumericCertificate;
import org.neuromanifold.numeric.verify.VerificationReport;
import org.neuromanifold.symbolic.derive.DerivedResult;

/** The report's summary and per-section notes, computed from the results (plain text). */
final class CatalogueSummary {
    private CatalogueSummary() {
    }

    static List<String> summary(List<EntryResult> results, List<String> notImplemented) {
        long count = results.size();
        List<String> lines = new ArrayList<>();
        lines.add("Every step below was produced by the engine and certified twice: symbolically by the computer "
                + "algebra system and numerically at random points.");
        lines.add(count + " entries: " + countOf(results, EntryStatus.PROVED) + " proved, "
                + countOf(results, EntryStatus.VERIFIED) + " verified numerically with some steps symbolically "
                + "undecided, " + countOf(results, EntryStatus.FAILED) + " failed, "
                + countOf(results, EntryStatus.UNDECIDED) + " undecided.");
        for (EntryResult r : results) {
            for (VerificationReport v : r.verifications()) {
                lines.add(verification(r.id(), v));
            }
            if (!r.error().isEmpty()) {
                lines.add(r.id() + ": " + r.error());
            }
        }
        if (!notImplemented.isEmpty()) {
            lines.add("Not implemented yet: " + String.join(", ", notImplemented) + ".");
        }
        return lines;
    }

    /** Notes after a derivation: its cross-checks and the seed-formula comparison. */
    static List<String> notes(DerivedResult r) {
        List<String> lines = new ArrayList<>();
        for (DerivedResult.CrossCheck c : r.crossChecks()) {
            NumericCertificate n = c.certificate();
            String measure = n.measure() == NumericCertificate.Measure.ERROR
                    ? String.format(Locale.ROOT, "max abs error %.3g", n.maxAbsError())
                    : String.format(Locale.ROOT, "max standard score %.3g (threshold %.3g)", n.maxAbsError(),
                            n.tolerance());
            lines.add("Cross-check (" + (n.agrees() ? "agrees" : "DISAGREES") + ", " + n.points() + " points, "
                    + measure + "): " + c.description());
        }
        r.seedFormula().ifPresent(sf -> lines.add("The seed's formula " + (sf.agrees() ? "agrees" : "disagrees")
                + ": " + sf.detail()));
        return lines;
    }

    static String verification(String id, VerificationReport v) {
        return String.format(Locale.ROOT, "The identity %s (%s) was checked on %d random networks: it %s, as %s "
                + "(max rel error %.3g).", id, v.title(), v.result().trials(), v.holds() ? "holds" : "fails",
                v.result().asPredicted() ? "predicted" : "NOT predicted", v.result().maxRelError());
    }

    private static long countOf(List<EntryResult> results, EntryStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
