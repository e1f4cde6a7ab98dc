package org.neuromanifold.examples.programs

import org.neuromanifold.dsl.LatexDocumentScope
import org.neuromanifold.dsl.writeLatex
import org.neuromanifold.dsl.writePdf
import org.neuromanifold.symbolic.derive.DerivedResult
import org.neuromanifold.symbolic.latex.PdfLatex
import java.io.PrintWriter
import java.nio.file.Path

/**
 * What every example program shares: where it writes, and how it writes a LaTeX document (the `.tex`
 * always, the `.pdf` too when `pdflatex` is installed).
 */
object ExampleOutput {
    /** The output directory of an example run from `main`: the first argument, else `out/examples/<name>`. */
    @JvmStatic
    fun directory(args: Array<String>, name: String): Path =
        if (args.isNotEmpty()) Path.of(args[0]) else Path.of("out", "examples", name)

    /** A writer on standard output that flushes every line. */
    @JvmStatic
    fun console(): PrintWriter = PrintWriter(System.out, true)

    /**
     * Writes `<dir>/<name>.tex` and, when pdflatex is found, `<dir>/<name>.pdf`; says so on [out] and
     * returns the files written.
     */
    @JvmStatic
    fun writeDocument(dir: Path, name: String, source: String, out: PrintWriter): List<Path> {
        val written = mutableListOf(writeLatex(dir.resolve("$name.tex"), source))
        if (PdfLatex.locate().isPresent) {
            written.add(writePdf(dir.resolve("$name.pdf"), source))
        } else {
            out.println("(pdflatex not found: only the .tex was written; install texlive-latex-base for the PDF)")
        }
        written.forEach { out.println("wrote $it") }
        return written
    }

    /**
     * A derivation section (the chain with every step's certificates), then one sentence on how many
     * numeric cross-checks agree and whether the seed's formula does. The cross-checks' own descriptions
     * stay in the printed output: some hold notation (λ_max, 10⁻³) that the sentence renderer of
     * [LatexDocumentScope.derivation] does not typeset yet, so pdflatex would reject the document.
     */
    @JvmStatic
    fun LatexDocumentScope.derivationWithChecks(derived: DerivedResult) {
        derivation(derived.derivation())
        val agree = derived.crossChecks().count { it.certificate().agrees() }
        val seedFormula = derived.seedFormula().map { if (it.agrees()) " The seed's formula agrees." else
            " The seed's formula disagrees (see the program's output)." }.orElse("")
        text("Cross-checks against the numeric engine: \$$agree\$ of \$${derived.crossChecks().size}\$ agree.$seedFormula")
    }
}
