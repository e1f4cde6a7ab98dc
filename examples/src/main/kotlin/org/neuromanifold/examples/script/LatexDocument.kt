package org.neuromanifold.examples.script

import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException

/**
 * A LaTeX document a spec produced, written as `<name>.tex` by `run --out DIR`. The source is rendered
 * on first use, so a run that writes nothing does not pay for rendering (derivations start Symja).
 *
 * @property name the file name without directory: letters, digits, `.`, `_`, `-`, ending in `.tex`
 */
class LatexDocument(name: String, render: () -> String) {
    val name: String = fileName(name)

    /** The complete document source. */
    val source: String by lazy(render)

    override fun toString(): String = "LatexDocument($name)"

    private companion object {
        private val SAFE = Regex("[A-Za-z0-9][A-Za-z0-9._-]*")

        /** `euler` → `euler.tex`; refuses anything that could leave the output directory. */
        fun fileName(name: String): String {
            val file = if (name.endsWith(".tex")) name else "$name.tex"
            if (!SAFE.matches(file) || file.contains("..")) {
                throw SpecificationException.expected(ErrorCode.UNSUPPORTED, "LaTeX document name",
                    "a plain file name (letters, digits, '.', '_', '-'; no directories)", "'$name'")
            }
            return file
        }
    }
}
