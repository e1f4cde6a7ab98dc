package org.neuromanifold.examples.cli

import com.fasterxml.jackson.databind.ObjectMapper
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldBeEmpty
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files
import java.nio.file.Path

/** `neuromanifold run`: exit codes, the human table, the one JSON document, LaTeX files, located errors. */
class RunCommandSpec : FunSpec({
    val dir = Files.createTempDirectory("nm-run")
    val cache = dir.resolve("cache")

    class Outcome(val code: Int, val out: String, val err: String)

    fun run(vararg args: String): Outcome {
        val out = StringWriter()
        val err = StringWriter()
        val cl = Main.commandLine()
        cl.setOut(PrintWriter(out, true))
        cl.setErr(PrintWriter(err, true))
        val code = cl.execute("run", "--cache-dir", cache.toString(), *args)
        return Outcome(code, out.toString(), err.toString())
    }

    fun spec(name: String, text: String): Path = Files.writeString(dir.resolve(name), text.trimIndent())

    val passing = spec("pass.nm.kts", """
        val net = network(inputs = 2) { dense(3, relu, bias = false); dense(1, identity, bias = false) }
        report.statement(Catalogue.euler)
        report.check("promised", report.expectation(Catalogue.euler, net))
        report.value("seed", seed.toDouble())
        report.value("not a number", Double.NaN)
    """)

    test("--json prints one JSON document with the spec's findings and the seed it was given") {
        val o = run(passing.toString(), "--json", "--seed", "17")
        o.code shouldBe 0
        val json = ObjectMapper().readTree(o.out)
        json["seed"].asLong() shouldBe 17
        json["passed"].asBoolean() shouldBe true
        val findings = json["findings"]
        findings.map { it["kind"].asText() } shouldBe listOf("statement", "expectation", "check", "value", "value")
        findings.map { it["line"].asInt() } shouldBe listOf(2, 3, 3, 4, 5)
        findings[0]["id"].asText() shouldBe "euler"
        findings[0]["latex"].asText() shouldContain "\\nabla_{\\theta}"
        findings[1]["expected"].asBoolean() shouldBe true
        findings[3]["value"].asDouble() shouldBe 17.0
        // JSON has no NaN: written as a string
        findings[4]["value"].asText() shouldBe "NaN"
        json["latex"][0]["name"].asText() shouldBe "euler.tex"
        json["latex"][0]["file"].isNull shouldBe true
        o.err shouldContain "compiled in"
    }

    test("the table lists every finding; --out writes the LaTeX; the second run is served from the cache") {
        val out = dir.resolve("latex")
        val first = run(passing.toString(), "--out", out.toString())
        first.code shouldBe 0
        first.out shouldContain "statement"
        first.out shouldContain "expected to hold (2 preconditions hold)"
        first.out shouldContain "1 of 1 passed"
        Files.readString(out.resolve("euler.tex")) shouldContain "\\begin{equation*}"
        val second = run(passing.toString())
        second.code shouldBe 0
        second.err shouldContain "loaded from the compiled-spec cache"
        second.out shouldContain "1 LaTeX document (euler.tex); write with --out DIR"
    }

    test("a failing check gives exit code 1") {
        val failing = spec("fail.nm.kts", """
            report.check("one is two", 1 == 2)
        """)
        val o = run(failing.toString())
        o.code shouldBe 1
        o.out shouldContain "FAILS"
        o.out shouldContain "0 of 1 passed; 1 FAILED"
    }

    test("a compile error goes to stderr as file:line:column with exit code 2, and stdout stays empty") {
        val broken = spec("broken.nm.kts", """
            val n = 1
            report.value("x", undefinedThing)
        """)
        val o = run(broken.toString(), "--json")
        o.code shouldBe 2
        o.out.shouldBeEmpty()
        o.err shouldStartWith "$broken:2:19: error: "
        o.err shouldContain "undefinedThing"
        o.err shouldContain "does not compile (1 error)"
    }

    test("a spec that throws is reported with its line and exit code 2") {
        val throwing = spec("throwing.nm.kts", """
            report.note("first")
            val net = network(inputs = 0) { dense(1, identity) }
        """)
        val o = run(throwing.toString())
        o.code shouldBe 2
        o.err shouldStartWith "$throwing:2: error: the spec threw org.neuromanifold.core.error.SpecificationException"
        o.out shouldContain "reported before the error:"
        o.out shouldContain "first"
    }

    test("a missing spec file is bad input (exit code 2)") {
        val o = run(dir.resolve("nowhere.nm.kts").toString())
        o.code shouldBe 2
        o.err shouldContain "nowhere.nm.kts"
        o.err shouldContain "BAD_FILE"
    }
})
