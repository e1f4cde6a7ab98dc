package org.neuromanifold.examples.programs

import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import java.io.PrintWriter
import java.nio.file.Path

/**
 * An example program: a short `main` a newcomer can read, also runnable as
 * `./neuromanifold example <name> [--out DIR]`.
 *
 * @property name    the name on the command line
 * @property summary what it shows, in one line
 * @property source  the file that holds it, relative to the repository root
 */
class ExampleProgram(
    val name: String,
    val summary: String,
    val source: String,
    private val body: (Path, Long, PrintWriter) -> Boolean,
) {
    /**
     * Runs the program with output directory [dir] and [seed], printing to [out]; true when every outcome is
     * the one the theory predicts (identities hold where promised, negative controls fail, derivations sound).
     */
    fun run(dir: Path, seed: Long, out: PrintWriter): Boolean = body(dir, seed, out)
}

/** The example programs, in the order `example --list` shows them. */
object ExamplePrograms {
    private const val SOURCES = "examples/src/main"
    private const val PACKAGE = "org/neuromanifold/examples/programs"

    @JvmStatic
    val all: List<ExampleProgram> = listOf(
        ExampleProgram(EulerIdentity.NAME, "Euler identity ⟨∇θ f, θ⟩ = (L+1) f for bias-free ReLU nets; tanh fails",
            "$SOURCES/kotlin/$PACKAGE/EulerIdentity.kt", EulerIdentity::run),
        ExampleProgram(MseHessian.NAME, "∇²J = σ²I + μμᵀ for a linear model under Gaussian inputs; spectrum and κ",
            "$SOURCES/kotlin/$PACKAGE/MseHessian.kt", MseHessian::run),
        ExampleProgram(NeuronFisher.NAME, "relative Fisher information ν_f(t) x̃x̃ᵀ of a neuron, every activation",
            "$SOURCES/kotlin/$PACKAGE/NeuronFisher.kt", NeuronFisher::run),
        ExampleProgram(EulerIdentityJava.NAME, "the Euler identity example through the Java API",
            "$SOURCES/java/$PACKAGE/EulerIdentityJava.java", EulerIdentityJava::run),
    )

    /**
     * The program called [name].
     *
     * @throws SpecificationException `UNSUPPORTED`, naming the unknown name and listing the known ones
     */
    @JvmStatic
    fun require(name: String): ExampleProgram = all.firstOrNull { it.name == name }
        ?: throw SpecificationException(ErrorCode.UNSUPPORTED, "example",
            "example: no example program named '$name'; known examples: ${all.joinToString(", ") { it.name }}")
}
