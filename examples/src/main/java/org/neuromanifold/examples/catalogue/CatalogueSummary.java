package org.neuromanifold.examples.catalogue;

import java.util.List;

/** The report's introduction: what was run and how it came out, computed from the results. */
final class CatalogueSummary {
    private CatalogueSummary() {
    }

    static String introduction(List<EntryResult> results, List<String> notImplemented) {
        long proved = results.stream().filter(r -> r.status() == EntryStatus.PROVED).count();
        long verified = results.stream().filter(r -> r.status() == EntryStatus.VERIFIED).count();
        long failed = results.stream().filter(r -> r.status() == EntryStatus.FAILED).count();
        StringBuilder b = new StringBuilder();
        b.append("Every step below was produced by the engine and certified twice: symbolically by the computer ")
                .append("algebra system and numerically at random points. ")
                .append(results.size()).append(" entries: ").append(proved).append(" proved, ").append(verified)
                .append(" verified numerically with some steps symbolically undecided, ").append(failed)
                .append(" failed.");
        for (EntryResult r : results) {
            for (var v : r.verifications()) {
                b.append(" The identity ").append(r.id()).append(" (").append(v.title()).append(") was checked on ")
                        .append(v.result().trials()).append(" random networks: ")
                        .append(v.holds() ? "it holds" : "it fails").append(", as ")
                        .append(v.result().asPredicted() ? "predicted" : "NOT predicted").append(".");
            }
        }
        if (!notImplemented.isEmpty()) {
            b.append(" Not implemented yet: ").append(String.join(", ", notImplemented)).append(".");
        }
        return b.toString();
    }
}
