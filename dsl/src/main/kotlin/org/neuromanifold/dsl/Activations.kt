package org.neuromanifold.dsl

import org.neuromanifold.core.activation.Activations
import org.neuromanifold.core.activation.CustomActivation
import org.neuromanifold.core.activation.Elu
import org.neuromanifold.core.activation.IdentityActivation
import org.neuromanifold.core.activation.LeakyRelu
import org.neuromanifold.core.activation.Relu
import org.neuromanifold.core.activation.Sigmoid
import org.neuromanifold.core.activation.SmoothPrelu
import org.neuromanifold.core.activation.Softplus
import org.neuromanifold.core.activation.Tanh

// The activation family of core, as values and functions. Each is the core record itself, so a network
// built here is equal to one built through the Java API.

/** σ(z) = z (positively homogeneous). */
val identity: IdentityActivation = IdentityActivation()

/** σ(z) = max(0, z) (positively homogeneous; σ'(0) = 0). */
val relu: Relu = Relu()

/** σ(z) = tanh z. */
val tanh: Tanh = Tanh()

/** σ(z) = 1/(1 + e^(−z)). */
val sigmoid: Sigmoid = Sigmoid()

/** σ(z) = ln(1 + e^z). */
val softplus: Softplus = Softplus()

/** Leaky ReLU / PReLU with negative-side slope 0 ≤ ι < 1 (positively homogeneous). */
fun leakyRelu(iota: Double = Activations.DEFAULT_IOTA): LeakyRelu = LeakyRelu(iota)

/** Smoothed PReLU ω·ln(exp(ιz/ω) + exp(z/ω)) with 0 ≤ ι < 1, ω > 0 (seed 003, eq. 17 corrected). */
fun preluSmooth(iota: Double = Activations.DEFAULT_IOTA, omega: Double = Activations.DEFAULT_OMEGA): SmoothPrelu =
    SmoothPrelu(iota, omega)

/** ELU: z for z ≥ 0, α(e^z − 1) for z < 0, α > 0. */
fun elu(alpha: Double = Activations.DEFAULT_ALPHA): Elu = Elu(alpha)

/**
 * A custom activation from its formula in `z`, e.g. `activation("swish", "z*sigmoid(z)")` or
 * `activation("swish-beta", "z*sigmoid(beta*z)", "beta" to 1.5)`. Derivatives come from symbolic
 * differentiation of the parsed formula, so value, derivative and symbolic form agree.
 *
 * @param name                  a name for tables and error messages
 * @param formula               the formula (syntax of core's `TermParser`)
 * @param hyperparameters       values of the formula's other symbols
 * @param positivelyHomogeneous declares σ(z) = σ'(z)·z; a declaration, checked by the verifier, not trusted
 * @throws org.neuromanifold.core.error.SpecificationException `FORMULA_SYNTAX` or `UNKNOWN_SYMBOL` for a
 *   bad formula, `NOT_FINITE` for a bad hyperparameter
 */
fun activation(
    name: String,
    formula: String,
    vararg hyperparameters: Pair<String, Double>,
    positivelyHomogeneous: Boolean = false,
): CustomActivation = CustomActivation.of(name, formula, mapOf(*hyperparameters), positivelyHomogeneous)
