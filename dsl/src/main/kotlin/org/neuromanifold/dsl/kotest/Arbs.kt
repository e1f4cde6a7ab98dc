package org.neuromanifold.dsl.kotest

import io.kotest.property.Arb
import io.kotest.property.RandomSource
import io.kotest.property.Sample
import io.kotest.property.Shrinker
import io.kotest.property.rtree
import org.neuromanifold.core.activation.Activation
import org.neuromanifold.core.error.Checks
import org.neuromanifold.core.model.Initialization
import org.neuromanifold.core.model.Network
import org.neuromanifold.core.model.ParameterBlock
import org.neuromanifold.dsl.identity
import org.neuromanifold.dsl.relu
import kotlin.math.sqrt
import kotlin.random.Random

// Generators for property tests. All randomness comes from kotest's RandomSource, so a property run
// with PropTestConfig(seed = …) draws the same networks and numbers bit for bit on the same JDK.

/** An [Arb] whose samples carry the shrink tree of [shrinker]. */
private class ShrinkingArb<A>(private val shrinker: Shrinker<A>, private val draw: (Random) -> A) : Arb<A>() {
    override fun edgecase(rs: RandomSource): Sample<A>? = null

    override fun sample(rs: RandomSource): Sample<A> {
        val value = draw(rs.random)
        return Sample(value, shrinker.rtree(value))
    }
}

/**
 * Networks from [space], shrinking by fewest layers, then narrowest widths, then the simplest
 * activation and bias choice (see [InstanceShrinker] for the order).
 */
fun Arb.Companion.network(space: NetworkSpace): Arb<Network> {
    val instances = InstanceShrinker(space, TargetKind.NONE)
    val shrinker = Shrinker<Network> { n ->
        instances.shrink(zeroInstance(n)).map { it.network }.distinct()
    }
    return ShrinkingArb(shrinker) { space.draw(it) }
}

/** Networks with the given ranges and choices; see [NetworkSpace] for the meaning of each. */
fun Arb.Companion.network(
    depth: IntRange = 0..3,
    width: IntRange = 1..4,
    inputWidth: IntRange = 1..3,
    outputWidth: IntRange = 1..1,
    activations: List<Activation> = listOf(relu),
    outputActivations: List<Activation> = listOf(identity),
    bias: List<Boolean> = listOf(false, true),
): Arb<Network> = network(NetworkSpace(depth, width, inputWidth, outputWidth, activations, outputActivations, bias))

/**
 * Whole instances (network, θ, x, y) from [space]: the generator to use when a property depends on
 * values, because it shrinks the network and the values together, in the order of [InstanceShrinker].
 *
 * @param thetaScale standard deviation of every θ entry, used when [init] is null
 * @param init       draws weights N(0, σ_w²/fan-in) and biases N(0, σ_b²) instead
 * @param inputScale standard deviation of every x entry
 * @param targets    the kind of y
 */
fun Arb.Companion.networkInstance(
    space: NetworkSpace = NetworkSpace(),
    thetaScale: Double = 1.0,
    init: Initialization? = null,
    inputScale: Double = 1.0,
    targets: TargetKind = TargetKind.NONE,
): Arb<NetworkInstance> {
    Checks.positive("thetaScale", thetaScale)
    Checks.positive("inputScale", inputScale)
    return ShrinkingArb(InstanceShrinker(space, targets)) { random ->
        val net = space.draw(random)
        val theta = drawTheta(net, random, thetaScale, init)
        val x = DoubleArray(net.inputDim()) { random.nextGaussian(inputScale) }
        NetworkInstance(net, theta, x, targets.draw(net.outputDim(), random))
    }
}

/** θ for a fixed network, every entry N(0, scale²); shrinks towards 0, ±1, small integers. */
fun Arb.Companion.theta(network: Network, scale: Double = 1.0): Arb<DoubleArray> {
    Checks.positive("scale", scale)
    return ShrinkingArb(Shrinker { SimpleValues.shrink(it) }) { drawTheta(network, it, scale, null) }
}

/** θ for a fixed network drawn by an initialisation scheme (`he`, `xavier`, `scaled(sw2, sb2)`). */
fun Arb.Companion.theta(network: Network, init: Initialization): Arb<DoubleArray> =
    ShrinkingArb(Shrinker { SimpleValues.shrink(it) }) { drawTheta(network, it, 1.0, init) }

/** Inputs x of width `dim`, every entry N(0, scale²); shrinks towards 0, ±1, small integers. */
fun Arb.Companion.input(dim: Int, scale: Double = 1.0): Arb<DoubleArray> {
    Checks.positive("dim", dim)
    Checks.positive("scale", scale)
    return ShrinkingArb(Shrinker { SimpleValues.shrink(it) }) { r -> DoubleArray(dim) { r.nextGaussian(scale) } }
}

/**
 * θ in the network's layout: with [init], weights of layer t are N(0, σ_w²/inᵗ) and biases N(0, σ_b²);
 * without, every entry is N(0, scale²).
 */
internal fun drawTheta(network: Network, random: Random, scale: Double, init: Initialization?): DoubleArray {
    val layout = network.layout()
    val theta = DoubleArray(layout.size())
    for (block in layout.blocks()) {
        val sd = when {
            init == null -> scale
            block.kind() == ParameterBlock.Kind.WEIGHT -> sqrt(init.weightVarianceScale() / block.cols())
            else -> sqrt(init.biasVariance())
        }
        for (k in 0 until block.size()) theta[block.offset() + k] = random.nextGaussian(sd)
    }
    return theta
}

private fun zeroInstance(n: Network) = NetworkInstance(n, DoubleArray(n.parameterCount()), DoubleArray(n.inputDim()))

