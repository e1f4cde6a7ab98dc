package org.neuromanifold.dsl

import io.kotest.core.spec.style.FunSpec
import io.kotest.core.test.Enabled
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.shouldBe
import org.neuromanifold.dsl.kotest.shouldFail
import org.neuromanifold.dsl.kotest.shouldHold
import org.neuromanifold.symbolic.derive.Derivers
import org.neuromanifold.symbolic.latex.PdfLatex

/**
 * The tour of the README, compiled and run: declare a model, verify the catalogue's Euler identity and a
 * user-defined one, see a counterexample, derive and write LaTeX. Keep the README's snippets identical
 * to the bodies below.
 */
class TourSpec : FunSpec({

    test("tour: verify, counterexample, user identities, LaTeX") {
        // 1. Declare a model once.
        val reluModel = model {
            network(inputs = 3) {
                dense(8, relu, bias = false)
                dense(8, relu, bias = false)
                dense(1, identity, bias = false)
            }
        }
        val tanhNet = reluModel.network.withActivation(tanh, identity)

        // 2. Verify: random instances, both sides by autodiff, failures shrunk.
        val report = verify(Catalogue.euler, reluModel) { trials = 500; seed = 1 }
        report.holds() shouldBe true

        // 3. A negative control: tanh is not positively homogeneous.
        val ce = counterexample(Catalogue.euler, tanhNet)!!
        ce.widths().toList() shouldBe listOf(1, 1, 1)
        println(verify(Catalogue.euler, tanhNet).describe())

        // 4. Your own identity, in notation: f is positively homogeneous in x.
        val homogeneity = identity("x-homogeneity", "Euler in x") {
            dot(gradInput(f[0]), x) eq f[0] requires { biasFree(); positivelyHomogeneous() }
        }
        homogeneity.shouldHold(reluModel) { trials = 200 }
        homogeneity.shouldFail(mlp(3, 8, 1, hidden = relu, bias = true)) { trials = 200 }

        // 5. LaTeX: the statement, and a document that compiles with pdflatex.
        println(latex(Catalogue.euler))
        val source = latexDocument("Euler's identity") {
            statement(Catalogue.euler)
            verification(Catalogue.euler, report)
        }
        val tex = writeLatex(tempdir().toPath().resolve("euler.tex"), source)
        if (PdfLatex.locate().isPresent) writePdf(tex.resolveSibling("euler.pdf"), source)
    }

    test("tour: derive, once the registry has a deriver for the id").config(enabledOrReasonIf = {
        if (Derivers.find("euler").isPresent) Enabled.enabled
        else Enabled.disabled("no deriver for 'euler' registered yet").also { System.err.println("skipped: ${it.reason}") }
    }) {
        // 6. Derive: every step certified symbolically and numerically; the document compiles.
        val derived = derive("euler")
        derived.sound() shouldBe true
        println(latex(derived))
        writeLatex(tempdir().toPath().resolve("euler-derivation.tex"), derived)
    }
})
