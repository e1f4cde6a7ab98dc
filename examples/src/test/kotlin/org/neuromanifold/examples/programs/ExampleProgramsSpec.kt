package org.neuromanifold.examples.programs

import com.fasterxml.jackson.databind.ObjectMapper
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import org.matheclipse.core.interfaces.IAST
import org.neuromanifold.examples.cli.Main
import org.neuromanifold.symbolic.latex.PdfLatex
import org.neuromanifold.symbolic.symja.SymjaEngine
import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files
import java.nio.file.Path
import kotlin.math.abs
import kotlin.math.cosh
import kotlin.math.exp
import kotlin.math.tanh

/**
 * `neuromanifold example`: each example program runs once, in-process, into a temporary directory; its
 * printed verdicts, counterexample and closed forms are compared with values computed here
 * independently (by hand-derived formulas), and its LaTeX (and PDF, when pdflatex exists) is checked.
 */
class ExampleProgramsSpec : FunSpec({
    val dir = Files.createTempDirectory("nm-examples")
    val pdflatex = PdfLatex.locate().isPresent

    class Outcome(val code: Int, val out: String, val err: String)

    fun cli(vararg args: String): Outcome {
        val out = StringWriter()
        val err = StringWriter()
        val cl = Main.commandLine()
        cl.setOut(PrintWriter(out, true))
        cl.setErr(PrintWriter(err, true))
        val code = cl.execute(*args)
        return Outcome(code, out.toString(), err.toString())
    }

    // Every example runs once; the tests below read its output.
    val runs = mutableMapOf<String, Outcome>()
    fun example(name: String): Outcome =
        runs.getOrPut(name) { cli("example", name, "--out", dir.resolve(name).toString()) }

    fun tex(name: String): String = Files.readString(dir.resolve(name).resolve("$name.tex"))

    fun checkPdf(name: String) {
        val pdf = dir.resolve(name).resolve("$name.pdf")
        Files.exists(pdf) shouldBe pdflatex
        if (pdflatex) String(Files.readAllBytes(pdf).copyOf(5)) shouldBe "%PDF-"
    }

    /** The number printed after `label = ` on a line of [text]. */
    fun printed(text: String, label: String): Double {
        val line = text.lines().first { it.trimStart().startsWith("$label ") && it.contains(" = ") }
        return line.substringAfter(" = ").trim().removePrefix("[").removeSuffix("]").toDouble()
    }

    /** A Symja formula evaluated numerically with [values] substituted; a list is flattened. */
    fun symja(formula: String, values: Map<String, Double>): List<Double> {
        val rules = values.entries.joinToString(", ", "{", "}") { "${it.key} -> ${it.value}" }
        val e = SymjaEngine.shared().evaluate("N[Flatten[{($formula) /. $rules}]]").valueOrThrow() as IAST
        return (1..e.argSize()).map { e.get(it).evalf() }
    }

    test("--list names every example and the file that holds it") {
        val o = cli("example", "--list")
        o.code shouldBe 0
        for (p in ExamplePrograms.all) {
            o.out.lines().any { it.startsWith(p.name + " ") && it.contains(p.source) } shouldBe true
            // the listed source exists (tests run in the module directory; sources are relative to the root)
            Files.exists(Path.of("..").resolve(p.source)) shouldBe true
        }
        ExamplePrograms.all.map { it.name } shouldContainExactly
            listOf("euler-identity", "mse-hessian", "neuron-fisher", "euler-identity-java")
        val json = ObjectMapper().readTree(cli("example", "--list", "--json").out)
        json.map { it["name"].asText() } shouldBe ExamplePrograms.all.map { it.name }
    }

    test("an unknown name is bad input: the message names it and lists the known examples") {
        val o = cli("example", "no-such-example")
        o.code shouldBe 2
        o.out shouldBe ""
        o.err shouldContain "no example program named 'no-such-example'"
        o.err shouldContain "known examples: euler-identity, mse-hessian, neuron-fisher, euler-identity-java"
        o.err shouldContain "[UNSUPPORTED]"
    }

    test("euler-identity: holds for ReLU, fails for tanh with a counterexample whose sides are recomputed here") {
        val o = example("euler-identity")
        o.code shouldBe 0
        val relu = o.out.substringAfter("ReLU network:").substringBefore("tanh network (negative control):")
        relu shouldContain "holds on all 500 trials"
        relu shouldContain "As predicted: the identity holds."
        val tanhPart = o.out.substringAfter("tanh network (negative control):").substringBefore("Derivation:")
        tanhPart shouldContain "fails on"
        tanhPart shouldContain "precondition not met: every activation satisfies σ(z) = σ'(z) z"
        // The smallest failing network is 1 -> 1 -> 1 (with no hidden layer the network is linear and the
        // identity holds). For f = w1 tanh(w0 x): ⟨∇θ f, θ⟩ = w1 tanh(w0 x) + w0 x w1 sech²(w0 x), (L+1) f = 2 f.
        tanhPart shouldContain "network: widths 1 -> 1 -> 1, activation tanh, no biases"
        val w0 = printed(tanhPart, "W0[0,0]")
        val w1 = printed(tanhPart, "W1[0,0]")
        val x = printed(tanhPart, "x")
        val lhs = w1 * tanh(w0 * x) + w0 * x * w1 / (cosh(w0 * x) * cosh(w0 * x))
        val rhs = 2 * w1 * tanh(w0 * x)
        // printed to six significant digits
        printed(tanhPart, "lhs") shouldBe (lhs plusOrMinus 1e-5 * abs(lhs))
        printed(tanhPart, "rhs") shouldBe (rhs plusOrMinus 1e-5 * abs(rhs))
        // a genuine failure, far beyond rounding
        (abs(lhs - rhs) > 1e-3 * abs(rhs)) shouldBe true
        o.out shouldContain "proved symbolically; sound"
    }

    test("euler-identity: the LaTeX holds the statement, both verdicts, the counterexample and the derived result") {
        example("euler-identity").code shouldBe 0
        val t = tex("euler-identity")
        val statement = "\\left\\langle \\nabla_{\\theta} f_{\\theta}(x), \\theta \\right\\rangle = " +
            "\\left(L + 1\\right) f_{\\theta}(x)"
        t shouldContain statement
        t shouldContain "Holds on all 500 random instances (networks of widths 3--8--8--1, activation relu"
        t shouldContain "activation tanh, seed 1); maximum relative error"
        t shouldContain "Smallest counterexample: widths 1--1--1"
        // the last line of the derivation's align* chain is the derived result (L + 1) f
        t.substringAfter("\\begin{align*}").substringBefore("\\end{align*}").trim().lines().last() shouldContain
            "&= \\left(L + 1\\right) f_{\\theta}(x)"
        t.trimEnd().endsWith("\\end{document}") shouldBe true
        checkPdf("euler-identity")
    }

    test("euler-identity-java: the same verdicts through the Java API, and its LaTeX") {
        val o = example("euler-identity-java")
        o.code shouldBe 0
        o.out.substringAfter("ReLU network:").substringBefore("tanh network") shouldContain "holds on all 500 trials"
        val tanhPart = o.out.substringAfter("tanh network (negative control):")
        tanhPart shouldContain "fails on"
        tanhPart shouldContain "network: widths 1 -> 1 -> 1, activation tanh, no biases"
        o.out shouldContain "proved symbolically; sound"
        val t = tex("euler-identity-java")
        t shouldContain "\\item ReLU: holds on all 500 trials. As predicted: the identity holds."
        t shouldContain "\\item tanh (negative control): fails on"
        t shouldContain "Smallest counterexample: widths [1, 1, 1]"
        t shouldContain "&= \\left(L + 1\\right) f_{\\theta}(x)"
        checkPdf("euler-identity-java")
    }

    test("mse-hessian: the numeric Hessian agrees with σ²I + μμᵀ, tanh does not; κ and the derived matrix check out") {
        val o = example("mse-hessian")
        o.code shouldBe 0
        o.out shouldContain "linear neuron: agrees with σ²I + μμᵀ"
        o.out shouldContain "tanh neuron (negative control): DIFFERS from σ²I + μμᵀ"
        // The example's model: μ = (1, −0.5, 2), σ = 0.7, so κ = 1 + ‖μ‖²/σ² = 1 + 5.25/0.49.
        val mu = doubleArrayOf(1.0, -0.5, 2.0)
        val sigma = 0.7
        val kappa = 1 + mu.sumOf { it * it } / (sigma * sigma)
        val line = o.out.lines().first { it.trim().startsWith("condition number") }
        // The eigenvalues of a 20 000-sample Monte Carlo Hessian: the smallest has a relative standard error
        // of about √(2/20 000) = 1 %, so 5 % is five of them.
        line.trim().removePrefix("condition number ").substringBefore(";").toDouble() shouldBe (kappa plusOrMinus 0.05 * kappa)
        line shouldContain "1 + ‖μ‖²/σ² = ${String.format(java.util.Locale.ROOT, "%.4g", kappa)}"
        // The derived 3 × 3 matrix, evaluated at the model's μ and σ, is σ²I + μμᵀ.
        val results = o.out.lines().filter { it.trim().startsWith("result: ") }.map { it.substringAfter("result: ") }
        results.size shouldBe 2
        val values = mapOf("mu1" to mu[0], "mu2" to mu[1], "mu3" to mu[2], "sigma" to sigma)
        val matrix = symja(results[0], values)
        matrix.size shouldBe 9
        for (i in 0 until 3) for (j in 0 until 3) {
            val expected = (if (i == j) sigma * sigma else 0.0) + mu[i] * mu[j]
            matrix[3 * i + j] shouldBe (expected plusOrMinus 1e-12)
        }
        // The derived condition number, in terms of m = ‖μ‖ and σ.
        symja(results[1], mapOf("m" to Math.sqrt(mu.sumOf { it * it }), "sigma" to sigma)).single() shouldBe
            (kappa plusOrMinus 1e-12)
        o.out shouldNotContain "NOT sound"
        o.out shouldNotContain "DISAGREES"
        val t = tex("mse-hessian")
        t shouldContain "\\section{Hessian of the mean square error (d = 3) (d3)}"
        t shouldContain "\\section{Spectrum and condition number of the Hessian (spectrum)}"
        Regex("Cross-checks against the numeric engine:").findAll(t).count() shouldBe 2
        Regex("\\\\item .*: agrees \\(").findAll(t).count() shouldBeGreaterThan 0
        t shouldNotContain "disagrees"
        t shouldContain "Negative control, tanh neuron: DIFFERS from \$\\sigma^2 I + \\mu\\mu^{\\top}\$"
        checkPdf("mse-hessian")
    }

    test("neuron-fisher: every activation's derived ν(t) equals the coefficient computed here from its response model") {
        val o = example("neuron-fisher")
        o.code shouldBe 0
        o.out shouldContain "8 of 8 derivations sound"
        // Hyperparameters of the example: ι = 0.1, ω = 0.5, α = 1, and the deriver's default s = 1.
        val iota = 0.1
        val omega = 0.5
        val sigm = { t: Double -> 1 / (1 + exp(-t)) }
        // Gaussian response N(f(t), s²): ν = f'(t)²/s². Bernoulli: ν = (∂p⁺)²/(p⁺p⁻) with p⁺ = (1 + tanh)/2
        // for tanh (so ν = sech²) and p⁺ = sigm for sigmoid (so ν = sigm(1 − sigm)).
        val expected: Map<String, (Double) -> Double> = mapOf(
            "identity" to { _ -> 1.0 },
            "relu" to { t -> if (t > 0) 1.0 else 0.0 },
            "leaky-relu(iota=0.1)" to { t -> if (t > 0) 1.0 else iota * iota },
            "prelu-smooth(iota=0.1, omega=0.5)" to { t ->
                val d = iota + (1 - iota) * sigm((1 - iota) * t / omega); d * d
            },
            "tanh" to { t -> 1 / (cosh(t) * cosh(t)) },
            "sigmoid" to { t -> sigm(t) * (1 - sigm(t)) },
            "elu(alpha=1.0)" to { t -> if (t > 0) 1.0 else exp(2 * t) },
            "softplus" to { t -> sigm(t) * sigm(t) },
        )
        val closedForms = o.out.lines().filter { it.contains(": ν(t) = ") }
            .associate { it.substringBefore(": ν(t) = ") to it.substringAfter(": ν(t) = ") }
        closedForms.keys shouldBe expected.keys
        val ts = listOf(-2.3, -0.7, 0.4, 1.9)
        for ((label, nu) in expected) {
            val formula = closedForms.getValue(label)
            for (t in ts) {
                val derived = symja(formula, mapOf("t" to t, "s" to 1.0, "iota" to iota, "omega" to omega, "alpha" to 1.0))
                derived.single() shouldBe (nu(t) plusOrMinus 1e-12 * maxOf(1.0, nu(t)))
            }
        }
        o.out.lines().count { it.trim().startsWith("cross-check agrees") } shouldBe
            o.out.lines().count { it.trim().startsWith("cross-check") }
        val t = tex("neuron-fisher")
        Regex("\\\\section\\{Relative Fisher information of a ([a-z-]+) neuron").findAll(t)
            .map { it.groupValues[1] }.toList() shouldBe
            listOf("identity", "relu", "leaky-relu", "prelu-smooth", "tanh", "sigmoid", "elu", "softplus")
        checkPdf("neuron-fisher")
    }

    test("--json: the program's text goes to stderr, one document with the verdict and the files to stdout") {
        val out = dir.resolve("json")
        val o = cli("example", "euler-identity", "--json", "--seed", "3", "--out", out.toString())
        o.code shouldBe 0
        val json = ObjectMapper().readTree(o.out)
        json["example"].asText() shouldBe "euler-identity"
        json["seed"].asLong() shouldBe 3
        json["asPredicted"].asBoolean() shouldBe true
        json["files"].map { it.asText() } shouldBe listOfNotNull(out.resolve("euler-identity.tex").toString(),
            if (pdflatex) out.resolve("euler-identity.pdf").toString() else null)
        o.err shouldContain "seed 3."
        o.err shouldContain "tanh network (negative control):"
    }
})
