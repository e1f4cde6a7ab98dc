package org.neuromanifold.dsl.junit

import org.junit.jupiter.api.Assertions
import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.model.Network
import org.neuromanifold.dsl.Model
import org.neuromanifold.dsl.VerificationText
import org.neuromanifold.dsl.VerifyOptions
import org.neuromanifold.dsl.verify
import org.neuromanifold.numeric.verify.VerificationReport

/**
 * JUnit 5 assertions over the numeric verifier, for Java (and Kotlin) test suites:
 * ```
 * import static org.neuromanifold.dsl.junit.NeuromanifoldAssertions.*;
 *
 * Network relu = Network.mlp(new int[] {3, 8, 1}, new Relu(), new IdentityActivation(), false);
 * assertHolds(CatalogueIdentities.EULER, relu);
 * VerificationReport r = assertFails(CatalogueIdentities.EULER, relu.withActivation(new Tanh(), new IdentityActivation()),
 *         new VerifyOptions().trials(200).seed(1));
 * r.counterexample();   // the shrunk instance
 * ```
 * A failed assertion throws JUnit's `AssertionFailedError` with the same text as the Kotest matchers and
 * the command line ([VerificationText]): the statement, the verdict and errors, the failing preconditions
 * and the shrunk counterexample (widths, activation, named θ, x, y, both sides).
 */
object NeuromanifoldAssertions {
    /** Asserts [identity] holds on every random instance of [model]; returns the report. */
    @JvmStatic
    @JvmOverloads
    fun assertHolds(identity: Identity, model: Model, options: VerifyOptions = VerifyOptions()): VerificationReport =
        check(identity, verify(identity, model, options), expectHolds = true)

    /** Asserts [identity] holds on every random instance of [network]; returns the report. */
    @JvmStatic
    @JvmOverloads
    fun assertHolds(identity: Identity, network: Network, options: VerifyOptions = VerifyOptions()): VerificationReport =
        assertHolds(identity, Model(network), options)

    /** Asserts [identity] fails on [model] (a negative control); returns the report with its counterexample. */
    @JvmStatic
    @JvmOverloads
    fun assertFails(identity: Identity, model: Model, options: VerifyOptions = VerifyOptions()): VerificationReport =
        check(identity, verify(identity, model, options), expectHolds = false)

    /** Asserts [identity] fails on [network]; returns the report with its counterexample. */
    @JvmStatic
    @JvmOverloads
    fun assertFails(identity: Identity, network: Network, options: VerifyOptions = VerifyOptions()): VerificationReport =
        assertFails(identity, Model(network), options)

    private fun check(identity: Identity, report: VerificationReport, expectHolds: Boolean): VerificationReport {
        if (report.holds() != expectHolds) {
            val what = if (expectHolds) "to hold, but it failed" else "to fail (a counterexample), but it held"
            Assertions.fail<Unit>("expected ${identity.id()} $what\n" + VerificationText.describe(identity, report))
        }
        return report
    }
}
