@file:JvmMultifileClass
@file:JvmName("Neuromanifold")

package org.neuromanifold.dsl

import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.model.Network
import org.neuromanifold.core.result.Counterexample
import org.neuromanifold.numeric.verify.VerificationReport
import org.neuromanifold.numeric.verify.Verifier

// One-line numeric verification. From Java: Neuromanifold.verify(identity, network, options).

/**
 * Checks [identity] numerically on random instances of [model]: every trial keeps the model's network
 * (widths, per-layer activations and biases, head), draws θ by the model's initialisation, x and the
 * data rows from its input distribution, uses its data set when it has one, and evaluates both sides with
 * the autodiff engine; a failure is shrunk to a small counterexample (fewest layers, narrowest widths,
 * simplest values — the order of [org.neuromanifold.dsl.kotest.InstanceShrinker]).
 *
 * Works for any identity, the catalogue's and those stated with [identity]:
 * ```
 * val report = verify(Catalogue.euler, model { network(inputs = 3) { dense(8, relu, bias = false); dense(1, identity, bias = false) } })
 * report.holds()                 // observed
 * report.expected()              // what the preconditions predict
 * println(report.describe())     // verdict, errors, counterexample
 * ```
 * @return the numeric verifier's report (its `result()` is core's [org.neuromanifold.core.result.VerificationResult])
 * @throws org.neuromanifold.core.error.SpecificationException for bad options, parts of the model that do
 *   not fit each other, or an identity that cannot be evaluated on this network (e.g. a component index
 *   beyond the output width)
 */
fun verify(identity: Identity, model: Model, options: VerifyOptions): VerificationReport =
    Verifier.verify(options.toConfig(identity, model.network, model), options.progress)

/** [verify] with the default options. */
fun verify(identity: Identity, model: Model): VerificationReport = verify(identity, model, VerifyOptions())

/** [verify] with options set in a block: `verify(Catalogue.euler, model) { trials = 200; seed = 3 }`. */
fun verify(identity: Identity, model: Model, options: VerifyOptions.() -> Unit): VerificationReport =
    verify(identity, model, VerifyOptions().apply(options))

/** [verify] on a network alone (a loss, initialisation or input distribution can be set in [options]). */
fun verify(identity: Identity, network: Network, options: VerifyOptions): VerificationReport =
    verify(identity, Model(network), options)

/** [verify] on a network with the default options. */
fun verify(identity: Identity, network: Network): VerificationReport = verify(identity, Model(network))

/** [verify] on a network with options set in a block. */
fun verify(identity: Identity, network: Network, options: VerifyOptions.() -> Unit): VerificationReport =
    verify(identity, Model(network), options)

/**
 * The shrunk counterexample of [identity] on [model] (widths, activation, named θ, x, y, both sides), or
 * `null` when the identity held on every trial.
 */
fun counterexample(identity: Identity, model: Model, options: VerifyOptions = VerifyOptions()): Counterexample? =
    verify(identity, model, options).counterexample()

/** The shrunk counterexample on a network, or `null`. */
fun counterexample(identity: Identity, network: Network, options: VerifyOptions = VerifyOptions()): Counterexample? =
    counterexample(identity, Model(network), options)

/** The report in words, as the command line prints it: verdict, errors, failing preconditions, counterexample. */
fun VerificationReport.describe(): String = VerificationText.describe(this)
