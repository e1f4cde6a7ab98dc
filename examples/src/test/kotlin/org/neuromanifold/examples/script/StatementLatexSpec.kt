package org.neuromanifold.examples.script

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import org.neuromanifold.core.catalogue.CatalogueIdentities
import org.neuromanifold.symbolic.latex.ExprLatex
import org.neuromanifold.symbolic.latex.PdfLatex
import java.time.Duration

/** The LaTeX document of an identity statement: rendered from the IR, and it compiles. */
class StatementLatexSpec : FunSpec({
    test("the equation is the IR's two sides joined by the relation") {
        val e = CatalogueIdentities.EULER
        StatementLatex.equation(e) shouldBe ExprLatex.print(e.lhs()) + " = " + ExprLatex.print(e.rhs())
        StatementLatex.equation(e) shouldBe
            "\\left\\langle \\nabla_{\\theta} f_{\\theta}(x), \\theta \\right\\rangle = \\left(L + 1\\right) f_{\\theta}(x)"
    }

    test("the document states every precondition and the source") {
        val doc = StatementLatex.document(CatalogueIdentities.EULER)
        doc shouldContain "\\item the network has no biases"
        doc shouldContain "\\item every activation satisfies \$\\sigma(z) = \\sigma'(z) z\$"
        doc shouldContain "Lemma 2.1"
    }

    test("every catalogue statement compiles with pdflatex").config(enabledOrReasonIf = {
        if (PdfLatex.locate().isPresent) io.kotest.core.test.Enabled.enabled
        else io.kotest.core.test.Enabled.disabled("pdflatex is missing (Debian: texlive-latex-base): compile test skipped")
    }) {
        val pdflatex = PdfLatex.locate().get()
        for (identity in CatalogueIdentities.all()) {
            val result = pdflatex.compile(StatementLatex.document(identity), Duration.ofSeconds(60))
            result.shouldBeInstanceOf<PdfLatex.Result.Success>()
        }
    }
})
