@file:JvmMultifileClass
@file:JvmName("Neuromanifold")

package org.neuromanifold.dsl

import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.expr.Relation
import org.neuromanifold.core.result.Derivation
import org.neuromanifold.symbolic.derive.DerivedResult
import org.neuromanifold.symbolic.latex.DerivationLatex
import org.neuromanifold.symbolic.latex.ExprLatex
import org.neuromanifold.symbolic.latex.FormulaLatex
import org.neuromanifold.symbolic.latex.PdfLatex
import java.io.IOException
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

// LaTeX from a derivation or a statement, and documents that compile with pdflatex (texlive-latex-base).

/**
 * The derivation as LaTeX body text: the `align*` chain with the rule of each step, then (with
 * [certificates]) the assumptions as a list and the symbolic and numeric certificates of every step in a
 * footnote-size paragraph. Needs amsmath (and amssymb for 𝔼); paste it into a document or use
 * [latexDocument].
 */
@JvmOverloads
fun latex(derivation: Derivation, certificates: Boolean = true): String {
    val renderer = DerivationLatex(FormulaLatex.standard())
    return if (certificates) renderer.render(derivation) else renderer.chain(derivation)
}

/** The derived result's derivation as LaTeX; see the [Derivation] overload. */
@JvmOverloads
fun latex(derived: DerivedResult, certificates: Boolean = true): String = latex(derived.derivation(), certificates)

/**
 * The statement `lhs R rhs` of an identity in math mode (no delimiters), rendered from the IR by the
 * symbolic module's `ExprLatex`: `latex(Catalogue.euler)` is
 * `\left\langle \nabla_{\theta} f_{\theta}(x), \theta \right\rangle = \left(L + 1\right) f_{\theta}(x)`.
 * Preconditions are not part of it; [latexDocument] lists them.
 */
fun latex(identity: Identity): String =
    ExprLatex.print(identity.lhs()) + (if (identity.relation() == Relation.EQ) " = " else " \\le ") +
        ExprLatex.print(identity.rhs())

/**
 * A complete LaTeX document (preamble geometry, amsmath, amssymb only, so `pdflatex` from
 * texlive-latex-base compiles it):
 * ```
 * val source = latexDocument("Euler's identity") {
 *     text("Stated in the DSL, checked numerically, derived step by step.")
 *     statement(Catalogue.euler)
 *     verification(Catalogue.euler, verify(Catalogue.euler, reluModel))
 *     derivation(derive("euler"))
 * }
 * ```
 */
fun latexDocument(title: String, block: LatexDocumentScope.() -> Unit): String =
    LatexDocumentScope(title).apply(block).source()

/** A document with one derivation, titled after it. */
fun latexDocument(derived: DerivedResult): String =
    latexDocument("Neuromanifold: " + derived.derivation().title()) { derivation(derived) }

/** A document with one identity's statement, titled after it. */
fun latexDocument(identity: Identity): String = latexDocument(identity.title()) { statement(identity) }

/**
 * Writes [source] to [path] (UTF-8), creating missing directories; returns [path].
 *
 * @throws SpecificationException `BAD_FILE` naming the path when it cannot be written
 */
fun writeLatex(path: Path, source: String): Path {
    try {
        path.toAbsolutePath().parent?.let { Files.createDirectories(it) }
        Files.writeString(path, source, StandardCharsets.UTF_8)
    } catch (e: IOException) {
        throw SpecificationException(ErrorCode.BAD_FILE, path.toString(),
            "$path: could not write the LaTeX document (${e.message})").also { it.initCause(e) }
    }
    return path
}

/** Writes the document of a derivation to [path]. */
fun writeLatex(path: Path, derived: DerivedResult): Path = writeLatex(path, latexDocument(derived))

/**
 * Compiles [source] with `pdflatex` (found on PATH or through `NEUROMANIFOLD_PDFLATEX`) and writes the
 * PDF to [path]; returns [path].
 *
 * @throws SpecificationException `UNSUPPORTED` when pdflatex is not installed (Debian: texlive-latex-base),
 *   `BAD_FILE` when the document does not compile (the message holds pdflatex's error lines) or the PDF
 *   cannot be written
 */
@JvmOverloads
fun writePdf(path: Path, source: String, timeLimit: Duration = Duration.ofSeconds(60)): Path {
    val pdflatex = PdfLatex.locate().orElseThrow {
        SpecificationException(ErrorCode.UNSUPPORTED, "pdflatex",
            "pdflatex: not found on PATH (nor in ${PdfLatex.EXECUTABLE_VARIABLE}); install texlive-latex-base, " +
                "or write the source with writeLatex and compile it elsewhere")
    }
    when (val result = pdflatex.compile(source, timeLimit)) {
        is PdfLatex.Result.Success -> try {
            path.toAbsolutePath().parent?.let { Files.createDirectories(it) }
            Files.write(path, result.pdf())
        } catch (e: IOException) {
            throw SpecificationException(ErrorCode.BAD_FILE, path.toString(),
                "$path: could not write the PDF (${e.message})").also { it.initCause(e) }
        }
        is PdfLatex.Result.Failure -> throw SpecificationException(ErrorCode.BAD_FILE, path.toString(),
            "$path: the document did not compile: ${result.reason()}" +
                result.errors().joinToString("\n", prefix = "\n") + if (result.errors().isEmpty()) "\n" + result.logTail() else "")
    }
    return path
}
