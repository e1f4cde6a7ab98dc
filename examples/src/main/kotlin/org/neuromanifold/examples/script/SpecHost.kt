package org.neuromanifold.examples.script

import org.jetbrains.kotlin.scripting.compiler.plugin.impl.ScriptJvmCompilerIsolated
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import java.io.File
import java.io.IOException
import java.nio.ByteBuffer
import java.nio.charset.CharacterCodingException
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import kotlin.coroutines.Continuation
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.startCoroutine
import kotlin.script.experimental.api.CompiledScript
import kotlin.script.experimental.api.KotlinType
import kotlin.script.experimental.api.ResultValue
import kotlin.script.experimental.api.ResultWithDiagnostics
import kotlin.script.experimental.api.ScriptDiagnostic
import kotlin.script.experimental.api.ScriptEvaluationConfiguration
import kotlin.script.experimental.api.hostConfiguration
import kotlin.script.experimental.api.implicitReceivers
import kotlin.script.experimental.host.createCompilationConfigurationFromTemplate
import kotlin.script.experimental.host.toScriptSource
import kotlin.script.experimental.jvm.BasicJvmScriptEvaluator
import kotlin.script.experimental.jvm.baseClassLoader
import kotlin.script.experimental.jvm.defaultJvmScriptingHostConfiguration
import kotlin.script.experimental.jvm.impl.KJvmCompiledScript
import kotlin.script.experimental.jvm.jvm
import kotlin.script.experimental.jvm.updateClasspath

/**
 * Compiles and runs spec scripts (`*.nm.kts`) in this JVM. The script is compiled against the
 * program's own classpath ([SpecClasspath]) with the [SpecScript] definition, then evaluated with a
 * [SpecContext] whose [SpecReport] collects what it reports.
 *
 * Compiled scripts are kept in [cache] (if given), keyed by the script and the classpath, so a spec
 * that has not changed starts without the Kotlin compiler.
 *
 * @param cache where compiled scripts are kept, or `null` to compile every time
 */
class SpecHost(private val cache: CompiledSpecCache? = CompiledSpecCache(CompiledSpecCache.defaultDirectory())) {
    private val hostLoader: ClassLoader = SpecScript::class.java.classLoader

