package org.neuromanifold.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.neuromanifold.core.expr.Precondition;
import org.neuromanifold.core.result.Counterexample;
import org.neuromanifold.core.result.VerificationResult;
import org.neuromanifold.examples.script.CompiledSpecCache;
import org.neuromanifold.examples.script.Finding;
import org.neuromanifold.examples.script.LatexDocument;
import org.neuromanifold.examples.script.SpecDiagnostic;
import org.neuromanifold.examples.script.SpecHost;
import org.neuromanifold.examples.script.SpecReport;
import org.neuromanifold.examples.script.SpecRun;
import org.neuromanifold.examples.script.SpecWatcher;
import org.neuromanifold.examples.script.StatementLatex;
import org.neuromanifold.symbolic.latex.FormulaLatex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code run <spec.nm.kts>}: compiles and runs a model spec written in the Kotlin DSL, prints what it
 * reported and writes its LaTeX documents.
 *
 * <p>Exit codes: 0 when every check held, every verdict was as predicted and every derivation was sound;
 * 1 when one of them failed; 2 when the spec does not compile, cannot be read, or throws (the error names
 * the script line).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a model spec (a Kotlin script in the Neuromanifold DSL, *.nm.kts) and print its verdicts.",
            "The spec sees the DSL without imports, `report` (where it reports checks, values, verdicts, derivations "
                    + "and LaTeX) and `seed`. Compiled specs are cached (see --cache-dir), so an unchanged spec starts without "
                    + "the Kotlin compiler."})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "<spec.nm.kts>", description = "The spec script.")
    private Path script;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the spec's LaTeX documents into DIR (created if needed).")
    private Path out;

    @Option(names = "--no-cache", description = "Compile the spec even if a compiled copy is cached (and do not store it).")
    private boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where compiled specs are cached (default: $NEUROMANIFOLD_CACHE/scripts, else "
                    + "$XDG_CACHE_HOME/neuromanifold/scripts, else ~/.cache/neuromanifold/scripts).")
    private Path cacheDir;

    @Option(names = "--stacktrace", description = "When the spec throws, print the whole stack trace.")
    private boolean stacktrace;

    @Option(names = "--watch", description = "Run the spec again each time the file changes (the warm compiler "
            + "recompiles it in a second or two); stop with Ctrl-C. Not with --json.")
    private boolean watch;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SpecHost host = new SpecHost(noCache ? null
                : new CompiledSpecCache(cacheDir != null ? cacheDir : CompiledSpecCache.defaultDirectory()));
        if (!watch) {
            return present(host.run(script, common.seed()));
        }
        if (common.json()) {
            throw new IllegalArgumentException("--watch prints a table per run; --json prints one document: use one of them");
        }
        PrintWriter err = spec.commandLine().getErr();
        new SpecWatcher(host, script, 200).watch(common.seed(), () -> false, run -> {
            try {
                present(run);
            } catch (IOException e) {
                err.println("neuromanifold: " + e.getMessage());
            }
            err.println("neuromanifold: watching " + script + " for changes (Ctrl-C to stop)");
            err.flush();
        });
        return 0;
    }

    /** Prints one run (table or JSON, diagnostics on stderr), writes its LaTeX; returns the exit code. */
    private int present(SpecRun run) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        for (SpecDiagnostic w : run.getWarnings()) {
            err.println(w);
        }
        SpecRun.Compilation c = run.getCompilation();
        if (c.getCacheProblem() != null) {
            err.println("neuromanifold: compiled spec not cached: " + c.getCacheProblem());
        }
        if (run instanceof SpecRun.CompileFailed failed) {
            for (SpecDiagnostic e : failed.getErrors()) {
                err.println(e);
            }
            err.println("neuromanifold: " + run.getSpec() + " does not compile (" + failed.getErrors().size() + " error"
                    + (failed.getErrors().size() == 1 ? "" : "s") + ")");
            err.flush();
            return 2;
        }
        if (run instanceof SpecRun.Threw threw) {
            if (!common.json() && !threw.getReport().getFindings().isEmpty()) {
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.println("reported before the error:");
                printFindings(stdout, threw.getReport());
            }
            reportThrown(err, threw);
            return 2;
        }
        SpecRun.Completed done = (SpecRun.Completed) run;
        SpecReport report = done.getReport();
        List<Path> written = writeLatex(report, err);
        PrintWriter stdout = spec.commandLine().getOut();
        if (common.json()) {
            Json.print(stdout, json(done, written));
        } else {
            printHuman(stdout, done, written);
        }
        err.println(String.format(Locale.ROOT, "neuromanifold: %s %s in %.1f s, ran in %.1f s", run.getSpec(),
                c.getCached() ? "loaded from the compiled-spec cache" : "compiled", c.getMillis() / 1000.0,
                done.getEvaluationMillis() / 1000.0));
        err.flush();
        return report.getPassed() ? 0 : 1;
    }

    private void reportThrown(PrintWriter err, SpecRun.Threw threw) {
        Throwable e = threw.getError();
        String where = threw.getLine() == null ? threw.getSpec() : threw.getSpec() + ":" + threw.getLine();
        err.println(where + ": error: the spec threw " + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        if (stacktrace) {
            e.printStackTrace(err);
        } else {
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                err.println("  caused by " + cause);
            }
            if (threw.getLine() == null) {
                err.println("  (no frame of the spec in the stack trace; --stacktrace prints it)");
            }
        }
        err.flush();
    }

    private List<Path> writeLatex(SpecReport report, PrintWriter err) throws IOException {
        List<Path> written = new ArrayList<>();
        if (out == null) {
            return written;
        }
        Files.createDirectories(out);
        for (LatexDocument d : report.getDocuments()) {
            Path file = out.resolve(d.getName());
            Files.writeString(file, d.getSource(), StandardCharsets.UTF_8);
            err.println("wrote " + file);
            written.add(file);
        }
        return written;
    }

    private void printHuman(PrintWriter out, SpecRun.Completed run, List<Path> written) {
        SpecReport report = run.getReport();
        out.println(run.getSpec() + "  (seed " + common.seed() + ")");
        printFindings(out, report);
        long failed = report.getFindings().stream().filter(f -> Boolean.FALSE.equals(f.getPassed())).count();
        long judged = report.getFindings().stream().filter(f -> f.getPassed() != null).count();
        out.println(judged == 0 ? "nothing judged (no checks, verdicts or derivations)"
                : (judged - failed) + " of " + judged + " passed" + (failed == 0 ? "" : "; " + failed + " FAILED"));
        int documents = report.getDocuments().size();
        if (documents > 0 && written.isEmpty()) {
            out.println(documents + " LaTeX document" + (documents == 1 ? "" : "s") + " ("
                    + String.join(", ", report.getDocuments().stream().map(LatexDocument::getName).toList())
                    + "); write with --out DIR");
        }
        out.flush();
    }

    private static void printFindings(PrintWriter out, SpecReport report) {
        Table t = new Table("line", "kind", "subject", "result");
        for (Finding f : report.getFindings()) {
            t.row(f.getLine() > 0 ? f.getLine() : "", f.getKind(), f.getSubject(), f.getOutcome());
        }
        t.print(out);
    }

    private ObjectNode json(SpecRun.Completed run, List<Path> written) {
        SpecReport report = run.getReport();
        ObjectNode o = Json.object();
        o.put("spec", run.getSpec());
        o.put("seed", common.seed());
        o.put("passed", report.getPassed());
        ArrayNode findings = o.putArray("findings");
        FormulaLatex latex = null;
        for (Finding f : report.getFindings()) {
            ObjectNode n = findings.addObject();
            n.put("kind", f.getKind());
            n.put("line", f.getLine());
            if (f.getPassed() != null) {
                n.put("passed", f.getPassed());
            }
            switch (f) {
                case Finding.Check c -> {
                    n.put("name", c.getName());
                    n.put("holds", c.getHolds());
                    n.put("detail", c.getDetail());
                }
                case Finding.Value v -> {
                    n.put("name", v.getName());
                    Json.putNumber(n, "value", v.getValue());
                    n.put("detail", v.getDetail());
                }
                case Finding.Note note -> n.put("text", note.getText());
                case Finding.Statement s -> {
                    n.put("id", s.getIdentity().id());
                    n.put("title", s.getIdentity().title());
                    n.put("notation", s.getOutcome());
                    n.put("latex", StatementLatex.equation(s.getIdentity()));
                    ArrayNode pre = n.putArray("preconditions");
                    s.getIdentity().preconditions().forEach(p -> pre.add(p.statement()));
                    n.put("source", s.getIdentity().source());
                }
                case Finding.Expectation e -> {
                    n.put("identity", e.getIdentity().id());
                    n.put("model", e.getModel());
                    n.put("expected", e.getExpected());
                    ArrayNode failing = n.putArray("failingPreconditions");
                    for (Precondition p : e.getFailing()) {
                        failing.add(p.statement());
                    }
                }
                case Finding.Verdict v -> n.set("result", verdict(v.getResult()));
                case Finding.Derived d -> {
                    if (latex == null) {
                        latex = FormulaLatex.standard();
                    }
                    n.set("result", DerivationJson.of(d.getResult(), latex));
                }
            }
        }
        ArrayNode documents = o.putArray("latex");
        for (LatexDocument d : report.getDocuments()) {
            ObjectNode doc = documents.addObject();
            doc.put("name", d.getName());
            Path file = out == null ? null : out.resolve(d.getName());
            doc.put("file", file != null && written.contains(file) ? file.toString() : null);
        }
        return o;
    }

    private static ObjectNode verdict(VerificationResult r) {
        ObjectNode n = Json.object();
        n.put("id", r.id());
        n.put("activation", r.activation());
        n.put("depth", r.depth());
        n.put("width", r.width());
        n.put("bias", r.bias());
        n.put("trials", r.trials());
        n.put("holds", r.holds());
        n.put("expected", r.expected());
        n.put("asPredicted", r.asPredicted());
        Json.putNumber(n, "maxAbsError", r.maxAbsError());
        Json.putNumber(n, "maxRelError", r.maxRelError());
        Json.putNumber(n, "tolerance", r.tolerance());
        Counterexample c = r.counterexample();
        n.set("counterexample", c == null ? null : Json.MAPPER.valueToTree(c));
        return n;
    }
}
