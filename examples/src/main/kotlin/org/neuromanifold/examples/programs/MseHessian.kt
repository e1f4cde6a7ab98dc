package org.neuromanifold.examples.programs

import org.apache.commons.math3.linear.Array2DRowRealMatrix
import org.apache.commons.math3.linear.EigenDecomposition
import org.neuromanifold.core.model.Network
import org.neuromanifold.dsl.Model
import org.neuromanifold.dsl.Notation
import org.neuromanifold.dsl.derive
import org.neuromanifold.dsl.gaussian
import org.neuromanifold.dsl.identity
import org.neuromanifold.dsl.latexDocument
import org.neuromanifold.dsl.model
import org.neuromanifold.dsl.notation
import org.neuromanifold.dsl.tanh
import org.neuromanifold.dsl.xavier
import org.neuromanifold.numeric.expr.EvalContext
import org.neuromanifold.numeric.expr.ExprEvaluator
import org.neuromanifold.numeric.init.Initializer
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus
import org.neuromanifold.symbolic.derive.DerivedResult
import java.io.PrintWriter
import java.nio.file.Path
import java.util.Locale
import kotlin.math.abs
import kotlin.system.exitProcess

/**
 * The Hessian of the mean squared error of a linear model under Gaussian inputs (catalogue id
 * `mse-hessian`; seed 004, exercise 1): for J(w) = 𝔼[½(wᵀx − y)²] with x ~ N(μ, σ²I),
 *
 *     ∇²J = σ²I + μμᵀ   for every w,
 *
 * with eigenvalues σ² + ‖μ‖² (on μ) and σ² (on μ^⊥, d − 1 times), so κ = 1 + ‖μ‖²/σ².
 *
 * The target t = vᵀx + ε enters J only through terms of degree ≤ 1 in w, so the Hessian is the same for
 * every teacher v and noise ε; the program takes t = 0, i.e. J(w) = 𝔼[½ f(x)²] with f(x) = wᵀx.
 *
 * The program computes the Hessian with the autodiff engine (a Monte Carlo expectation over the inputs,
 * with standard errors) and compares it entry by entry with σ²I + μμᵀ; the same comparison for a tanh
 * neuron must fail. Then it derives the Hessian (d = 3, every coordinate symbolic) and its spectrum,
 * and writes everything as LaTeX.
 *
 *     ./neuromanifold example mse-hessian [--out DIR]
 */
object MseHessian {
    const val NAME = "mse-hessian"

    /** Monte Carlo samples of the expectation over x. */
    private const val SAMPLES = 20_000

    /**
     * An entry agrees when |numeric − closed form| ≤ Z standard errors. The Monte Carlo error is the only
     * error here (autodiff is exact to rounding); with 6 distinct entries, 5 standard errors make a false
     * alarm a one-in-a-million event.
     */
    private const val Z = 5.0

    @JvmStatic
    fun main(args: Array<String>) {
        exitProcess(if (run(ExampleOutput.directory(args, NAME))) 0 else 1)
    }