    /**
     * Runs the spec in [file] with [seed].
     *
     * @throws SpecificationException `BAD_FILE` when the file cannot be read as UTF-8 text or is not named
     *   `*.nm.kts`
     */
    fun run(file: Path, seed: Long): SpecRun {
        val name = file.fileName?.toString() ?: ""
        if (!name.endsWith(".$EXTENSION")) {
            throw SpecificationException.expected(ErrorCode.BAD_FILE, "spec", "a file named *.$EXTENSION", file)
        }
        val text = try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString()
        } catch (e: CharacterCodingException) {
            throw SpecificationException.expected(ErrorCode.BAD_FILE, "spec", "UTF-8 text", "undecodable bytes in $file")
        } catch (e: IOException) {
            throw SpecificationException(ErrorCode.BAD_FILE, "spec", "spec: cannot read $file: ${e.message ?: e}")
        }
        return run(text, name, seed, file.toString())
    }

    /**
     * Runs spec source [text] as if it were the file [fileName] (`something.nm.kts`).
     *
     * @param displayPath how messages name the spec (default: [fileName])
     */
    fun run(text: String, fileName: String, seed: Long, displayPath: String = fileName): SpecRun {
        val started = System.nanoTime()
        val classpath = SpecClasspath.current()
        val key = cache?.key(text, fileName, SpecClasspath.fingerprint(classpath))
        val fromCache = if (cache != null && key != null) cache.load(key, hostLoader) else null
        val compiled: CompiledScript
        val warnings: List<SpecDiagnostic>
        val compilation: SpecRun.Compilation
        if (fromCache != null) {
            compiled = fromCache
            warnings = emptyList()
            compilation = SpecRun.Compilation(cached = true, millis = millisSince(started))
        } else {
            val result = compile(text, fileName, classpath)
            // errors and warnings; the compiler's infos are about itself, not the spec
            val diagnostics = result.reports.filter { it.severity >= ScriptDiagnostic.Severity.WARNING }
                .map { diagnostic(displayPath, it) }
            warnings = diagnostics.filter { it.severity != "error" }
            if (result !is ResultWithDiagnostics.Success) {
                val errors = diagnostics.filter { it.severity == "error" }
                    .ifEmpty { listOf(SpecDiagnostic(displayPath, "error", 0, 0, "compilation failed without a message")) }
                return SpecRun.CompileFailed(displayPath, errors, warnings,
                    SpecRun.Compilation(cached = false, millis = millisSince(started)))
            }
            compiled = result.value
            val problem = if (cache != null && key != null) store(cache, key, compiled) else null
            compilation = SpecRun.Compilation(cached = false, millis = millisSince(started), cacheProblem = problem)
        }
        return evaluate(compiled, fileName, displayPath, seed, warnings, compilation)
    }

    private fun compile(text: String, fileName: String, classpath: List<File>): ResultWithDiagnostics<CompiledScript> {
        val configuration = createCompilationConfigurationFromTemplate(
            KotlinType(SpecScript::class), defaultJvmScriptingHostConfiguration, SpecScript::class,
        ) {
            updateClasspath(classpath)
            hostConfiguration(defaultJvmScriptingHostConfiguration)
        }
        return ScriptJvmCompilerIsolated(defaultJvmScriptingHostConfiguration)
            .compile(text.toScriptSource(fileName), configuration)
    }

    private fun store(cache: CompiledSpecCache, key: String, compiled: CompiledScript): String? = try {
        val script = compiled as? KJvmCompiledScript ?: return "not a JVM compiled script: ${compiled.javaClass.name}"
        cache.store(key, script)
        null
    } catch (e: IOException) {
        "cannot write ${cache.jarOf(key)}: $e"
    } catch (e: IllegalArgumentException) {
        e.message
    }

    private fun evaluate(
        compiled: CompiledScript, fileName: String, displayPath: String, seed: Long,
        warnings: List<SpecDiagnostic>, compilation: SpecRun.Compilation,
    ): SpecRun {
        val report = SpecReport(fileName)
        val context = SpecContext(report, seed, fileName)
        // built directly rather than from the @KotlinScript template: reading the template's annotation
        // needs kotlin-reflect (about 850 classes, a measurable part of a cached spec's start-up)
        val configuration = ScriptEvaluationConfiguration(SpecEvaluationConfiguration) {
            implicitReceivers(context)
            jvm { baseClassLoader(hostLoader) }
        }
        val started = System.nanoTime()
        val result = blocking { BasicJvmScriptEvaluator()(compiled, configuration) }
        val millis = millisSince(started)
        return when (result) {
            is ResultWithDiagnostics.Success -> when (val value = result.value.returnValue) {
                is ResultValue.Error -> SpecRun.Threw(displayPath, value.error,
                    ScriptLines(fileName).lineOf(value.error, value.scriptClass?.java?.classLoader), report, warnings,
                    compilation)
                else -> SpecRun.Completed(displayPath, report, warnings, compilation, millis)
            }
            is ResultWithDiagnostics.Failure -> {
                // the script class could not be loaded or instantiated
                val reason = result.reports.firstOrNull { it.exception != null }?.exception
                    ?: IllegalStateException(result.reports.joinToString("; ") { it.message })
                SpecRun.Threw(displayPath, reason, ScriptLines(fileName).lineOf(reason, null), report, warnings, compilation)
            }
        }
    }

    private fun diagnostic(displayPath: String, d: ScriptDiagnostic): SpecDiagnostic {
        val start = d.location?.start
        val severity = when (d.severity) {
            ScriptDiagnostic.Severity.FATAL, ScriptDiagnostic.Severity.ERROR -> "error"
            else -> "warning"
        }
        return SpecDiagnostic(displayPath, severity, start?.line ?: 0, start?.col ?: 0, d.message)
    }

    companion object {
        /** The file extension of specs. */
        const val EXTENSION: String = "nm.kts"

        private fun millisSince(startNanos: Long): Long = (System.nanoTime() - startNanos) / 1_000_000

        /** Runs a suspending function that does not really suspend (the script evaluator) to its end. */
        private fun <T> blocking(block: suspend () -> T): T {
            var outcome: Result<T>? = null
            block.startCoroutine(object : Continuation<T> {
                override val context: CoroutineContext get() = EmptyCoroutineContext
                override fun resumeWith(result: Result<T>) {
                    outcome = result
                }
            })
            return (outcome ?: throw IllegalStateException("the script evaluator suspended; it is expected to run to completion"))
                .getOrThrow()
        }
    }
}
