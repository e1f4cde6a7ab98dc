package org.neuromanifold.examples.script

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import org.neuromanifold.core.catalogue.CatalogueIdentities
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.expr.Relation
import org.neuromanifold.core.result.Derivation
import org.neuromanifold.core.result.DerivationStep
import org.neuromanifold.core.result.Formula
import org.neuromanifold.core.result.NumericCertificate
import org.neuromanifold.core.result.SymbolicVerdict
import org.neuromanifold.core.result.VerificationResult
import org.neuromanifold.dsl.bce
import org.neuromanifold.dsl.identity
import org.neuromanifold.dsl.leakyRelu
import org.neuromanifold.dsl.mlp
import org.neuromanifold.dsl.relu
import org.neuromanifold.symbolic.derive.DerivedResult
import java.nio.file.Files
import java.util.Optional

/**
 * The report a spec writes into, outside any script: what passes and fails a run, the hooks for the
 * verifier's and derivers' result types, and LaTeX document names.
 */
class SpecReportSpec : FunSpec({
    fun verification(holds: Boolean, expected: Boolean) = VerificationResult("euler", "relu", 2, 8, false, 100,
        holds, expected, if (holds) 1e-15 else 0.3, if (holds) 1e-15 else 0.2, 1e-10, null)

    fun derived(failedStep: Boolean, crossCheckAgrees: Boolean): DerivedResult {
        val e = CatalogueIdentities.EULER
        val good = NumericCertificate(16, 1e-15, 1e-15, 1e-10)
        val step = DerivationStep(Relation.EQ, Formula.OfExpr(e.rhs()), "Euler's theorem for σ(z) = σ'(z)z", listOf(),
            if (failedStep) SymbolicVerdict.refuted("residual") else SymbolicVerdict.proved("simplified to 0"),
            if (failedStep) NumericCertificate(16, 0.5, 0.5, 1e-10) else good)
        val d = Derivation("euler", "Euler identity", "leaky-relu(iota=0.1)", Formula.OfExpr(e.lhs()), listOf(step),
            listOf("bias-free"))
        val check = DerivedResult.CrossCheck("closed form vs autodiff",
            if (crossCheckAgrees) good else NumericCertificate(16, 0.4, 0.4, 1e-10))
        return DerivedResult(d, Optional.empty(), listOf(check), Optional.empty())
    }

    test("checks decide whether a run passes; values, notes and statements never fail it") {
        val r = SpecReport("x.nm.kts")
        r.value("v", 1.5)
        r.note("n")
        r.statement(CatalogueIdentities.EULER)
        r.check("true", true) shouldBe true
        r.passed shouldBe true
        r.check("false", false, "why") shouldBe false
        r.passed shouldBe false
        // no frame of the script on the stack: line 0
        r.findings.map { it.line }.toSet() shouldBe setOf(0)
    }

    test("an expectation records the failing preconditions and never fails the run") {
        val r = SpecReport("x.nm.kts")
        r.expectation(CatalogueIdentities.EULER, mlp(2, 3, 1, hidden = relu, bias = false)) shouldBe true
        r.expectation(CatalogueIdentities.EULER, mlp(2, 3, 3, 1, hidden = leakyRelu(0.1), bias = true), bce) shouldBe false
        r.passed shouldBe true
        val e = r.findings[1] as Finding.Expectation
        e.model shouldBe "2→3→3→1, leaky-relu(iota=0.1)×2→identity, bias, BinaryCrossEntropyLoss"
        e.outcome shouldBe "not expected to hold (fails: bias-free)"
    }

    test("a verifier verdict passes exactly when it is as predicted") {
        for ((holds, expected) in listOf(true to true, false to false, true to false, false to true)) {
            val r = SpecReport("x.nm.kts")
            r.verdict(verification(holds, expected))
            r.passed shouldBe (holds == expected)
            r.findings.single().outcome.contains("NOT AS PREDICTED") shouldBe (holds != expected)
        }
    }

    test("a derivation passes when sound, and adds its LaTeX document rendered by the symbolic module") {
        val ok = SpecReport("x.nm.kts")
        ok.derivation(derived(failedStep = false, crossCheckAgrees = true))
        ok.passed shouldBe true
        ok.findings.single().subject shouldBe "euler [leaky-relu(iota=0.1)]"
        val doc = ok.documents.single()
        doc.name shouldBe "euler-leaky-relu-iota-0.1.tex"
        doc.source shouldContain "\\section{Euler identity (leaky-relu(iota=0.1))}"
        doc.source shouldContain "\\begin{align*}"

        for ((failedStep, agrees) in listOf(true to true, false to false)) {
            val bad = SpecReport("x.nm.kts")
            bad.derivation(derived(failedStep, agrees))
            bad.passed shouldBe false
        }
    }

    test("LaTeX documents: plain file names only, each name once") {
        val r = SpecReport("x.nm.kts")
        r.latex("notes", "\\documentclass{article}\\begin{document}x\\end{document}")
        r.documents.map { it.name } shouldContainExactly listOf("notes.tex")
        shouldThrow<SpecificationException> { r.latex("notes.tex", "again") }.message shouldContain "already reported"
        for (bad in listOf("../escape", "a/b", "", ".hidden", "x y")) {
            shouldThrow<SpecificationException> { r.latex(bad, "") }.code() shouldBe ErrorCode.UNSUPPORTED
        }
        r.statement(CatalogueIdentities.EULER)
        shouldThrow<SpecificationException> { r.statement(CatalogueIdentities.EULER) }
    }

    test("a derivation's document is rendered only when it is read") {
        var rendered = 0
        val doc = LatexDocument("lazy") { rendered++; "source" }
        rendered shouldBe 0
        doc.source shouldBe "source"
        doc.source shouldBe "source"
        rendered shouldBe 1
    }

    test("cache keys change with the script, its name and the classpath; fingerprints with any class file") {
        val cache = CompiledSpecCache(Files.createTempDirectory("nm-key"))
        val k = cache.key("report.note(\"a\")", "a.nm.kts", "fp")
        cache.key("report.note(\"a\")", "a.nm.kts", "fp") shouldBe k
        cache.key("report.note(\"b\")", "a.nm.kts", "fp") shouldNotBe k
        cache.key("report.note(\"a\")", "b.nm.kts", "fp") shouldNotBe k
        cache.key("report.note(\"a\")", "a.nm.kts", "fp2") shouldNotBe k

        val dir = Files.createTempDirectory("nm-classes")
        val cls = Files.write(dir.resolve("A.class"), byteArrayOf(1, 2, 3))
        val before = SpecClasspath.fingerprint(listOf(dir.toFile()))
        SpecClasspath.fingerprint(listOf(dir.toFile())) shouldBe before
        Files.write(cls, byteArrayOf(1, 2, 3, 4))
        SpecClasspath.fingerprint(listOf(dir.toFile())) shouldNotBe before
    }
})
