package org.neuromanifold.examples.script

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.expr.Precondition
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus
import java.nio.file.Files

/**
 * The host compiles specs in-process and runs them; what they report is what they computed (compared
 * with the same quantities computed here, independently of the script), compile errors and exceptions
 * are located in the script, and the compiled-spec cache gives the same results without recompiling.
 */
class SpecHostSpec : FunSpec({
    val cacheDir = Files.createTempDirectory("nm-spec-cache")
    val host = SpecHost(CompiledSpecCache(cacheDir))

    // One finding per line 2..10, so each finding's line is its index + 2.
    val probe = """
        val net = network(inputs = 3) { dense(5, relu, bias = false); dense(2, identity, bias = false) }
        report.value("parameters", net.parameterCount().toDouble())
        report.value("seed", seed.toDouble())
        report.value("first draw of stream 7", random(7).nextDouble())
        report.check("two outputs", net.outputDim() == 2)
        report.check("deliberately false", net.depth() == 5, "depth is " + net.depth())
        report.expectation(Catalogue.euler, net)
        report.expectation(Catalogue.euler, net.withActivation(tanh, identity))
        report.statement(Catalogue.euler)
        report.note(specName)
    """.trimIndent()

    fun completed(run: SpecRun): SpecReport {
        withClue({ describe(run) }) { run.shouldBeInstanceOf<SpecRun.Completed>() }
        return (run as SpecRun.Completed).report
    }

    test("a spec runs in-process and reports what it computed, on the lines that reported it") {
        val report = completed(host.run(probe, "probe.nm.kts", seed = 42))
        val f = report.findings
        f shouldHaveSize 9
        f.map { it.line } shouldContainExactly (2..10).toList()
        // W0 is 5×3 and W1 is 2×5, no biases
        (f[0] as Finding.Value).value shouldBe (5 * 3 + 2 * 5).toDouble()
        (f[1] as Finding.Value).value shouldBe 42.0
        (f[2] as Finding.Value).value shouldBe Xoshiro256PlusPlus.of(42, 7).nextDouble()
        (f[3] as Finding.Check).holds shouldBe true
        (f[4] as Finding.Check).let {
            it.holds shouldBe false
            it.detail shouldBe "depth is 1"
        }
        (f[5] as Finding.Expectation).let {
            it.expected shouldBe true
            it.model shouldBe "3→5→2, relu→identity, no bias"
        }
        (f[6] as Finding.Expectation).failing shouldContainExactly listOf(Precondition.PositivelyHomogeneous())
        (f[7] as Finding.Statement).identity.id() shouldBe "euler"
        (f[8] as Finding.Note).text shouldBe "probe.nm.kts"
        report.documents.map { it.name } shouldContainExactly listOf("euler.tex")
        // the deliberately false check fails the run
        report.passed shouldBe false
    }

    test("the second run of an unchanged spec comes from the cache and reports the same; a change recompiles") {
        val first = host.run(probe, "probe.nm.kts", seed = 3)
        val cache = CompiledSpecCache(cacheDir)
        val jar = cache.jarOf(cache.key(probe, "probe.nm.kts", SpecClasspath.fingerprint(SpecClasspath.current())))
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(0))
        val second = host.run(probe, "probe.nm.kts", seed = 3)
        second.compilation.cached shouldBe true
        // a hit marks the entry as recently used
        (Files.getLastModifiedTime(jar).toMillis() > 0) shouldBe true
        val a = completed(first).findings
        val b = completed(second).findings
        b.map { Triple(it.line, it.kind, it.outcome) } shouldContainExactly a.map { Triple(it.line, it.kind, it.outcome) }

        val changed = host.run(probe.replace("dense(5,", "dense(6,"), "probe.nm.kts", seed = 3)
        changed.compilation.cached shouldBe false
        (completed(changed).findings[0] as Finding.Value).value shouldBe (6 * 3 + 2 * 6).toDouble()
    }

    test("an unreadable cache entry is a miss: the spec is compiled again and the entry replaced") {
        val text = "report.value(\"answer\", 6.0 * 7)"
        val cache = CompiledSpecCache(cacheDir)
        completed(host.run(text, "answer.nm.kts", seed = 1))
        val key = cache.key(text, "answer.nm.kts", SpecClasspath.fingerprint(SpecClasspath.current()))
        Files.isRegularFile(cache.jarOf(key)) shouldBe true
        Files.writeString(cache.jarOf(key), "not a jar")
        val again = host.run(text, "answer.nm.kts", seed = 1)
        again.compilation.cached shouldBe false
        (completed(again).findings.single() as Finding.Value).value shouldBe 42.0
        host.run(text, "answer.nm.kts", seed = 1).compilation.cached shouldBe true
    }

    test("the cache keeps its most recently used entries up to its limit") {
        val small = CompiledSpecCache(Files.createTempDirectory("nm-small-cache"), maxEntries = 2)
        val now = System.currentTimeMillis()
        for ((name, age) in listOf("old" to 3000L, "older" to 4000L, "recent" to 1000L, "newest" to 0L)) {
            Files.setLastModifiedTime(Files.writeString(small.directory.resolve("$name.jar"), name),
                java.nio.file.attribute.FileTime.fromMillis(now - age))
        }
        small.prune()
        Files.list(small.directory).use { files -> files.map { it.fileName.toString() }.sorted().toList() } shouldContainExactly
            listOf("newest.jar", "recent.jar")
    }

    test("a syntax error is reported with line and column, and nothing runs or is cached") {
        val text = """
            val net = network(inputs = 3) { dense(4, relu) }
            report.check("widths", net.widths().size == 3))
        """.trimIndent()
        val run = host.run(text, "syntax.nm.kts", seed = 1)
        run.shouldBeInstanceOf<SpecRun.CompileFailed>()
        val e = run.errors.first()
        e.line shouldBe 2
        // the second ')' of '== 3))'
        e.column shouldBe 47
        e.toString() shouldContain "syntax.nm.kts:2:47: error: "
        Files.list(cacheDir).use { files -> files.noneMatch { it.toString().contains("syntax") } } shouldBe true
    }

    test("compiler warnings are reported with their position, and the spec still runs") {
        val text = """
            val n: Int = 3
            report.value("n", n!!.toDouble())
        """.trimIndent()
        val run = host.run(text, "warns.nm.kts", seed = 1)
        (completed(run).findings.single() as Finding.Value).value shouldBe 3.0
        val w = run.warnings.single()
        w.severity shouldBe "warning"
        w.line shouldBe 2
        w.toString() shouldContain "warns.nm.kts:2:"
    }

    test("an unresolved name is reported at its line and column") {
        val text = """
            val net = network(inputs = 3) {
                dense(4, relux, bias = false)
            }
        """.trimIndent()
        val run = host.run(text, "unresolved.nm.kts", seed = 1)
        run.shouldBeInstanceOf<SpecRun.CompileFailed>()
        val e = run.errors.single()
        e.line shouldBe 2
        e.column shouldBe 14
        e.message shouldContain "relux"
    }

    test("a spec that throws reports the line it threw from, and what it reported before") {
        val text = """
            report.check("before", true)
            val empty = 0
            val net = network(inputs = 2) {
                softmax()
            }
            report.check("after", true)
        """.trimIndent()
        val run = host.run(text, "throws.nm.kts", seed = 1)
        run.shouldBeInstanceOf<SpecRun.Threw>()
        run.line shouldBe 4
        run.error.shouldBeInstanceOf<SpecificationException>().code() shouldBe ErrorCode.EMPTY
        run.report.findings.map { (it as Finding.Check).name } shouldContainExactly listOf("before")
    }

    test("an error raised inside a DSL builder that is inlined into the spec is located at the builder's call") {
        // network { … } and model { … } are inline functions: their code runs under line numbers past the
        // end of the script, which the class's source map traces back to the calling line
        val text = """
            repeat(2) { report.value("draw", random(it.toLong()).nextDouble()) }
            val ok = model {
                network(inputs = 2) { dense(1, identity) }
            }
            report.check("ok", ok.network.depth() == 0)
            val bad = model {
                network(inputs = 2) { }
            }
        """.trimIndent()
        val run = host.run(text, "inlined.nm.kts", seed = 1)
        run.shouldBeInstanceOf<SpecRun.Threw>()
        run.error.shouldBeInstanceOf<SpecificationException>().code() shouldBe ErrorCode.EMPTY
        run.line shouldBe 7
        run.report.findings.map { it.line } shouldContainExactly listOf(1, 1, 5)
    }

    test("an exception inside a function of the spec is located in that function") {
        val text = """
            fun fails(): Double = error("no value here")

            report.value("x", fails())
        """.trimIndent()
        val run = host.run(text, "inner.nm.kts", seed = 1)
        run.shouldBeInstanceOf<SpecRun.Threw>()
        run.line shouldBe 1
        run.error.shouldBeInstanceOf<IllegalStateException>().message shouldBe "no value here"
        run.report.findings.shouldBeEmpty()
    }

    test("the watcher runs the spec again when its text changes, and only then") {
        val file = Files.createTempDirectory("nm-watch").resolve("watched.nm.kts")
        Files.writeString(file, "report.value(\"v\", 1.0)")
        val values = java.util.concurrent.CopyOnWriteArrayList<Double>()
        var polls = 0
        SpecWatcher(host, file, pollMillis = 10).watch(1, {
            polls++
            when (polls) {
                3 -> Files.writeString(file, "report.value(\"v\", 2.0)")
                6 -> Files.writeString(file, "report.value(\"v\", 2.0)") // same bytes: no run
            }
            polls >= 9
        }) { run -> values += (completed(run).findings.first() as Finding.Value).value }
        values shouldContainExactly listOf(1.0, 2.0)
    }

    test("a file that is not a spec is refused before compiling") {
        val dir = Files.createTempDirectory("nm-spec")
        val txt = Files.writeString(dir.resolve("spec.kts"), "report.note(\"x\")")
        shouldThrowSpecification { host.run(txt, seed = 1) }.code() shouldBe ErrorCode.BAD_FILE
        shouldThrowSpecification { host.run(dir.resolve("missing.nm.kts"), seed = 1) }.message.shouldNotBeNull() shouldContain
            "missing.nm.kts"
        val latin1 = Files.write(dir.resolve("latin1.nm.kts"), byteArrayOf(0x2f, 0x2f, 0xe9.toByte(), 0x0a))
        shouldThrowSpecification { host.run(latin1, seed = 1) }.message.shouldNotBeNull() shouldContain "UTF-8"
    }
})

private fun shouldThrowSpecification(block: () -> Unit): SpecificationException =
    io.kotest.assertions.throwables.shouldThrow<SpecificationException>(block)

/** The run's diagnostics or error, for assertion messages. */
internal fun describe(run: SpecRun): String = when (run) {
    is SpecRun.Completed -> "completed"
    is SpecRun.CompileFailed -> "did not compile: " + run.errors.joinToString("\n")
    is SpecRun.Threw -> "threw at line ${run.line}: ${run.error.stackTraceToString()}"
}