    /** Runs the example, writing into [dir]; true when every outcome is the one the theory predicts. */
    fun run(dir: Path, seed: Long = 1, out: PrintWriter = ExampleOutput.console()): Boolean {
        // 1. The model: a linear neuron f = wᵀx (no bias), inputs N(μ, σ²I) in dimension 3.
        val mu = doubleArrayOf(1.0, -0.5, 2.0)
        val sigma = 0.7
        val linear = model {
            network(inputs = 3) { dense(1, identity, bias = false) }
            inputs = gaussian(mu = mu, sigma = sigma)
            init = xavier
        }
        // The closed form the theory predicts, from the declared μ and σ.
        val predicted = Array(3) { i -> DoubleArray(3) { j -> (if (i == j) sigma * sigma else 0.0) + mu[i] * mu[j] } }

        // 2. Numerically: ∇²_w J by autodiff at a random w, compared with σ²I + μμᵀ.
        out.println("H = ${hessianOfRisk(linear).expr.notation()}  vs  σ²I + μμᵀ,  μ = ${mu.toList()}, σ = $sigma")
        val linearCheck = compare(linear, linear.network, predicted, seed)
        out.println("linear neuron: ${linearCheck.verdict()}")
        // The eigen-decomposition of the numeric Hessian next to the closed form's.
        val eigenvalues = EigenDecomposition(Array2DRowRealMatrix(linearCheck.hessian)).realEigenvalues.sortedDescending()
        val normMu2 = mu.sumOf { it * it }
        out.println("  eigenvalues ${eigenvalues.map(::num)}; predicted ${num(sigma * sigma + normMu2)} (on μ) and " +
            "${num(sigma * sigma)} (twice)")
        out.println("  condition number ${num(eigenvalues.first() / eigenvalues.last())}; predicted 1 + ‖μ‖²/σ² = " +
            num(1 + normMu2 / (sigma * sigma)))

        // The negative control: a tanh neuron's Hessian is not σ²I + μμᵀ (it depends on w, too).
        val tanhCheck = compare(linear, linear.network.withActivation(tanh, tanh), predicted, seed)
        out.println("tanh neuron (negative control): ${tanhCheck.verdict()}")

        // 3. Symbolically: the Hessian for d = 3 (J and ∇J in closed form on the way), and its spectrum.
        val hessian = derive("mse-hessian", "d3", seed = seed)
        val spectrum = derive("mse-hessian", "spectrum", seed = seed)
        for (derived in listOf(hessian, spectrum)) {
            out.println()
            describe(derived, out)
        }

        // 4. LaTeX: the numeric comparison and both derivations.
        val source = latexDocument("The Hessian of the mean squared error under Gaussian inputs") {
            text("For a linear model \$f(x) = w^{\\top} x\$ with inputs \$x \\sim N(\\mu, \\sigma^2 I)\$, " +
                "\$\\mu = (${mu.joinToString(", ")})\$, \$\\sigma = $sigma\$, and the risk " +
                "\$J(w) = \\mathbb{E}[\\tfrac{1}{2} f(x)^2]\$ (target 0; the Hessian is the same for every target).")
            val formula = "\$\\sigma^2 I + \\mu\\mu^{\\top}\$"
            text("Numerically (autodiff, $SAMPLES Monte Carlo samples of \$x\$): linear neuron: " +
                "${linearCheck.outcome()} $formula ${linearCheck.deviation()}, eigenvalues " +
                "${eigenvalues.joinToString(", ") { num(it) }}. Negative control, tanh neuron: " +
                "${tanhCheck.outcome()} $formula ${tanhCheck.deviation()}.")
            derivation(hessian)
            derivation(spectrum)
        }
        out.println()
        ExampleOutput.writeDocument(dir, NAME, source, out)

        return linearCheck.agrees && !tanhCheck.agrees && hessian.sound() && spectrum.sound()
    }

    /** ∇²_θ J for J = 𝔼_{x ∼ inputs}[½ f(x)²], in the DSL's notation. */
    private fun hessianOfRisk(m: Model) = with(Notation) { hessian(mean(over = m.inputs!!) { dot(f, f) / 2 }) }

    /**
     * The Hessian of [net]'s risk under [m]'s inputs at θ drawn from [m]'s initialisation, by autodiff on a
     * Monte Carlo expectation, compared with [predicted] entry by entry in units of its standard error.
     */
    private fun compare(m: Model, net: Network, predicted: Array<DoubleArray>, seed: Long): Comparison {
        val theta = Initializer.sample(net, m.init!!, Xoshiro256PlusPlus.of(seed, 0))
        val context = EvalContext.builder(net, theta).seed(seed).monteCarloSamples(SAMPLES).build()
        val estimate = ExprEvaluator().evaluate(hessianOfRisk(m).expr, context)
        val h = estimate.value().toRows()
        val se = estimate.standardError().toRows()
        var worst = 0.0
        for (i in h.indices) for (j in h.indices) {
            val gap = abs(h[i][j] - predicted[i][j])
            worst = maxOf(worst, if (se[i][j] > 0) gap / se[i][j] else if (gap == 0.0) 0.0 else Double.POSITIVE_INFINITY)
        }
        return Comparison(h, worst)
    }

    /** A numeric Hessian and its largest deviation from the closed form, in standard errors. */
    private class Comparison(val hessian: Array<DoubleArray>, val worstZ: Double) {
        val agrees: Boolean get() = worstZ <= Z

        fun outcome(): String = if (agrees) "agrees with" else "DIFFERS from"

        fun deviation(): String = "(largest deviation ${num(worstZ)} standard errors; at most ${num(Z)} count as agreement)"

        fun verdict(): String = "${outcome()} σ²I + μμᵀ ${deviation()}"
    }

    private fun describe(derived: DerivedResult, out: PrintWriter) {
        val d = derived.derivation()
        out.println("${d.title()} [${d.variant()}]: ${d.steps().size} steps, ${d.provedSteps()} proved symbolically; " +
            if (derived.sound()) "sound" else "NOT sound")
        derived.symjaResult().ifPresent { out.println("  result: ${it.replace("\n", "")}") }
        for (c in derived.crossChecks()) {
            out.println("  cross-check ${if (c.certificate().agrees()) "agrees" else "DISAGREES"}: ${c.description()}")
        }
        derived.seedFormula().ifPresent { out.println("  seed's formula ${if (it.agrees()) "agrees" else "disagrees"}: ${it.detail()}") }
    }

    private fun num(v: Double) = String.format(Locale.ROOT, "%.4g", v)
}
