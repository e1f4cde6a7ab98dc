package org.neuromanifold.examples.script

import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.loss.Loss
import org.neuromanifold.core.model.Network
import org.neuromanifold.core.model.OutputHead
import org.neuromanifold.core.result.VerificationResult
import org.neuromanifold.numeric.verify.VerificationReport
import org.neuromanifold.dsl.Model
import org.neuromanifold.symbolic.derive.DerivedResult
import org.neuromanifold.symbolic.latex.LatexReport

/**
 * Where a spec reports what it found; `neuromanifold run` prints it as a table (or JSON) and writes its
 * LaTeX documents. Every call records the script line it came from. A run passes when every [check]
 * holds, every [verdict] is as its preconditions predicted and every [derivation] is sound; statements,
 * expectations, values and notes are information.
 *
 * The numeric verifier and the derivers plug in through their result types:
 * `report.verdict(verify(identity, model))` takes core's [VerificationResult], and
 * `report.derivation(derive("euler"))` takes symbolic's [DerivedResult] (and writes its LaTeX).
 *
 * @param scriptFileName the spec's file name, to find the reporting line in the call stack
 */
class SpecReport(scriptFileName: String) {
    private val lines = ScriptLines(scriptFileName)
    private val recorded = mutableListOf<Finding>()
    private val documentsByName = LinkedHashMap<String, Pair<LatexDocument, Int>>()

    /** What was reported, in order. */
    val findings: List<Finding> get() = recorded.toList()

    /** The LaTeX documents, in the order they were reported. */
    val documents: List<LatexDocument> get() = documentsByName.values.map { it.first }

    /** Whether nothing failed: no check false, no verdict against its prediction, no unsound derivation. */
    val passed: Boolean get() = recorded.none { it.passed == false }

    /** Asserts a fact the spec computed; returns [holds]. A false check fails the run (exit code 1). */
    fun check(name: String, holds: Boolean, detail: String = ""): Boolean {
        recorded += Finding.Check(callerLine(), name, holds, detail)
        return holds
    }

    /** Records a number the spec computed; returns [value]. */
    fun value(name: String, value: Double, detail: String = ""): Double {
        recorded += Finding.Value(callerLine(), name, value, detail)
        return value
    }

    /** Records a line of text. */
    fun note(text: String) {
        recorded += Finding.Note(callerLine(), text)
    }

    /**
     * States an identity: shown in notation in the table, and written as the LaTeX document
     * `<id>.tex` (the statement rendered from the IR, its preconditions and source).
     */
    fun statement(identity: Identity): Identity {
        val line = callerLine()
        recorded += Finding.Statement(line, identity)
        addDocument(LatexDocument(safeName(identity.id())) { StatementLatex.document(identity) }, line)
        return identity
    }

    /**
     * Whether [identity]'s preconditions hold for [model] (its network and loss), i.e. whether the
     * identity is expected to hold there; records which preconditions fail. Never fails the run.
     */
    fun expectation(identity: Identity, model: Model): Boolean = expect(identity, model.network, model.loss)

    /** The same for a network (and optionally a loss) declared without a model. */
    fun expectation(identity: Identity, network: Network, loss: Loss? = null): Boolean =
        expect(identity, network, loss)

    /** Records the numeric verifier's verdict; returns it. Fails the run when it is not as predicted. */
    fun verdict(result: VerificationResult): VerificationResult {
        recorded += Finding.Verdict(callerLine(), result)
        return result
    }

    /** Records the verdict of a full verifier report (as returned by the DSL's `verify`); returns it. */
    fun verdict(report: VerificationReport): VerificationReport {
        recorded += Finding.Verdict(callerLine(), report.result())
        return report
    }

    /**
     * Records a derivation and adds its LaTeX document `<id>[-<variant>].tex` (rendered through
     * symbolic's [LatexReport]); returns it. Fails the run when it is not sound.
     */
    fun derivation(result: DerivedResult): DerivedResult {
        val line = callerLine()
        recorded += Finding.Derived(line, result)
        val d = result.derivation()
        val name = safeName(if (d.variant().isEmpty()) d.id() else d.id() + "-" + d.variant())
        addDocument(LatexDocument(name) {
            LatexReport.titled("Neuromanifold: " + d.title()).add(d).build().source()
        }, line)
        return result
    }

    /** Adds a LaTeX document `<name>.tex` with the given source (a complete document). */
    fun latex(name: String, source: String) {
        addDocument(LatexDocument(name) { source }, callerLine())
    }

    private fun expect(identity: Identity, network: Network, loss: Loss?): Boolean {
        val failing = identity.failingPreconditions(network, loss)
        recorded += Finding.Expectation(callerLine(), identity, describe(network, loss), failing)
        return failing.isEmpty()
    }

    private fun addDocument(document: LatexDocument, line: Int) {
        val previous = documentsByName[document.name]
        if (previous != null) {
            throw SpecificationException(ErrorCode.UNSUPPORTED, "LaTeX document",
                "LaTeX document '${document.name}': already reported" +
                    (if (previous.second > 0) " at line ${previous.second}" else "") + "; give each document its own name")
        }
        documentsByName[document.name] = document to line
    }

    /** The script line of the innermost stack frame in the script. */
    private fun callerLine(): Int = lines.callerLine()

    internal companion object {
        /** Characters other than letters, digits, `.`, `_` and `-` become `-`. */
        fun safeName(text: String): String =
            text.replace(Regex("[^A-Za-z0-9._-]+"), "-").trim('-', '.').ifEmpty { "document" }

        /** The layers' activations in order, repeats counted: `relu×2→identity`. */
        private fun activations(network: Network): String {
            val runs = mutableListOf<Pair<String, Int>>()
            for (layer in network.layers()) {
                val label = layer.activation().label()
                val last = runs.lastOrNull()
                if (last != null && last.first == label) runs[runs.size - 1] = label to last.second + 1 else runs += label to 1
            }
            return runs.joinToString("→") { (label, n) -> if (n == 1) label else "$label×$n" }
        }

        /** E.g. `3→8→8→1, relu×2→identity, no bias, SquareLoss`. */
        fun describe(network: Network, loss: Loss?): String {
            val layers = network.layers()
            val bias = when {
                network.biasFree() -> "no bias"
                layers.all { it.bias() } -> "bias"
                else -> "bias on layers " + layers.indices.filter { layers[it].bias() }.joinToString(",")
            }
            val parts = mutableListOf(network.widths().joinToString("→"), activations(network), bias)
            if (network.head() == OutputHead.SOFTMAX) parts += "softmax"
            if (loss != null) parts += loss.javaClass.simpleName
            return parts.joinToString(", ")
        }
    }
}
