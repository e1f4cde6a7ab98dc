package org.neuromanifold.examples.script

import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.expr.Relation
import org.neuromanifold.symbolic.latex.ExprLatex
import org.neuromanifold.symbolic.latex.LatexText

/**
 * An identity statement as a LaTeX document: title, the statement as a displayed equation rendered from
 * the IR (symbolic's [ExprLatex]), its preconditions and its source. Compiles with `pdflatex` and the
 * packages of `texlive-latex-base` (amsmath, amssymb, geometry), like symbolic's `LatexReport`.
 */
object StatementLatex {
    /** The displayed statement `lhs R rhs` (math mode, no delimiters). */
    @JvmStatic
    fun equation(identity: Identity): String {
        val relation = if (identity.relation() == Relation.EQ) "=" else "\\le"
        return ExprLatex.print(identity.lhs()) + " " + relation + " " + ExprLatex.print(identity.rhs())
    }

    /** The complete document. */
    fun document(identity: Identity): String = buildString {
        append("\\documentclass[11pt]{article}\n")
        append("\\usepackage[margin=2cm]{geometry}\n")
        append("\\usepackage{amsmath}\n")
        append("\\usepackage{amssymb}\n")
        append("\\begin{document}\n")
        append("\\section*{").append(LatexText.escape(identity.title())).append("}\n")
        append("\\noindent Identity \\texttt{").append(LatexText.escape(identity.id())).append("}")
        append("; source: ").append(LatexText.escape(identity.source())).append(".\n")
        append("\\begin{equation*}\n  ").append(equation(identity)).append("\n\\end{equation*}\n")
        val preconditions = identity.preconditions()
        if (preconditions.isEmpty()) {
            append("\\noindent Preconditions: none.\n")
        } else {
            append("\\noindent Preconditions:\n\\begin{itemize}\n")
            for (p in preconditions) {
                append("  \\item ").append(LatexText.sentence(p.statement())).append('\n')
            }
            append("\\end{itemize}\n")
        }
        append("\\end{document}\n")
    }
}
