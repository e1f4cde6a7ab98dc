package org.neuromanifold.symbolic.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.neuromanifold.core.expr.Exprs.augmentedInput;
import static org.neuromanifold.core.expr.Exprs.component;
import static org.neuromanifold.core.expr.Exprs.constant;
import static org.neuromanifold.core.expr.Exprs.diag;
import static org.neuromanifold.core.expr.Exprs.dot;
import static org.neuromanifold.core.expr.Exprs.kron;
import static org.neuromanifold.core.expr.Exprs.minus;
import static org.neuromanifold.core.expr.Exprs.outer;
import static org.neuromanifold.core.expr.Exprs.output;
import static org.neuromanifold.core.expr.Exprs.params;
import static org.neuromanifold.core.expr.Exprs.plus;
import static org.neuromanifold.core.expr.Exprs.preActivation;
import static org.neuromanifold.core.expr.Exprs.scalarTerm;
import static org.neuromanifold.core.expr.Exprs.times;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;

/** Golden strings for x̃, z^{(t)}, diag, ⊗ and bound scalar terms, and a document of all of them compiled. */
class TensorNotationLatexTest {
    static final Term T = Term.variable("t");
    static final Expr WX = dot(params(new ParameterGroup.Neuron(0, 0)), augmentedInput());
    static final Expr XX = outer(augmentedInput(), augmentedInput());

    private static String latex(Expr e) {
        return ExprLatex.print(e);
    }

    @Test
    void augmentedInputAndPreActivation() {
        assertEquals("\\tilde{x}", latex(augmentedInput()));
        assertEquals("\\tilde{x} \\tilde{x}^{\\top}", latex(XX));
        assertEquals("z^{(1)}", latex(preActivation(1)));
        assertEquals("\\left[z^{(1)}\\right]_{0}", latex(component(preActivation(1), 0)));
    }

    @Test
    void diagAndKron() {
        assertEquals("\\operatorname{diag}\\left(f_{\\theta}(x)\\right)", latex(diag(output())));
        assertEquals("\\operatorname{diag}\\left(\\tilde{x} \\tilde{x}^{\\top}, 2 \\tilde{x} \\tilde{x}^{\\top}\\right)",
                latex(diag(XX, times(constant(2), XX))));
        assertEquals("\\left(\\operatorname{diag}\\left(f_{\\theta}(x)\\right) - f_{\\theta}(x) f_{\\theta}(x)^{\\top}\\right)"
                + " \\otimes \\tilde{x} \\tilde{x}^{\\top}", latex(kron(minus(diag(output()), outer(output(), output())), XX)));
        assertEquals("\\left(\\tilde{x} + \\tilde{x}\\right) \\otimes \\tilde{x}",
                latex(kron(plus(augmentedInput(), augmentedInput()), augmentedInput())));
    }

    @Test
    void scalarTermsPrintTheirBoundExpressions() {
        Term sech2 = Term.square(Term.apply(Fn.SECH, T));
        assertEquals("\\operatorname{sech}^{2}\\left({\\left\\langle w^{(0)}_{0}, \\tilde{x} \\right\\rangle}\\right)"
                + " \\tilde{x} \\tilde{x}^{\\top}", latex(times(scalarTerm(sech2, "t", WX, Map.of()), XX)));
        // a power of a bound atom keeps the superscripts apart; other symbols are typeset as symbols
        Term iota2 = Term.quotient(Term.square(T), Term.square(Term.variable("s")));
        assertEquals("\\frac{{z^{(0)}}^{2}}{s^{2}}", latex(scalarTerm(iota2, "t", preActivation(0), Map.of("s", 2.0))));
        // a sum binds less strongly than a product, so it is parenthesised there
        Term sum = Term.sum(Term.variable("iota"), T);
        assertEquals("\\left(\\iota + {z^{(0)}}\\right) \\tilde{x} \\tilde{x}^{\\top}",
                latex(times(scalarTerm(sum, "t", preActivation(0), Map.of("iota", 0.1)), XX)));
        assertEquals("\\operatorname{diag}\\left(\\operatorname{sech}^{2}\\left({z^{(0)}}\\right)\\right) \\otimes "
                + "\\tilde{x} \\tilde{x}^{\\top}", latex(kron(diag(scalarTerm(sech2, "t", preActivation(0), Map.of())), XX)));
    }

    @Test
    void everyConstructCompiles() {
        Optional<PdfLatex> pdflatex = PdfLatex.locate();
        assumeTrue(pdflatex.isPresent(), "pdflatex is missing (Debian: apt-get install texlive-latex-base): compile test skipped");
        Term piecewise = new Term.Piecewise(T, Term.square(Term.variable("iota")), Term.ONE);
        List<Expr> all = List.of(XX, kron(diag(scalarTerm(piecewise, "t", preActivation(0), Map.of("iota", 0.1))), XX),
                scalarTerm(Term.square(T), "t", preActivation(0), Map.of()),
                diag(XX, times(scalarTerm(Term.apply(Fn.SIGMOID, T), "t", WX, Map.of()), XX)),
                kron(minus(diag(output()), outer(output(), output())), XX));
        StringBuilder body = new StringBuilder();
        for (Expr e : all) {
            body.append("\\[").append(latex(e)).append("\\]\n");
        }
        String doc = "\\documentclass{article}\n\\usepackage{amsmath}\n\\usepackage{amssymb}\n\\begin{document}\n" + body
                + "\\end{document}\n";
        PdfLatex.Result r = pdflatex.get().compile(doc, Duration.ofSeconds(60));
        assertInstanceOf(PdfLatex.Result.Success.class, r, () -> r instanceof PdfLatex.Result.Failure f
                ? f.reason() + "\n" + String.join("\n", f.errors()) + "\n" + doc : "");
    }
}
