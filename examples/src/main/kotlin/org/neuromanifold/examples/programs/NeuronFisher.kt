package org.neuromanifold.examples.programs

import org.neuromanifold.core.activation.Activation
import org.neuromanifold.dsl.derive
import org.neuromanifold.dsl.elu
import org.neuromanifold.dsl.identity
import org.neuromanifold.dsl.latexDocument
import org.neuromanifold.dsl.leakyRelu
import org.neuromanifold.dsl.preluSmooth
import org.neuromanifold.dsl.relu
import org.neuromanifold.dsl.sigmoid
import org.neuromanifold.dsl.softplus
import org.neuromanifold.dsl.tanh
import org.neuromanifold.symbolic.derive.DerivedResult
import java.io.PrintWriter
import java.nio.file.Path
import kotlin.system.exitProcess

/**
 * The relative Fisher information of one stochastic neuron (catalogue id `rfim-neuron`; seed 003, §3.1):
 * for a neuron with pre-activation t = wᵀx + b = ⟨w̃, x̃⟩, x̃ = (x, 1), and a response y whose law
 * depends on t through the activation,
 *
 *     g = ν_f(t) x̃x̃ᵀ,
 *
 * with a coefficient ν_f that depends only on the activation f. The program derives ν_f for every
 * activation of the core family — each step proved by Symja — and checks each closed form numerically
 * against the Fisher information computed from its definition (exact enumeration of y or Gauss–Hermite
 * quadrature, scores by autodiff). Where the seed prints a formula, the derived one is compared with it;
 * a disagreement there is reported, not hidden.
 *
 *     ./neuromanifold example neuron-fisher [--out DIR]
 */
object NeuronFisher {
    const val NAME = "neuron-fisher"

    @JvmStatic
    fun main(args: Array<String>) {
        exitProcess(if (run(ExampleOutput.directory(args, NAME))) 0 else 1)
    }

    /** Runs the example, writing into [dir]; true when every derivation is sound. */
    fun run(dir: Path, seed: Long = 1, out: PrintWriter = ExampleOutput.console()): Boolean {
        // 1. The family: every activation of the core, with its hyperparameters. The deriver builds the
        //    stochastic neuron of each (Bernoulli response for tanh and sigmoid, Gaussian N(f(t), s²) otherwise).
        val activations: List<Activation> = listOf(identity, relu, leakyRelu(iota = 0.1),
            preluSmooth(iota = 0.1, omega = 0.5), tanh, sigmoid, elu(alpha = 1.0), softplus)

        // 2. Derive g = ν_f(t) x̃x̃ᵀ for each; the numeric cross-checks are part of the result.
        val results = activations.map { a -> derive("rfim-neuron", a, seed = seed) }
        for ((a, derived) in activations.zip(results)) {
            out.println()
            describe(a, derived, out)
        }

        // 3. LaTeX: one section per activation.
        val source = latexDocument("The relative Fisher information of a neuron, for every activation") {
            text("For each activation \$f\$ the coefficient \$\\nu_f(t)\$ of \$g = \\nu_f(t)\\, \\tilde{x} \\tilde{x}^{\\top}\$, " +
                "derived step by step; each closed form is checked against the Fisher information computed from " +
                "its definition by the numeric engine.")
            results.forEach { derivation(it) }
        }
        out.println()
        ExampleOutput.writeDocument(dir, NAME, source, out)

        val sound = results.count { it.sound() }
        out.println("$sound of ${results.size} derivations sound")
        return sound == results.size
    }

    /** The closed form ν_f(t), the derivation's status, its numeric cross-checks and the seed's formula. */
    private fun describe(a: Activation, derived: DerivedResult, out: PrintWriter) {
        val d = derived.derivation()
        out.println("${a.label()}: ν(t) = ${derived.symjaResult().orElse("(not derived)")}")
        out.println("  ${d.steps().size} steps, ${d.provedSteps()} proved symbolically; " +
            if (derived.sound()) "sound" else "NOT sound")
        for (c in derived.crossChecks()) {
            out.println("  cross-check ${if (c.certificate().agrees()) "agrees" else "DISAGREES"}: ${c.description()}")
        }
        derived.seedFormula().ifPresent { out.println("  seed's formula ${if (it.agrees()) "agrees" else "disagrees"}: ${it.detail()}") }
    }
}
