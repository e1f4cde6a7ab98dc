package org.neuromanifold.examples.programs

import org.neuromanifold.dsl.writeLatex
import org.neuromanifold.dsl.writePdf
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
}
