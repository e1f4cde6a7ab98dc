package org.neuromanifold.symbolic.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PdfLatexTest {
    private static PdfLatex pdflatex() {
        Optional<PdfLatex> p = PdfLatex.locate();
        assumeTrue(p.isPresent(), "pdflatex is missing (Debian: apt-get install texlive-latex-base): compile test skipped");
        return p.get();
    }

    private static String document(String body) {
        return "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n" + body + "\n\\end{document}\n";
    }

    @Test
    void aBrokenDocumentReturnsTheErrorWithItsLine() {
        PdfLatex.Result r = pdflatex().compile(document("$x \\nosuchmacro y$"), Duration.ofSeconds(60));
        PdfLatex.Result.Failure f = assertInstanceOf(PdfLatex.Result.Failure.class, r);
        assertTrue(f.reason().startsWith("pdflatex exited with code"), f.reason());
        assertEquals(List.of("! Undefined control sequence.", "l.4 $x \\nosuchmacro"), f.errors().subList(0, 2));
    }

    @Test
    void anUnfinishedFormulaIsReportedToo() {
        PdfLatex.Result r = pdflatex().compile(document("$\\frac{1}{2$"), Duration.ofSeconds(60));
        PdfLatex.Result.Failure f = assertInstanceOf(PdfLatex.Result.Failure.class, r);
        assertEquals("! File ended while scanning use of \\frac .", f.errors().get(0));
        assertTrue(f.errors().stream().noneMatch(l -> l.startsWith("Here is how much")), f.errors().toString());
        assertTrue(f.logTail().contains("Fatal error occurred"), f.logTail());
    }

    @Test
    void symjasSechMacroIsNotLatexWhichIsWhyItIsRewritten() {
        // TeXForm writes \sech; without the rewrite the document does not compile
        PdfLatex.Result raw = pdflatex().compile(document("$\\sech (t)$"), Duration.ofSeconds(60));
        PdfLatex.Result.Failure f = assertInstanceOf(PdfLatex.Result.Failure.class, raw);
        assertEquals("! Undefined control sequence.", f.errors().get(0));
        String fixed = TermLatex.shared().renderSymjaInput("Sech[t]");
        assertInstanceOf(PdfLatex.Result.Success.class, pdflatex().compile(document("$" + fixed + "$"),
                Duration.ofSeconds(60)));
    }

    @Test
    void aDocumentThatNeverEndsIsStoppedAtTheLimit() {
        PdfLatex.Result r = pdflatex().compile(document("\\def\\loop{\\loop}\\loop"), Duration.ofSeconds(2));
        PdfLatex.Result.Failure f = assertInstanceOf(PdfLatex.Result.Failure.class, r);
        assertEquals("pdflatex did not finish within 2000 ms", f.reason());
    }

    @Test
    void aMissingExecutableIsAFailureNotAnException() {
        PdfLatex.Result r = PdfLatex.at(Path.of("/nonexistent/pdflatex")).compile(document("x"), Duration.ofSeconds(5));
        PdfLatex.Result.Failure f = assertInstanceOf(PdfLatex.Result.Failure.class, r);
        assertTrue(f.reason().startsWith("could not run /nonexistent/pdflatex"), f.reason());
    }

    @Test
    void errorLinesRunFromTheMessageToTheSourceLine() {
        List<String> log = List.of("(./document.tex", "! Undefined control sequence.", "l.5 $\\sech", "                (t)$",
                "more", "! Emergency stop.", "<*> document.tex", "", "Here is how much of TeX's memory you used:",
                " 1142 strings out of 478051", "!  ==> Fatal error occurred, no output PDF file produced!");
        assertEquals(List.of("! Undefined control sequence.", "l.5 $\\sech", "! Emergency stop.", "<*> document.tex", "",
                "!  ==> Fatal error occurred, no output PDF file produced!"), PdfLatex.errorLines(log));
    }
}
