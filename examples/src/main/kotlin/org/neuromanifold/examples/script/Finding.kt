package org.neuromanifold.examples.script

import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.expr.Precondition
import org.neuromanifold.core.result.VerificationResult
import org.neuromanifold.dsl.notation
import org.neuromanifold.symbolic.derive.DerivedResult

/**
 * One thing a spec reported, in the order it was reported.
 *
 * @property line the script line that reported it (0 when the report did not come from the script itself)
 */
sealed class Finding(val line: Int) {
    /** A short word for the table and the JSON `kind` field. */
    abstract val kind: String

    /** What the finding is about (a name, an identity id). */
    abstract val subject: String

    /** The outcome in a few words, for the table. */
    abstract val outcome: String

    /**
     * Whether this finding passed: `true` or `false` for checks, numeric verdicts and derivations; `null`
     * for information (values, notes, statements, expectations), which never fails a run.
     */
    abstract val passed: Boolean?

    /** A fact the spec computed and asserts: `report.check("widths", net.widths().size == 4)`. */
    class Check(line: Int, val name: String, val holds: Boolean, val detail: String) : Finding(line) {
        override val kind get() = "check"
        override val subject get() = name
        override val outcome get() = (if (holds) "holds" else "FAILS") + if (detail.isEmpty()) "" else " — $detail"
        override val passed get() = holds
    }

    /** A number the spec computed: `report.value("|lhs − rhs|", err)`. */
    class Value(line: Int, val name: String, val value: Double, val detail: String) : Finding(line) {
        override val kind get() = "value"
        override val subject get() = name
        override val outcome get() = compact(value) + if (detail.isEmpty()) "" else "  ($detail)"
        override val passed: Boolean? get() = null
    }

    /** Free text. */
    class Note(line: Int, val text: String) : Finding(line) {
        override val kind get() = "note"
        override val subject get() = ""
        override val outcome get() = text
        override val passed: Boolean? get() = null
    }

    /** An identity the spec states, shown in notation (its LaTeX goes to a document of its own). */
    class Statement(line: Int, val identity: Identity) : Finding(line) {
        override val kind get() = "statement"
        override val subject: String get() = identity.id()
        override val outcome: String get() = identity.notation().removePrefix(identity.id() + ": ")
        override val passed: Boolean? get() = null
    }

    /**
     * Whether an identity's preconditions hold for a model, i.e. whether it is expected to hold there. A
     * precondition that fails is not an error (design: the numeric verdict then shows whether the
     * identity holds anyway), so this never fails a run; assert it with a [Check] if the spec needs to.
     *
     * @property model   the model, described (widths, activations, bias)
     * @property failing the preconditions that do not hold for it
     */
    class Expectation(line: Int, val identity: Identity, val model: String, val failing: List<Precondition>) :
        Finding(line) {
        /** Whether every precondition holds. */
        val expected: Boolean get() = failing.isEmpty()
        override val kind get() = "expectation"
        override val subject: String get() = "${identity.id()} on $model"
        override val outcome: String
            get() {
                val n = identity.preconditions().size
                return if (expected) {
                    "expected to hold ($n precondition" + (if (n == 1) "" else "s") + " hold)"
                } else {
                    "not expected to hold (fails: " + failing.joinToString("; ") { name(it) } + ")"
                }
            }
        override val passed: Boolean? get() = null
    }

    internal companion object {
        /** Six significant digits, integers as integers (the JSON form keeps every digit). */
        fun compact(v: Double): String = when {
            !v.isFinite() -> v.toString()
            v == Math.rint(v) && kotlin.math.abs(v) < 1e15 -> v.toLong().toString()
            kotlin.math.abs(v) in 1e-3..1e6 -> "%.6g".format(java.util.Locale.ROOT, v)
            else -> "%.6e".format(java.util.Locale.ROOT, v)
        }

        /** A precondition in a few words, as the DSL's notation names it. */
        fun name(p: Precondition): String = when (p) {
            is Precondition.BiasFree -> "bias-free"
            is Precondition.PositivelyHomogeneous -> "positively homogeneous, σ(z) = σ'(z)·z"
            is Precondition.LossHasStatisticalModel -> "loss is a negative log-likelihood"
            is Precondition.LossIs -> "loss is " + p.kind().simpleName
        }
    }

    /** The numeric verifier's verdict on an identity; it passes when what was observed was predicted. */
    class Verdict(line: Int, val result: VerificationResult) : Finding(line) {
        override val kind get() = "verdict"
        override val subject: String
            get() = "${result.id()} (${result.activation()}, L=${result.depth()}, width ${result.width()}" +
                (if (result.bias()) ", bias" else "") + ")"
        override val outcome: String
            get() = (if (result.holds()) "holds" else "fails") + " in ${result.trials()} trials, " +
                (if (result.expected()) "expected to hold" else "not expected to hold") +
                (if (result.asPredicted()) "" else " — NOT AS PREDICTED") +
                "; max abs err ${"%.3g".format(java.util.Locale.ROOT, result.maxAbsError())}"
        override val passed: Boolean get() = result.asPredicted()
    }

    /** A symbolic derivation; it passes when it is sound (no failed step, every cross-check agrees). */
    class Derived(line: Int, val result: DerivedResult) : Finding(line) {
        override val kind get() = "derivation"
        override val subject: String
            get() = result.derivation().id() + if (result.derivation().variant().isEmpty()) "" else
                " [" + result.derivation().variant() + "]"
        override val outcome: String
            get() = "${result.derivation().provedSteps()} of ${result.derivation().steps().size} steps proved; " +
                if (result.sound()) "sound" else "NOT sound"
        override val passed: Boolean get() = result.sound()
    }
}
