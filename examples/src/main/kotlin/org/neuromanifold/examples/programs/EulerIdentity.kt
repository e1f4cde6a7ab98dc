package org.neuromanifold.examples.programs

import org.neuromanifold.dsl.Catalogue
import org.neuromanifold.dsl.derive
import org.neuromanifold.dsl.describe
import org.neuromanifold.dsl.gaussian
import org.neuromanifold.dsl.he
import org.neuromanifold.dsl.identity
import org.neuromanifold.dsl.latexDocument
import org.neuromanifold.dsl.model
import org.neuromanifold.dsl.notation
import org.neuromanifold.dsl.relu
import org.neuromanifold.dsl.tanh
import org.neuromanifold.dsl.verify
import java.io.PrintWriter
import java.nio.file.Path
import kotlin.system.exitProcess

/**
 * Euler's identity for positively homogeneous networks (catalogue id `euler`; seed 000, Liang et al.,
 * Lemma 2.1): for a bias-free network with L hidden layers whose activations satisfy σ(z) = σ'(z)·z,
 *
 *     ⟨∇_θ f_θ(x), θ⟩ = (L + 1) f_θ(x).
 *
 * The program declares a ReLU model, checks the identity on random instances, shows that it fails for
 * tanh (which is not positively homogeneous) with the smallest counterexample the verifier finds,
 * derives it step by step, and writes everything as LaTeX.
 *
 *     ./neuromanifold example euler-identity [--out DIR]
 */
object EulerIdentity {
    const val NAME = "euler-identity"

    @JvmStatic
    fun main(args: Array<String>) {
        exitProcess(if (run(ExampleOutput.directory(args, NAME))) 0 else 1)
    }

    /** Runs the example, writing into [dir]; true when every outcome is the one the theory predicts. */
    fun run(dir: Path, seed: Long = 1, out: PrintWriter = ExampleOutput.console()): Boolean {
        // 1. The model: two hidden ReLU layers, no biases, Gaussian inputs, He initialisation.
        val reluModel = model {
            network(inputs = 3) {
                dense(8, relu, bias = false)
                dense(8, relu, bias = false)
                dense(1, identity, bias = false)
            }
            inputs = gaussian(dim = 3)
            init = he
        }
        // The same widths with tanh: the identity's precondition σ(z) = σ'(z)·z no longer holds.
        val tanhNet = reluModel.network.withActivation(tanh, identity)

        // 2. The identity is the catalogue's; printed in the DSL's notation.
        val euler = Catalogue.euler
        out.println(euler.notation())

        // 3. Numerically, on random networks, inputs and parameters (both sides by autodiff).
        val reluReport = verify(euler, reluModel) { trials = 500; this.seed = seed }
        out.println()
        out.println("ReLU network:")
        out.println(reluReport.describe())

        // The negative control: tanh fails, and the verifier shrinks the failure to a small counterexample.
        val tanhReport = verify(euler, tanhNet) { trials = 500; this.seed = seed }
        out.println()
        out.println("tanh network (negative control):")
        out.println(tanhReport.describe())

        // 4. Symbolically: every step proved by Symja and checked at random points.
        val derived = derive(euler, seed = seed)
        val d = derived.derivation()
        out.println()
        out.println("Derivation: ${d.steps().size} steps, ${d.provedSteps()} proved symbolically; " +
            if (derived.sound()) "sound" else "NOT sound")

        // 5. LaTeX: the statement, both numerical verdicts and the derivation.
        val source = latexDocument("Euler's identity for positively homogeneous networks") {
            text("Declared in the Neuromanifold DSL, checked numerically on random networks, derived step by step.")
            statement(euler)
            verification(euler, reluReport)
            verification(euler, tanhReport)
            derivation(derived)
        }
        out.println()
        ExampleOutput.writeDocument(dir, NAME, source, out)

        return reluReport.holds() && !tanhReport.holds() && tanhReport.counterexample() != null && derived.sound()
    }
}
