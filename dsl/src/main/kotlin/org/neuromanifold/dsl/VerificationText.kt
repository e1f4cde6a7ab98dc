package org.neuromanifold.dsl

import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.result.Counterexample
import org.neuromanifold.numeric.verify.VerificationReport
import java.math.BigDecimal
import java.util.Locale
import kotlin.math.abs

/**
 * A verification report in words — the text of the command line's `verify`, shared by the Kotest
 * matchers and the JUnit assertions so a failing test reads like the tool:
 * ```
 * euler: Euler identity
 *   (J_θ f)·θ = (L + 1)·f  [bias-free; positively homogeneous]
 * fails on 87 of 200 trials (first: trial 0); max abs error 0.412, max rel error 0.263, tolerance 1.00e-12.
 * As predicted: the preconditions said it need not hold.
 *   precondition not met: every activation satisfies σ(z) = σ'(z) z
 * Networks: widths 3 -> 8 -> 1, activation tanh, seed 0.
 * Smallest counterexample found (412 evaluations spent shrinking):
 *   network: widths 1 -> 1 -> 1, activation tanh, no biases
 *   W0[0,0] = 1
 *   …
 *   lhs     = [1.18158]
 *   rhs     = [1.52319]
 * ```
 */
object VerificationText {
    /** The whole report, headed by the identity's statement in notation. */
    @JvmStatic
    fun describe(identity: Identity, report: VerificationReport): String =
        describe(report, "  " + ExprNotation.render(identity.lhs(), identity.relation(), identity.rhs(),
            identity.preconditions()))

    /** The whole report (the statement line needs the identity; see the other overload). */
    @JvmStatic
    fun describe(report: VerificationReport): String = describe(report, null)

    private fun describe(report: VerificationReport, statement: String?): String = buildString {
        val r = report.result()
        appendLine("${r.id()}: ${report.title()}")
        statement?.let { appendLine(it) }
        append(if (r.holds()) "holds on all ${r.trials()} trials" else
            "fails on ${report.failedTrials()} of ${r.trials()} trials (first: trial ${report.firstFailedTrial()})")
        appendLine("; max abs error ${num(r.maxAbsError())}, max rel error ${num(r.maxRelError())}, " +
            "tolerance ${num(r.tolerance())}.")
        appendLine(prediction(report))
        for (p in report.failingPreconditions()) appendLine("  precondition not met: ${plain(p)}")
        append("Networks: widths ${widths(report.widths())}, activation ${r.activation()}")
        if (report.loss() != null) append(", loss ${report.loss()}")
        if (report.dataSize() > 0) append(", ${report.dataSize()} data rows")
        appendLine(", seed ${report.seed()}.")
        append("Rule: |lhs - rhs| <= tol * max(|lhs|, |rhs|, m)")
        if (!report.exact()) append(" + z * SE (z = ${num(report.zScore())})")
        appendLine(", m = ${num(report.scale())}" +
            if (report.exact()) "; every evaluation exact." else "; Monte Carlo expectations.")
        if (report.vanishingTrials() > 0) {
            appendLine("Note: in ${report.vanishingTrials()} of ${r.trials()} trials both sides were exactly 0.")
        }
        r.counterexample()?.let {
            appendLine("Smallest counterexample found (${report.shrinkEvaluations()} evaluations spent shrinking):")
            append(counterexample(it))
        }
    }.trimEnd()

    /** Whether the outcome is what the preconditions predict, in one sentence. */
    @JvmStatic
    fun prediction(report: VerificationReport): String {
        val r = report.result()
        val verdict = if (r.holds()) "holds" else "fails"
        return if (r.asPredicted()) {
            "As predicted: the identity $verdict" + if (r.expected()) "." else ", and the preconditions said it need not hold."
        } else {
            "Not as predicted: the preconditions say it should ${if (r.expected()) "hold" else "fail"}, but it $verdict."
        }
    }

    /** A counterexample: its network, every named parameter, x, y and both sides, one per line. */
    @JvmStatic
    fun counterexample(ce: Counterexample): String = buildString {
        appendLine("  network: widths ${widths(ce.widths())}, activation ${ce.activation()}, " +
            if (ce.bias()) "with biases" else "no biases")
        val names = ce.parameterNames()
        val pad = maxOf(3, names.maxOfOrNull { it.length } ?: 0)
        val theta = ce.theta()
        for (i in theta.indices) appendLine("  ${names[i].padEnd(pad)} = ${value(theta[i])}")
        val w = ce.widths()
        appendLine("  ${"x".padEnd(pad)} = ${if (ce.x().isEmpty()) "(not used)" else rows(ce.x(), w.first())}")
        appendLine("  ${"y".padEnd(pad)} = ${if (ce.y().isEmpty()) "(not used)" else rows(ce.y(), w.last())}")
        appendLine("  ${"lhs".padEnd(pad)} = ${vector(ce.lhs())}")
        appendLine("  ${"rhs".padEnd(pad)} = ${vector(ce.rhs())}")
    }

    /** Precondition statements are written for LaTeX; the few macros they use become Unicode here. */
    private fun plain(statement: String): String =
        statement.replace("\\sigma", "σ").replace("\\theta", "θ").replace("\\ell", "ℓ")

    private fun widths(w: IntArray) = w.joinToString(" -> ")

    /** 1, -0.5, 0.25 exactly; other values to six significant digits. */
    internal fun value(v: Double): String {
        if (v.isFinite()) {
            val exact = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()
            if (exact.length <= 8) return exact
        }
        return num(v)
    }

    internal fun num(v: Double): String {
        if (v == 0.0 || !v.isFinite()) return v.toString()
        val a = abs(v)
        return if (a >= 1e-3 && a < 1e6) String.format(Locale.ROOT, "%.6g", v) else String.format(Locale.ROOT, "%.3e", v)
    }

    private fun vector(v: DoubleArray) = v.joinToString(", ", "[", "]") { value(it) }

    /** Row-major rows of width w: one row as a vector, several as a list of vectors (data rows). */
    private fun rows(a: DoubleArray, w: Int): String =
        if (a.size <= w) vector(a)
        else (0 until a.size / w).joinToString(", ", "[", "]") { vector(a.copyOfRange(it * w, it * w + w)) }
}
