package org.neuromanifold.examples.catalogue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a catalogue run.
 *
 * @param entries            one per id and variant, in catalogue order
 * @param notImplemented     catalogue ids with neither a deriver nor a verifiable identity yet
 * @param texFile            the LaTeX report
 * @param pdfFile            the compiled report, when pdflatex exists and succeeded
 * @param pdfNote            how the PDF step went
 * @param millis             wall time of the run
 * @param symjaStartupMillis the computer-algebra engine's one-time start-up
 */
public record CatalogueReport(List<EntryResult> entries, List<String> notImplemented, Path texFile,
        Optional<Path> pdfFile, String pdfNote, long millis, long symjaStartupMillis) {
    public CatalogueReport {
        entries = List.copyOf(entries);
        notImplemented = List.copyOf(notImplemented);
    }

    /** How many entries have the given status. */
    public long count(EntryStatus status) {
        return entries.stream().filter(e -> e.status() == status).count();
    }
}
