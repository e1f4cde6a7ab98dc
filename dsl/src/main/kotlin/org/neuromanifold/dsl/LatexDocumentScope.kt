package org.neuromanifold.dsl

import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.result.Derivation
import org.neuromanifold.numeric.verify.VerificationReport
import org.neuromanifold.symbolic.derive.DerivedResult
import org.neuromanifold.symbolic.latex.LatexReport
import org.neuromanifold.symbolic.latex.LatexText

/**
 * The receiver of [latexDocument]: sections in the order they are added. Statements are rendered from
 * the IR, derivations by the symbolic module's renderer, verdicts from the numeric report; plain text is
 * escaped. The preamble is [LatexReport]'s (geometry, amsmath, amssymb), so the document compiles with
 * `pdflatex` from texlive-latex-base; the output has no date, so the same inputs give the same source.
 *
 * @property title the document's title
 */
@NeuromanifoldDsl
class LatexDocumentScope internal constructor(val title: String) {
    private val body = StringBuilder()

    /** The author line (plain text). */
    var author: String = ""

    /** A paragraph of plain text (mathematics between `$…$` is kept as math). */
    fun text(paragraph: String) {
        body.append(LatexText.sentence(paragraph)).append("\n\n")
    }

    /** A section with the identity: its id and source, the statement displayed, its preconditions. */
    fun statement(identity: Identity) {
        body.append("\\section{").append(LatexText.escape(identity.title())).append("}\n")
        body.append("\\noindent Identity \\texttt{").append(LatexText.escape(identity.id())).append("}; source: ")
            .append(LatexText.escape(identity.source())).append(".\n")
        body.append("\\begin{equation*}\n  ").append(latex(identity)).append("\n\\end{equation*}\n")
        val pre = identity.preconditions()
        if (pre.isEmpty()) {
            body.append("\\noindent Preconditions: none.\n\n")
        } else {
            body.append("\\noindent Preconditions:\n\\begin{itemize}\n")
            pre.forEach { body.append("  \\item ").append(LatexText.sentence(it.statement())).append('\n') }
            body.append("\\end{itemize}\n\n")
        }
    }

    /**
     * A paragraph with the numeric verdict on [identity]: trials, networks, maximum errors, whether it is
     * as predicted, and the shrunk counterexample's widths and both sides when it failed.
     */
    fun verification(identity: Identity, report: VerificationReport) {
        val r = report.result()
        body.append("\\paragraph{Numerical check of \\texttt{").append(LatexText.escape(identity.id())).append("}.} ")
        body.append(if (r.holds()) "Holds on all ${r.trials()} random instances" else
            "Fails on ${report.failedTrials()} of ${r.trials()} random instances")
        body.append(" (networks of widths ").append(report.widths().joinToString("--"))
            .append(", activation ").append(LatexText.escape(r.activation())).append(", seed ")
            .append(report.seed()).append("); maximum relative error $")
            .append(LatexText.scientific(r.maxRelError())).append("$, tolerance $")
            .append(LatexText.scientific(r.tolerance())).append("$. ")
            .append(LatexText.escape(VerificationText.prediction(report))).append('\n')
        r.counterexample()?.let { ce ->
            body.append("Smallest counterexample: widths ").append(ce.widths().joinToString("--"))
                .append(", left side $").append(ce.lhs().joinToString(", ") { LatexText.number(it) })
                .append("$, right side $").append(ce.rhs().joinToString(", ") { LatexText.number(it) }).append("$.\n")
        }
        body.append('\n')
    }

    /** A section with a derivation, its certificates, cross-checks and the check of the seed's formula. */
    fun derivation(derived: DerivedResult) {
        derivation(derived.derivation())
        val checks = derived.crossChecks()
        if (checks.isNotEmpty()) {
            body.append("\\noindent Cross-checks against the numeric engine:\n\\begin{itemize}\n")
            for (c in checks) {
                val cert = c.certificate()
                body.append("  \\item ").append(LatexText.sentence(c.description())).append(": ")
                    .append(if (cert.agrees()) "agrees" else "\\textbf{disagrees}").append(" (")
                    .append(cert.points()).append(" points, max abs error $")
                    .append(LatexText.scientific(cert.maxAbsError())).append("$)\n")
            }
            body.append("\\end{itemize}\n")
        }
        derived.seedFormula().ifPresent { s ->
            body.append("\\noindent The seed's formula ").append(if (s.agrees()) "agrees" else "\\textbf{disagrees}")
                .append(": ").append(LatexText.sentence(s.detail())).append("\n\n")
        }
    }

    /** A section with a derivation (chain, assumptions, certificates). */
    fun derivation(d: Derivation) {
        val heading = if (d.variant().isBlank()) d.title() else "${d.title()} (${d.variant()})"
        val failed = d.steps().count { it.failed() }
        body.append("\\section{").append(LatexText.escape(heading)).append("}\n")
        body.append("\\noindent Catalogue id: \\texttt{").append(LatexText.escape(d.id())).append("}; ")
            .append(d.steps().size).append(if (d.steps().size == 1) " step, " else " steps, ")
            .append(d.provedSteps()).append(" proved symbolically")
            .append(if (failed == 0) "" else ", \\textbf{$failed failed}").append(".\n")
        body.append(latex(d)).append('\n')
    }

    /** The complete document. */
    internal fun source(): String = buildString {
        append("\\documentclass[11pt]{article}\n")
        for (p in LatexReport.PACKAGES) {
            append(if (p == "geometry") "\\usepackage[margin=2cm]{geometry}\n" else "\\usepackage{$p}\n")
        }
        append("\\allowdisplaybreaks\n")
        append("\\title{").append(LatexText.escape(title)).append("}\n")
        append("\\author{").append(LatexText.escape(author)).append("}\n")
        append("\\date{}\n")
        append("\\begin{document}\n\\maketitle\n")
        append(if (body.isEmpty()) "Nothing to show.\n" else body)
        append("\\end{document}\n")
    }
}
