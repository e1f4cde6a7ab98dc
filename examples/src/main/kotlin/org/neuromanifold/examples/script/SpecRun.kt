package org.neuromanifold.examples.script

/**
 * The outcome of running a spec: it [Completed], did not compile ([CompileFailed]), or [Threw] while it
 * ran. Every outcome carries the compiler's other diagnostics (warnings) and how long each phase took.
 */
sealed class SpecRun {
    /** The spec's path as the user gave it (for messages). */
    abstract val spec: String

    /** Compiler warnings, in source order. */
    abstract val warnings: List<SpecDiagnostic>

    /** How the compiled script was obtained, and how long that took. */
    abstract val compilation: Compilation

    /** The script ran to its end. */
    class Completed(
        override val spec: String,
        val report: SpecReport,
        override val warnings: List<SpecDiagnostic>,
        override val compilation: Compilation,
        val evaluationMillis: Long,
    ) : SpecRun()

    /** The script has errors; nothing ran. */
    class CompileFailed(
        override val spec: String,
        val errors: List<SpecDiagnostic>,
        override val warnings: List<SpecDiagnostic>,
        override val compilation: Compilation,
    ) : SpecRun()

    /**
     * The script threw. [report] holds what it reported before.
     *
     * @property error the exception the script threw
     * @property line  the script line it was thrown from (the innermost frame in the script), or `null`
     */
    class Threw(
        override val spec: String,
        val error: Throwable,
        val line: Int?,
        val report: SpecReport,
        override val warnings: List<SpecDiagnostic>,
        override val compilation: Compilation,
    ) : SpecRun()

    /**
     * How the compiled script was obtained.
     *
     * @property cached       whether it came from the [CompiledSpecCache] (no compiler ran)
     * @property millis       wall time to obtain it (cache lookup, or compilation and storing)
     * @property cacheProblem why a compiled script could not be stored, or `null`
     */
    data class Compilation(val cached: Boolean, val millis: Long, val cacheProblem: String? = null)
}

/**
 * One compiler message, located in the script.
 *
 * @property severity `error` or `warning`
 * @property line     1-based line, or 0 when the compiler gave no location
 * @property column   1-based column, or 0
 */
data class SpecDiagnostic(val spec: String, val severity: String, val line: Int, val column: Int, val message: String) {
    /** `spec.nm.kts:3:17: error: Unresolved reference 'foo'.` (the form editors and terminals link). */
    override fun toString(): String =
        (if (line > 0) "$spec:$line:$column" else spec) + ": $severity: $message"
}
