package org.neuromanifold.examples.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.neuromanifold.core.catalogue.Catalogue;
import org.neuromanifold.core.catalogue.CatalogueEntry;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.numeric.verify.VerificationConfig;
import org.neuromanifold.numeric.verify.VerificationReport;
import org.neuromanifold.numeric.verify.Verifier;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;
import org.neuromanifold.symbolic.derive.Derivers;
import org.neuromanifold.symbolic.latex.LatexReport;
import org.neuromanifold.symbolic.latex.PdfLatex;
import org.neuromanifold.symbolic.symja.SymjaEngine;

/**
 * The main job: every implemented catalogue entry derived (with its certificates) and, where the
 * catalogue states it as an {@link Identity}, verified on random networks; one LaTeX file per
 * derivation and a report (compiled to PDF when pdflatex exists) under the output directory.
 *
 * <p>Entries run concurrently on the available processors; each is seeded on its own, so the result
 * does not depend on the thread count.
 */
public final class CatalogueRunner {
    /**
     * @param seed     seed of every random choice
     * @param points   random points per numeric certificate
     * @param trials   verifier trials per identity
     * @param outDir   where the LaTeX (and PDF) go
     * @param threads  how many entries run at once
     * @param progress receives one line per finished entry
     */
    public record Options(long seed, int points, int trials, Path outDir, int threads, Consumer<String> progress) {
    }

    private CatalogueRunner() {
    }

    /** Runs the catalogue. */
    public static CatalogueReport run(Options options) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(options.outDir());
        long symjaStartup = SymjaEngine.startupMillis();
        List<Task> tasks = new ArrayList<>();
        List<String> notImplemented = new ArrayList<>();
        for (CatalogueEntry entry : Catalogue.entries()) {
            Optional<Deriver> deriver = Derivers.find(entry.id());
            List<Identity> identities = CatalogueIdentities.all().stream().filter(i -> i.id().equals(entry.id()))
                    .toList();
            if (deriver.isEmpty() && identities.isEmpty()) {
                notImplemented.add(entry.id());
                continue;
            }
            List<String> variants = deriver.map(Deriver::catalogueVariants).orElse(List.of(""));
            for (int v = 0; v < variants.size(); v++) {
                // the verifier runs once per id, with the first variant
                tasks.add(new Task(entry, deriver, variants.get(v), v == 0 ? identities : List.of()));
            }
        }
        List<EntryResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), r -> {
            Thread t = new Thread(r, "catalogue");
            t.setDaemon(true);
            return t;
        });
        try {
            // expensive entries start first so that they overlap the cheap ones; results stay in catalogue order
            List<Future<EntryResult>> futures = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), null));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                order.add(i);
            }
            order.sort(java.util.Comparator.comparingInt((Integer i) -> -tasks.get(i).cost()));
            for (int i : order) {
                Task task = tasks.get(i);
                futures.set(i, pool.submit(() -> runEntry(task, options)));
            }
            for (Future<EntryResult> f : futures) {
                EntryResult r = f.get();
                results.add(r);
                options.progress().accept(String.format(java.util.Locale.ROOT, "%-16s %-14s %-9s %6d ms",
                        r.id(), r.variant(), r.status().word(), r.millis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("catalogue run interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("catalogue entry crashed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Path tex = options.outDir().resolve("catalogue.tex");
        LatexReport.Builder builder = LatexReport.titled("Neuromanifold: the theorem catalogue")
                .summary(CatalogueSummary.summary(results, notImplemented));
        for (EntryResult r : results) {
            r.derived().ifPresent(d -> builder.add(d.derivation(), CatalogueSummary.notes(d)));
        }
        LatexReport report = builder.build();
        report.writeTo(tex);
        Optional<Path> pdf = Optional.empty();
        String pdfNote;
        Optional<PdfLatex> pdflatex = PdfLatex.locate();
        if (pdflatex.isEmpty()) {
            pdfNote = "pdflatex not found: PDF not written (install texlive-latex-base)";
        } else {
            PdfLatex.Result compiled = pdflatex.get().compile(report.source(), Duration.ofSeconds(120));
            if (compiled instanceof PdfLatex.Result.Success s) {
                Path p = options.outDir().resolve("catalogue.pdf");
                Files.write(p, s.pdf());
                pdf = Optional.of(p);
                pdfNote = "compiled in " + s.millis() + " ms";
            } else {
                PdfLatex.Result.Failure f = (PdfLatex.Result.Failure) compiled;
                pdfNote = "pdflatex failed: " + f.reason() + " " + f.errors();
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new CatalogueReport(results, notImplemented, tex, pdf, pdfNote, millis, symjaStartup);
    }

    private record Task(CatalogueEntry entry, Optional<Deriver> deriver, String variant, List<Identity> identities) {
        int cost() {
            return deriver.map(d -> d.relativeCost(variant)).orElse(1);
        }
    }

    private static EntryResult runEntry(Task task, Options options) {
        long start = System.nanoTime();
        Optional<DerivedResult> derived = Optional.empty();
        String file = "";
        StringBuilder error = new StringBuilder();
        if (task.deriver().isPresent()) {
            try {
                DerivedResult r = task.deriver().get().derive(
                        new DeriveRequest(task.variant(), Map.of(), options.seed(), options.points()));
                derived = Optional.of(r);
                file = fileName(task.entry().id(), task.variant());
                LatexReport.titled("Neuromanifold: " + r.derivation().title())
                        .add(r.derivation(), CatalogueSummary.notes(r)).build()
                        .writeTo(options.outDir().resolve(file));
            } catch (RuntimeException | IOException e) {
                error.append("derivation: ").append(e.getMessage());
            }
        }
        List<VerificationReport> verifications = new ArrayList<>();
        for (Identity identity : task.identities()) {
            try {
                verifications.add(Verifier.verify(VerificationConfig.builder(identity).trials(options.trials())
                        .seed(options.seed()).threads(1).build()));
            } catch (RuntimeException e) {
                error.append(error.isEmpty() ? "" : "; ").append("verification: ").append(e.getMessage());
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new EntryResult(task.entry().id(), task.entry().title(), task.variant(), derived, verifications, file,
                millis, error.toString());
    }

    private static String fileName(String id, String variant) {
        return (variant.isEmpty() ? id : id + "-" + variant).replaceAll("[^A-Za-z0-9._-]", "_") + ".tex";
    }
}
