package org.neuromanifold.dsl

import org.neuromanifold.core.data.InputDistribution
import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.loss.Loss
import org.neuromanifold.core.model.Initialization
import org.neuromanifold.core.model.Network
import org.neuromanifold.numeric.verify.ProgressListener
import org.neuromanifold.numeric.verify.VerificationConfig

/**
 * How a verification runs: the receiver of `verify(identity, model) { trials = 500; seed = 7 }`, also
 * usable from Java (`new VerifyOptions().trials(500).seed(7)`). Every value is checked when the run
 * starts (by the numeric verifier's [VerificationConfig]), and a bad one is a
 * [org.neuromanifold.core.error.SpecificationException] naming it.
 *
 * The parts of a [Model] (loss, initialisation, input distribution) are used unless set here.
 */
@NeuromanifoldDsl
class VerifyOptions {
    /** Random instances (θ, x, y, data rows drawn per trial). */
    var trials: Int = DEFAULT_TRIALS

    /** The seed: trial i draws from the stream (seed, i) only, so a run is reproducible bit for bit. */
    var seed: Long = 0

    /** The relative tolerance of the agreement rule (see the numeric `Verifier`). */
    var tolerance: Double = VerificationConfig.DEFAULT_TOLERANCE

    /** The z of the Monte Carlo allowance z·SE, or `null` for the verifier's Bonferroni choice. */
    var zScore: Double? = null

    /** Worker threads; the results do not depend on it. */
    var threads: Int = Runtime.getRuntime().availableProcessors()

    /** Rows drawn per trial for identities that average over data, when the model has no data set (default 4). */
    var dataSize: Int? = null

    /** The loss, instead of the model's (and instead of the identity's default when the model has none). */
    var loss: Loss? = null

    /** How θ is drawn, instead of the model's (default: He, σ_w² = 2, and σ_b² = ½ with biases). */
    var init: Initialization? = null

    /** Where x and the data rows are drawn from, instead of the model's (default: N(0, I)). */
    var inputs: InputDistribution? = null

    /** Progress reports while the trials run and the counterexample is shrunk. */
    var progress: ProgressListener = ProgressListener.NONE

    /** Sets [trials] (for chained calls from Java). */
    fun trials(n: Int): VerifyOptions = apply { trials = n }

    /** Sets [seed]. */
    fun seed(s: Long): VerifyOptions = apply { seed = s }

    /** Sets [tolerance]. */
    fun tolerance(t: Double): VerifyOptions = apply { tolerance = t }

    /** Sets [threads]. */
    fun threads(n: Int): VerifyOptions = apply { threads = n }

    /** Sets [dataSize]. */
    fun dataSize(n: Int): VerifyOptions = apply { dataSize = n }

    /** Sets [loss]. */
    fun loss(l: Loss): VerifyOptions = apply { loss = l }

    /** Sets [init]. */
    fun init(i: Initialization): VerifyOptions = apply { init = i }

    /** Sets [inputs]. */
    fun inputs(d: InputDistribution): VerifyOptions = apply { inputs = d }

    /**
     * The numeric verifier's configuration for [identity] on [network], with the parts of [model] (if any)
     * that these options do not override.
     */
    fun toConfig(identity: Identity, network: Network, model: Model? = null): VerificationConfig {
        val b = VerificationConfig.builder(identity).network(network).trials(trials).seed(seed)
            .tolerance(tolerance).zScore(zScore).threads(threads)
        (loss ?: model?.loss)?.let { b.loss(it) }
        (init ?: model?.init)?.let { b.initialization(it) }
        (inputs ?: model?.inputs)?.let { b.inputs(it) }
        model?.data?.let { b.data(it) }
        dataSize?.let { b.dataSize(it) }
        return b.build()
    }

    companion object {
        /** Trials of a run unless set: enough to meet a failure that occurs on a few percent of instances. */
        const val DEFAULT_TRIALS: Int = 1000
    }
}
