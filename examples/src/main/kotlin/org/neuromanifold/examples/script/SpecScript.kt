package org.neuromanifold.examples.script

import kotlin.script.experimental.annotations.KotlinScript
import kotlin.script.experimental.api.ScriptAcceptedLocation
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.ScriptEvaluationConfiguration
import kotlin.script.experimental.api.acceptedLocations
import kotlin.script.experimental.api.compilerOptions
import kotlin.script.experimental.api.defaultImports
import kotlin.script.experimental.api.ide
import kotlin.script.experimental.api.implicitReceivers
import kotlin.script.experimental.jvm.jvm
import kotlin.script.experimental.jvm.jvmTarget

/**
 * A Neuromanifold model spec: a Kotlin script (`*.nm.kts`) written in the DSL and run by
 * `neuromanifold run spec.nm.kts`.
 *
 * The script sees every name of `org.neuromanifold.dsl` without imports (`network`, `model`, `relu`,
 * `identity(…) { … }`, `Catalogue`, …) and has a [SpecContext] as implicit receiver, so `report` and
 * `seed` are in scope:
 * ```
 * val net = network(inputs = 3) { dense(4, relu, bias = false); dense(1, identity, bias = false) }
 * report.statement(Catalogue.euler)
 * report.expectation(Catalogue.euler, model { use(net) })
 * ```
 * Other packages of the program's classpath (core, numeric, symbolic, Kotest) are imported as usual.
 */
@KotlinScript(
    displayName = "Neuromanifold model spec",
    fileExtension = "nm.kts",
    compilationConfiguration = SpecCompilationConfiguration::class,
    evaluationConfiguration = SpecEvaluationConfiguration::class,
)
abstract class SpecScript

/**
 * How a spec is compiled: the DSL imported by default, [SpecContext] as implicit receiver, bytecode for
 * JVM 25. The classpath is added by [SpecHost] (the program's own classpath, see [SpecClasspath]).
 */
object SpecCompilationConfiguration : ScriptCompilationConfiguration({
    defaultImports(DEFAULT_IMPORTS)
    implicitReceivers(SpecContext::class)
    // the compiler's fast jar reader calls sun.misc.Unsafe::invokeCleaner, which JDK 25 warns about on stderr
    compilerOptions("-Xuse-fast-jar-file-system=false")
    jvm {
        jvmTarget(JVM_TARGET)
    }
    ide {
        acceptedLocations(ScriptAcceptedLocation.Everywhere)
    }
}) {
    private fun readResolve(): Any = SpecCompilationConfiguration
}

/** How a spec is evaluated; the [SpecContext] instance is added per run by [SpecHost]. */
object SpecEvaluationConfiguration : ScriptEvaluationConfiguration({}) {
    private fun readResolve(): Any = SpecEvaluationConfiguration
}

/** The packages every spec imports without saying so. */
internal val DEFAULT_IMPORTS: List<String> = listOf("org.neuromanifold.dsl.*")

/** The bytecode level of compiled specs (the JDK the program runs on). */
internal const val JVM_TARGET: String = "25"
