package org.neuromanifold.dsl.kotest

import io.kotest.matchers.Matcher
import io.kotest.matchers.MatcherResult
import io.kotest.matchers.should
import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.model.Network
import org.neuromanifold.dsl.Model
import org.neuromanifold.dsl.VerificationText
import org.neuromanifold.dsl.VerifyOptions
import org.neuromanifold.dsl.verify
import org.neuromanifold.numeric.verify.VerificationReport

// Theorem testing in Kotest: `Catalogue.euler shouldHold reluModel`, `Catalogue.euler shouldFail tanhModel`.
// Each runs the numeric verifier (random instances, shrinking) and fails with the report in words: the
// statement, the verdict and errors, the failing preconditions, and the shrunk counterexample.

/**
 * Passes when the report says the identity held on every trial; the failure message is the report with
 * the statement, the errors and the counterexample ([VerificationText]).
 */
fun holdFor(identity: Identity): Matcher<VerificationReport> = Matcher { report ->
    MatcherResult(
        report.holds(),
        { "expected ${identity.id()} to hold, but it failed\n" + VerificationText.describe(identity, report) },
        { "expected ${identity.id()} to fail, but it held\n" + VerificationText.describe(identity, report) },
    )
}

/** Passes when the report found a counterexample (the negation of [holdFor]). */
fun failFor(identity: Identity): Matcher<VerificationReport> = Matcher { report ->
    MatcherResult(
        !report.holds(),
        { "expected ${identity.id()} to fail (a counterexample), but it held\n" + VerificationText.describe(identity, report) },
        { "expected ${identity.id()} to hold, but it failed\n" + VerificationText.describe(identity, report) },
    )
}

/** A matcher on identities that verifies each on [model]: `Catalogue.euler should holdOn(reluModel)`. */
fun holdOn(model: Model, options: VerifyOptions = VerifyOptions()): Matcher<Identity> = Matcher { identity ->
    holdFor(identity).test(verify(identity, model, options))
}

/** A matcher on identities that expects a counterexample on [model]. */
fun failOn(model: Model, options: VerifyOptions = VerifyOptions()): Matcher<Identity> = Matcher { identity ->
    failFor(identity).test(verify(identity, model, options))
}

/** Verifies this identity on [model] and asserts it holds on every trial; returns the report. */
infix fun Identity.shouldHold(model: Model): VerificationReport = shouldHold(model) {}

/**
 * Verifies with options and asserts it holds:
 * `Catalogue.euler.shouldHold(reluModel) { trials = 500; seed = 1 }`.
 */
fun Identity.shouldHold(model: Model, options: VerifyOptions.() -> Unit): VerificationReport =
    verify(this, model, options).also { it should holdFor(this) }

/** Verifies on a network alone and asserts it holds. */
infix fun Identity.shouldHold(network: Network): VerificationReport = shouldHold(Model(network)) {}

/** Verifies on a network alone, with options, and asserts it holds. */
fun Identity.shouldHold(network: Network, options: VerifyOptions.() -> Unit): VerificationReport =
    shouldHold(Model(network), options)

/**
 * Verifies this identity on [model] and asserts it fails — a negative control; returns the report, whose
 * `counterexample()` is the shrunk instance.
 */
infix fun Identity.shouldFail(model: Model): VerificationReport = shouldFail(model) {}

/** Verifies with options and asserts it fails. */
fun Identity.shouldFail(model: Model, options: VerifyOptions.() -> Unit): VerificationReport =
    verify(this, model, options).also { it should failFor(this) }

/** Verifies on a network alone and asserts it fails. */
infix fun Identity.shouldFail(network: Network): VerificationReport = shouldFail(Model(network)) {}

/** Verifies on a network alone, with options, and asserts it fails. */
fun Identity.shouldFail(network: Network, options: VerifyOptions.() -> Unit): VerificationReport =
    shouldFail(Model(network), options)
