package org.neuromanifold.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.neuromanifold.examples.catalogue.CatalogueReport;
import org.neuromanifold.examples.catalogue.CatalogueRunner;
import org.neuromanifold.examples.catalogue.EntryResult;
import org.neuromanifold.examples.catalogue.EntryStatus;
import org.neuromanifold.numeric.verify.VerificationReport;
import org.neuromanifold.symbolic.latex.FormulaLatex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code catalogue}: the main job. */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = "Derive and verify every implemented catalogue identity; write the LaTeX report (and PDF).")
final class CatalogueCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/catalogue",
            description = "Directory for the LaTeX files and the PDF (default ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--points", defaultValue = "16", description = "Random points per numeric certificate (default ${DEFAULT-VALUE}).")
    private int points;

    @Option(names = "--trials", defaultValue = "2000", description = "Verifier trials per identity (default ${DEFAULT-VALUE}).")
    private int trials;

    @Option(names = "--threads", description = "Entries run at once (default: available processors).")
    private Integer threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (points <= 0 || trials <= 0 || n <= 0) {
            throw new IllegalArgumentException("--points, --trials and --threads: expected positive values, got "
                    + points + ", " + trials + ", " + n);
        }
        err.println("catalogue: deriving and verifying (Symja starts once, a few seconds)...");
        err.flush();
        CatalogueReport report = CatalogueRunner.run(new CatalogueRunner.Options(common.seed(), points, trials, out, n,
                line -> {
                    err.println("  " + line);
                    err.flush();
                }));
        PrintWriter stdout = spec.commandLine().getOut();
        if (common.json()) {
            Json.print(stdout, json(report));
        } else {
            human(stdout, report);
        }
        return 0;
    }

    private static void human(PrintWriter out, CatalogueReport report) {
        Table t = new Table("id", "variant", "status", "symbolic", "steps proved", "numeric points", "max abs err",
                "max MC score", "file");
        for (EntryResult e : report.entries()) {
            String steps = e.derived().map(d -> d.derivation().provedSteps() + "/" + d.derivation().steps().size())
                    .orElse("-");
            t.row(e.id(), e.variant(), e.status().word(), e.symbolic().word(), steps, e.numericPoints(),
                    Table.num(e.maxAbsError()), e.maxStandardScore() == 0 ? "-" : Table.num(e.maxStandardScore()),
                    e.derivationFile());
        }
        t.print(out);
        for (EntryResult e : report.entries()) {
            for (VerificationReport v : e.verifications()) {
                out.println("  verified " + e.id() + " (" + v.title() + "): " + v.result().trials() + " trials, "
                        + (v.holds() ? "holds" : "fails") + (v.result().asPredicted() ? " as predicted" : " NOT as predicted")
                        + ", max rel err " + Table.num(v.result().maxRelError()));
            }
            if (!e.error().isEmpty()) {
                out.println("  " + e.id() + ": " + e.error());
            }
        }
        out.println();
        out.println(report.count(EntryStatus.PROVED) + " proved, " + report.count(EntryStatus.VERIFIED)
                + " verified (some steps only numerically), " + report.count(EntryStatus.FAILED) + " failed, "
                + report.count(EntryStatus.UNDECIDED) + " undecided.");
        if (!report.notImplemented().isEmpty()) {
            out.println("Not implemented yet: " + String.join(", ", report.notImplemented()));
        }
        out.println("Report: " + report.texFile() + report.pdfFile().map(p -> " and " + p).orElse("") + " ("
                + report.pdfNote() + ")");
        out.println("Wall time " + report.millis() + " ms (Symja start-up " + report.symjaStartupMillis() + " ms).");
        out.flush();
    }

    private static ObjectNode json(CatalogueReport report) {
        FormulaLatex latex = FormulaLatex.standard();
        ObjectNode o = Json.object();
        ArrayNode entries = o.putArray("entries");
        for (EntryResult e : report.entries()) {
            ObjectNode entry = entries.addObject();
            entry.put("id", e.id());
            entry.put("title", e.title());
            entry.put("variant", e.variant().isEmpty() ? null : e.variant());
            entry.put("status", e.status().word());
            entry.put("symbolic", e.symbolic().word());
            ObjectNode numeric = entry.putObject("numeric");
            numeric.put("agrees", e.numericAgrees());
            numeric.put("points", e.numericPoints());
            Json.putNumber(numeric, "maxAbsError", e.maxAbsError());
            Json.putNumber(numeric, "maxStandardScore", e.maxStandardScore());
            long trials = e.verifications().stream().mapToLong(v -> v.result().trials()).sum();
            entry.put("trials", trials);
            entry.put("derivationFile", e.derivationFile().isEmpty() ? null : e.derivationFile());
            entry.put("millis", e.millis());
            if (!e.error().isEmpty()) {
                entry.put("error", e.error());
            }
            e.derived().ifPresent(d -> entry.set("derivation", DerivationJson.of(d, latex)));
            ArrayNode verifications = entry.putArray("verifications");
            for (VerificationReport v : e.verifications()) {
                ObjectNode vo = verifications.addObject();
                vo.put("title", v.title());
                vo.put("trials", v.result().trials());
                vo.put("holds", v.holds());
                vo.put("expected", v.expected());
                Json.putNumber(vo, "maxAbsError", v.result().maxAbsError());
                Json.putNumber(vo, "maxRelError", v.result().maxRelError());
                Json.putNumber(vo, "tolerance", v.result().tolerance());
            }
        }
        o.put("proved", report.count(EntryStatus.PROVED));
        o.put("verified", report.count(EntryStatus.VERIFIED));
        o.put("failed", report.count(EntryStatus.FAILED));
        o.put("undecided", report.count(EntryStatus.UNDECIDED));
        ArrayNode missing = o.putArray("notImplemented");
        report.notImplemented().forEach(missing::add);
        o.put("report", report.texFile().toString());
        o.put("pdf", report.pdfFile().map(Path::toString).orElse(null));
        o.put("pdfNote", report.pdfNote());
        o.put("millis", report.millis());
        o.put("symjaStartupMillis", report.symjaStartupMillis());
        long provedSteps = report.entries().stream().flatMap(e -> e.derived().stream())
                .mapToLong(d -> d.derivation().provedSteps()).sum();
        long allSteps = report.entries().stream().flatMap(e -> e.derived().stream())
                .mapToLong(d -> d.derivation().steps().size()).sum();
        o.put("stepsProvedSymbolically", provedSteps);
        o.put("stepsTotal", allSteps);
        return o;
    }

}
