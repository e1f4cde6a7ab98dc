package org.neuromanifold.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.neuromanifold.core.result.DerivationStep;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;
import org.neuromanifold.symbolic.derive.Derivers;
import org.neuromanifold.symbolic.latex.FormulaLatex;
import org.neuromanifold.symbolic.latex.LatexReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code derive <id>}: the certified derivation of one catalogue entry. */
@Command(name = "derive", mixinStandardHelpOptions = true,
        description = "Derive a catalogue identity step by step; every step is certified symbolically and numerically.")
final class DeriveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "<id>", description = "Catalogue id, e.g. euler, rfim-neuron, mse-hessian.")
    private String id;

    @Option(names = "--activation", paramLabel = "A",
            description = "The variant (an activation name for per-activation entries); default: the entry's first variant.")
    private String activation;

    @Option(names = "--iota", description = "Negative slope of leaky-relu / prelu-smooth.")
    private Double iota;

    @Option(names = "--omega", description = "Smoothing width of prelu-smooth (> 0).")
    private Double omega;

    @Option(names = "--alpha", description = "ELU scale (> 0).")
    private Double alpha;

    @Option(names = "--s", description = "Standard deviation of Gaussian-output neurons (> 0).")
    private Double s;

    @Option(names = "--points", defaultValue = "16", description = "Random points per numeric certificate (default ${DEFAULT-VALUE}).")
    private int points;

    @Option(names = "--latex", paramLabel = "FILE", description = "Also write the derivation as a LaTeX document.")
    private Path latexFile;

    @Override
    public Integer call() throws IOException {
        Deriver deriver = Derivers.require(id);
        Map<String, Double> options = new LinkedHashMap<>();
        putIfSet(options, "iota", iota);
        putIfSet(options, "omega", omega);
        putIfSet(options, "alpha", alpha);
        putIfSet(options, "s", s);
        DeriveRequest request = new DeriveRequest(activation, options, common.seed(), points);
        DerivedResult result = deriver.derive(request);
        FormulaLatex latex = FormulaLatex.standard();
        if (latexFile != null) {
            LatexReport.titled("Neuromanifold: " + result.derivation().title()).add(result.derivation()).build()
                    .writeTo(latexFile);
            spec.commandLine().getErr().println("wrote " + latexFile);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            Json.print(out, DerivationJson.of(result, latex));
            return 0;
        }
        printHuman(out, result, latex);
        return 0;
    }

    private static void putIfSet(Map<String, Double> options, String name, Double value) {
        if (value != null) {
            options.put(name, value);
        }
    }

    private static void printHuman(PrintWriter out, DerivedResult r, FormulaLatex latex) {
        var d = r.derivation();
        out.println(d.title() + (d.variant().isEmpty() ? "" : " [" + d.variant() + "]") + "  (" + d.id() + ")");
        out.println();
        out.println("      " + latex.render(d.start()));
        int i = 1;
        for (DerivationStep step : d.steps()) {
            String rel = step.relation() == org.neuromanifold.core.expr.Relation.EQ ? "=" : "<=";
            out.println(String.format(java.util.Locale.ROOT, "[%d] %-2s %s", i++, rel, latex.render(step.expression())));
            out.println("        rule: " + step.rule());
            String detail = step.symbolic().detail();
            out.println("        symbolic: " + step.symbolic().outcome().word()
                    + (detail.isEmpty() ? "" : " (" + abbreviate(detail, 160) + ")")
                    + "; numeric: " + step.numeric().points() + " points, max abs err "
                    + Table.num(step.numeric().maxAbsError()) + (step.failed() ? "  << FAILED" : ""));
        }
        out.println();
        for (String a : d.assumptions()) {
            out.println("assuming: " + a);
        }
        for (DerivedResult.CrossCheck c : r.crossChecks()) {
            boolean error = c.certificate().measure() == org.neuromanifold.core.result.NumericCertificate.Measure.ERROR;
            out.println("cross-check: " + (c.certificate().agrees() ? "agrees" : "DISAGREES") + " ("
                    + c.certificate().points() + " points, " + (error ? "max abs err " : "max standard score ")
                    + Table.num(c.certificate().maxAbsError()) + "): " + c.description());
        }
        r.seedFormula().ifPresent(sf -> out.println("seed's formula: " + (sf.agrees() ? "agrees" : "disagrees")
                + " - " + sf.detail()));
        r.symjaResult().ifPresent(sym -> out.println("result (Symja): " + sym));
        out.println(d.provedSteps() + " of " + d.steps().size() + " steps proved symbolically; "
                + (r.sound() ? "sound" : "NOT sound (see failed steps or cross-checks)"));
        out.flush();
    }

    private static String abbreviate(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }
}
