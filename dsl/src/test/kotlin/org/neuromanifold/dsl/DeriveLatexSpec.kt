package org.neuromanifold.dsl

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.core.test.Enabled
import io.kotest.core.test.TestCase
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import org.neuromanifold.core.catalogue.Catalogue as CoreCatalogue
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.expr.Relation
import org.neuromanifold.core.result.Derivation
import org.neuromanifold.symbolic.derive.DerivedResult
import org.neuromanifold.symbolic.derive.Derivers
import org.neuromanifold.symbolic.derive.ScalarChain
import org.neuromanifold.symbolic.latex.PdfLatex
import org.neuromanifold.symbolic.symja.Assumptions
import org.neuromanifold.symbolic.symja.SymbolTable
import org.neuromanifold.symbolic.symja.SymjaEngine
import java.nio.file.Files
import java.time.Duration
import java.util.Optional
import kotlin.random.Random

/**
 * `derive` through the deriver registry, `latex` of statements and derivations, and documents that
 * compile with pdflatex (tests that compile are skipped, with the reason, where pdflatex is missing;
 * tests of a catalogue deriver are skipped, with the reason, while the registry has none for the id).
 */
class DeriveLatexSpec : FunSpec({

    /** Disabled with [reason] (also printed: build logs do not show kotest's skip reasons) unless [ok]. */
    fun enabledIf(ok: Boolean, reason: String): (TestCase) -> Enabled = { test ->
        if (ok) Enabled.enabled
        else Enabled.disabled(reason).also { System.err.println("skipped '${test.name.name}': $reason") }
    }

    val pdflatex = PdfLatex.locate()
    val needsPdflatex = enabledIf(pdflatex.isPresent,
        "pdflatex is not installed (Debian: texlive-latex-base); documents not compiled")

    fun needsDeriver(id: String) = enabledIf(Derivers.find(id).isPresent,
        "no deriver for '$id' in the registry yet (registered: ${Derivers.all().map { it.id() }})")

    fun compiles(source: String) {
        when (val r = pdflatex.orElseThrow().compile(source, Duration.ofSeconds(60))) {
            is PdfLatex.Result.Success -> String(r.pdf().copyOf(5), Charsets.US_ASCII) shouldBe "%PDF-"
            is PdfLatex.Result.Failure -> error("pdflatex failed: ${r.reason()}\n${r.errors().joinToString("\n")}\n$source")
        }
    }

    /**
     * A genuine engine-made derivation, independent of the registry: the Fisher coefficient of a sigmoid
     * neuron, p(1 − p)² + (1 − p)p² with p = sigm(t) (the Bernoulli scores 1 − p and −p squared and
     * weighted), simplified by Symja to p(1 − p) (stack notes: Simplify gives exactly this); each step is
     * certified by the prover and at random points.
     */
    fun sigmoidCoefficient(): Derivation {
        val symbols = SymbolTable.create()
        val t = symbols.symjaName("t")
        val p = "LogisticSigmoid[$t]"
        val engine = SymjaEngine.shared()
        val start = engine.parse("$p*(1 - $p)^2 + (1 - $p)*$p^2").valueOrThrow()
        val simplified = engine.evaluate("Simplify[$p*(1 - $p)^2 + (1 - $p)*$p^2]").valueOrThrow()
        val random = Random(7)
        val points = List(8) { mapOf("t" to random.nextDouble(-3.0, 3.0)) }
        return ScalarChain.start("rfim-neuron", "Fisher coefficient of a sigmoid neuron", "sigmoid", symbols,
            Assumptions.none(), points, 1e-12, start)
            .assume("y in {0, 1}, p(y = 1) = sigm(t)")
            .step(Relation.EQ, simplified, "Simplify")
            .build()
    }

    test("latex(identity) is the statement rendered from the IR") {
        latex(Catalogue.euler) shouldBe
            "\\left\\langle \\nabla_{\\theta} f_{\\theta}(x), \\theta \\right\\rangle = \\left(L + 1\\right) f_{\\theta}(x)"
        latex(identity("bound") { loss le 2 * loss }) shouldBe "\\ell \\le 2 \\ell"
    }

    test("latex of an engine-made derivation: the align* chain, the rule, the certificates") {
        val d = sigmoidCoefficient()
        d.sound() shouldBe true
        val body = latex(d)
        body shouldStartWith "\\begin{align*}"
        body shouldContain "Simplify"
        body shouldContain "Certificates. [1] symbolic: proved"
        latex(d, certificates = false).trimEnd() shouldStartWith "\\begin{align*}"
        latex(d, certificates = false) shouldContain "\\end{align*}"
    }

    test("a document with a statement, a numeric verdict and a derivation compiles with pdflatex")
        .config(enabledOrReasonIf = needsPdflatex) {
            val net = mlp(2, 3, 1, hidden = relu, bias = false)
            val source = latexDocument("Neuromanifold & friends: 100% checked") {
                author = "Test suite"
                text("Every step is certified; $\\sigma$ is the sigmoid.")
                statement(Catalogue.euler)
                verification(Catalogue.euler, verify(Catalogue.euler, net) { trials = 20 })
                verification(Catalogue.euler, verify(Catalogue.euler, net.withActivation(tanh, identity)) { trials = 20 })
                derivation(DerivedResult(sigmoidCoefficient(), Optional.empty(), listOf(), Optional.empty()))
            }
            source shouldContain "\\section{Euler identity}"
            source shouldContain "Smallest counterexample: widths"
            compiles(source)
            val pdf = writePdf(tempdir().toPath().resolve("out/doc.pdf"), source)
            String(Files.readAllBytes(pdf).copyOf(5), Charsets.US_ASCII) shouldBe "%PDF-"
            val tex = writeLatex(tempdir().toPath().resolve("nested/dir/doc.tex"), source)
            Files.readString(tex) shouldBe source
            compiles(latexDocument(Catalogue.lossEuler))
        }

    test("writePdf reports pdflatex's errors for a broken document").config(enabledOrReasonIf = needsPdflatex) {
        val e = shouldThrow<SpecificationException> {
            writePdf(tempdir().toPath().resolve("broken.pdf"), latexDocument("Broken") { text("\$\\undefinedmacro\$") })
        }
        e.code() shouldBe ErrorCode.BAD_FILE
        e.message!! shouldContain "Undefined control sequence"
    }

    test("derive(\"euler\") through the registry: sound, and its document compiles")
        .config(enabledOrReasonIf = needsDeriver("euler")) {
            val d = derive("euler", points = 4)
            d.sound() shouldBe true
            latex(d) shouldContain "\\begin{align*}"
            if (pdflatex.isPresent) compiles(latexDocument(d))
            derive(Catalogue.euler, relu, points = 4).derivation().variant() shouldBe d.derivation().variant()
        }

    test("derive(Catalogue.euler, tanh) is a negative control: the derivation is not sound")
        .config(enabledOrReasonIf = needsDeriver("euler")) {
            val d = derive(Catalogue.euler, tanh, points = 4)
            d.sound() shouldBe false
            latex(d) shouldContain "failed"
        }

    test("derive refuses what it cannot derive, naming the argument") {
        shouldThrow<SpecificationException> { derive("no-such-id") }.code() shouldBe ErrorCode.UNKNOWN_IDENTITY
        val user = identity("mine") { dot(gradInput(f[0]), x) eq f[0] }
        val notCatalogue = shouldThrow<SpecificationException> { derive(user) }
        notCatalogue.code() shouldBe ErrorCode.UNSUPPORTED
        notCatalogue.message!! shouldContain "'mine'"
        notCatalogue.message!! shouldContain "verify(identity, model)"
        val custom = shouldThrow<SpecificationException> { derive("euler", activation("swish", "z*sigmoid(z)")) }
        custom.argument() shouldBe "activation"
        shouldThrow<SpecificationException> { derive("euler", points = 0) }.argument() shouldBe "points"
        val underived = CoreCatalogue.entries().firstOrNull { Derivers.find(it.id()).isEmpty }
        if (underived != null) {
            val e = shouldThrow<SpecificationException> { derive(underived.id()) }
            e.code() shouldBe ErrorCode.UNSUPPORTED
            e.message!! shouldContain "no derivation implemented yet"
        }
    }

    test("writeLatex names a path it cannot write") {
        val file = tempdir().toPath().resolve("plain-file")
        Files.writeString(file, "x")
        val e = shouldThrow<SpecificationException> { writeLatex(file.resolve("doc.tex"), "source") }
        e.code() shouldBe ErrorCode.BAD_FILE
        e.argument() shouldBe file.resolve("doc.tex").toString()
    }
})
