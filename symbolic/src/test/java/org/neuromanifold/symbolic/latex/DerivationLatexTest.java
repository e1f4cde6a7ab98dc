package org.neuromanifold.symbolic.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.expr.Exprs;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.Formula;

class DerivationLatexTest {
    private final DerivationLatex renderer = new DerivationLatex(FormulaLatex.standard());

    @Test
    void aTensorDerivationBecomesAnAlignBlockWithAssumptionsAndCertificates() {
        assertEquals("""
                \\begin{align*}
                  & \\left\\langle \\nabla_{\\theta} f_{\\theta}(x), \\theta \\right\\rangle \\\\
                  &= \\left(L + 1\\right) f_{\\theta}(x) && \\text{[1] induction over layers}
                \\end{align*}
                \\noindent Assumptions:
                \\begin{itemize}
                  \\item the network has no biases
                  \\item every activation satisfies $\\sigma(z) = \\sigma'(z) z$
                \\end{itemize}
                {\\footnotesize\\noindent Certificates. [1] symbolic: proved (case split); numeric: 20 points, \
                max abs error $3.10 \\times 10^{-16}$.\\par}
                """, renderer.render(TestDerivations.euler()));
    }

    @Test
    void scalarStepsComeFromSymjaTeXFormAndStepAssumptionsAreListed() {
        String latex = renderer.render(TestDerivations.tanhCoefficient());
        String[] lines = latex.split("\n");
        assertEquals("  &= {\\operatorname{sech} (t)}^{2} && \\text{[2] Simplify} \\\\", lines[3]);
        assertEquals("  &= - {\\tanh (t)}^{2} + 1 && \\text{[3] $\\operatorname{sech}^{2} = 1 - \\tanh^{2}$}", lines[4]);
        assertEquals("  \\item $y \\in \\{-1, 1\\}, p(y = 1) = (1 + \\tanh t)/2$", lines[8]);
        assertEquals("  \\item $t = w^T \\tilde{x}$", lines[9]);
        assertTrue(lines[11].endsWith("[3] symbolic: undecided (numerically zero at 16 point(s) (max \\textbar{}difference"
                + "\\textbar{} 1.1e-16)); numeric: 20 points, max abs error $3.10 \\times 10^{-16}$; assuming $t \\in \\mathbb{R}$.\\par}"),
                lines[11]);
    }

    @Test
    void failedStepsAreMarkedNotDropped() {
        String latex = renderer.chain(TestDerivations.withFailures());
        assertEquals("""
                \\begin{align*}
                  & z \\cdot {\\operatorname{sech} (z)}^{2} \\\\
                  &\\mathrel{\\overset{\\times}{=}} \\tanh (z) && \\text{[1] $\\sigma'(z)z = \\sigma(z)$ --- \\textbf{failed}} \\\\
                  &\\le |z| && \\text{[2] $|\\tanh z| \\le |z|$} \\\\
                  &\\mathrel{\\overset{\\times}{=}} |z| && \\text{[3] no change --- \\textbf{failed}}
                \\end{align*}""", latex);
        String certificates = DerivationLatex.certificates(TestDerivations.withFailures());
        assertTrue(certificates.contains("[1] symbolic: \\textbf{refuted} (residual -Tanh[z] + z*Sech[z]\\textasciicircum{}2; "
                + "nonzero at \\{z -\\textgreater{} 0.53\\}); numeric: \\textbf{disagrees}, 20 points, max abs error $2.50 \\times 10^{-1}$ "
                + "(tolerance $1.00 \\times 10^{-9}$)."), certificates);
        // a step without a numeric check counts as failed (DerivationStep.failed) and says why
        assertTrue(certificates.contains("[3] symbolic: undecided; numeric: not checked."), certificates);
    }

    @Test
    void aDerivationWithoutStepsShowsItsStartAndNoCertificates() {
        Derivation d = new Derivation("x", "Start only", "", new Formula.OfExpr(Exprs.input()), List.of(), List.of());
        assertEquals("\\begin{align*}\n  & x\n\\end{align*}\n\\noindent Assumptions: none.\n", renderer.render(d));
    }
}
