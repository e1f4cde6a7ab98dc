package org.neuromanifold.symbolic.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.DerivationStep;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.TermDifferentiator;

class LatexReportTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static PdfLatex pdflatex() {
        Optional<PdfLatex> p = PdfLatex.locate();
        assumeTrue(p.isPresent(), "pdflatex is missing (Debian: apt-get install texlive-latex-base): compile test skipped");
        return p.get();
    }

    /** Every catalogue identity as a one-step derivation (fixture: statement only, certificates made up). */
    private static List<Derivation> catalogueStatements() {
        return CatalogueIdentities.all().stream().map(LatexReportTest::statement).toList();
    }

    private static Derivation statement(Identity id) {
        return new Derivation(id.id(), id.title(), "", new Formula.OfExpr(id.lhs()),
                List.of(new DerivationStep(id.relation(), new Formula.OfExpr(id.rhs()), "statement", List.of(),
                        SymbolicVerdict.undecided("not derived in this fixture"), TestDerivations.GOOD)),
                id.preconditions().stream().map(p -> p.statement()).toList());
    }

    /** Every activation and its derivative as a scalar derivation through the core differentiator. */
    private static List<Derivation> activationDerivatives() {
        return Activations.all().stream().map(a -> new Derivation("activation", "Derivative of " + a.name(), a.label(),
                new Formula.OfTerm(a.symbolic()),
                List.of(new DerivationStep(Relation.EQ, new Formula.OfTerm(TermDifferentiator.derivative(a.symbolic(), "z")),
                        "d/dz", List.of(), SymbolicVerdict.proved("fixture"), TestDerivations.GOOD)),
                List.of())).toList();
    }

    private static LatexReport report() {
        return LatexReport.titled("Neuromanifold: derivations & checks (100% reproducible)")
                .author("test_suite")
                .introduction("Every step is certified twice: σ'(z)z = σ(z) style rules, 𝔼 and ∇ included.")
                .add(TestDerivations.euler()).add(TestDerivations.tanhCoefficient()).add(TestDerivations.withFailures())
                .addAll(catalogueStatements()).addAll(activationDerivatives()).build();
    }

    @Test
    void thePreambleUsesOnlyPackagesOfTexliveLatexBase() {
        String source = report().source();
        Matcher m = Pattern.compile("\\\\usepackage(?:\\[[^]]*])?\\{([^}]*)}").matcher(source);
        List<String> used = m.results().map(r -> r.group(1)).toList();
        assertEquals(LatexReport.PACKAGES, used);
        assertTrue(source.startsWith("\\documentclass[11pt]{article}\n"), source);
        assertTrue(source.endsWith("\\end{document}\n"), source);
    }

    @Test
    void oneSectionPerDerivationWithItsCounts() {
        String source = report().source();
        assertTrue(source.contains("\\section{Euler identity (relu)}\n\\noindent Catalogue id: \\texttt{euler}; 1 step, "
                + "1 proved symbolically.\n"), source);
        assertTrue(source.contains("\\section{Euler identity (tanh \\& bias\\_1 (100\\% wrong))}\n\\noindent Catalogue id: "
                + "\\texttt{euler}; 3 steps, 1 proved symbolically, \\textbf{2 failed}.\n"), source);
        assertEquals(3 + CatalogueIdentities.all().size() + Activations.all().size(),
                Pattern.compile("\\\\section\\{").matcher(source).results().count());
    }

    @Test
    void theSourceIsDeterministic() {
        assertEquals(report().source(), report().source());
    }

    @Test
    void aReportWithSeveralDerivationsCompilesToAPdf() {
        PdfLatex.Result r = pdflatex().compile(report().source(), LIMIT);
        PdfLatex.Result.Success s = assertInstanceOf(PdfLatex.Result.Success.class, r,
                () -> r instanceof PdfLatex.Result.Failure f ? f.reason() + "\n" + String.join("\n", f.errors()) : "");
        assertTrue(new String(s.pdf(), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), "not a PDF");
    }

    @Test
    void anEmptyReportCompiles() {
        String source = LatexReport.titled("Empty").build().source();
        assertTrue(source.contains("No derivations."), source);
        assertInstanceOf(PdfLatex.Result.Success.class, pdflatex().compile(source, LIMIT));
    }
}
