package org.neuromanifold.dsl.kotest

import io.kotest.matchers.Matcher
import io.kotest.matchers.MatcherResult
import io.kotest.matchers.should
import org.neuromanifold.core.data.Dataset
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.expr.Relation
import org.neuromanifold.core.loss.Loss
import org.neuromanifold.dsl.ExprNotation
import org.neuromanifold.dsl.VerificationText
import org.neuromanifold.numeric.expr.EvalContext
import org.neuromanifold.numeric.expr.ExprEvaluator
import kotlin.math.abs

// An identity at one generated instance, for property tests with Arb.networkInstance:
//
//   checkAll(Arb.networkInstance(space)) { instance -> Catalogue.euler shouldHoldAt instance }
//
// On failure kotest shrinks the instance with InstanceShrinker (fewest layers, narrowest widths, simplest
// family and values) and the message shows the smallest one as a counterexample, like the verifier's.

/**
 * Both sides of an identity at one instance (entries row-major), evaluated by the numeric engine.
 *
 * @property lhs       the left side
 * @property rhs       the right side
 * @property allowance the Monte Carlo part of the allowed difference per entry (5 standard errors of each
 *                     side; 0 when both sides are exact)
 */
class InstanceSides(val lhs: DoubleArray, val rhs: DoubleArray, val allowance: DoubleArray)

/** A tolerance for exact sides: rounding on values of order 1 leaves ~1e-15; allow a thousandfold more. */
val DEFAULT_INSTANCE_TOLERANCE: Tolerance = Tolerance(absolute = 1e-12, relative = 1e-9)

/** Standard errors of each side allowed when a side is a Monte Carlo estimate. */
private const val MONTE_CARLO_Z = 5.0

/**
 * Evaluates both sides of this identity at [instance] (its network, θ, x and y) with the autodiff engine.
 *
 * @param loss the loss, for identities that use one
 * @param data the data set, for identities that average over data
 * @throws org.neuromanifold.core.error.SpecificationException when the identity cannot be evaluated here
 *   (a missing loss or data set, a component beyond the output width, sides of different shapes)
 */
fun Identity.sidesAt(instance: NetworkInstance, loss: Loss? = null, data: Dataset? = null): InstanceSides {
    val b = EvalContext.builder(instance.network, instance.theta).input(instance.x)
    if (instance.y.isNotEmpty()) b.target(instance.y)
    loss?.let { b.loss(it) }
    data?.let { b.data(it) }
    val (l, r) = ExprEvaluator().evaluate(listOf(lhs(), rhs()), b.build())
    val lv = l.value().toArray()
    val rv = r.value().toArray()
    if (lv.size != rv.size) {
        throw SpecificationException(ErrorCode.SHAPE_MISMATCH, id(),
            "${id()}: the left side has ${lv.size} entries and the right side ${rv.size} at $instance")
    }
    val ls = l.standardError().toArray()
    val rs = r.standardError().toArray()
    return InstanceSides(lv, rv, DoubleArray(lv.size) { MONTE_CARLO_Z * (ls[it] + rs[it]) })
}

/**
 * Passes when the identity's relation holds entrywise at the instance within [tolerance] (plus the
 * Monte Carlo allowance); the message names the statement and shows the instance as a counterexample.
 */
fun holdAt(
    identity: Identity,
    tolerance: Tolerance = DEFAULT_INSTANCE_TOLERANCE,
    loss: Loss? = null,
    data: Dataset? = null,
): Matcher<NetworkInstance> = Matcher { instance ->
    val s = identity.sidesAt(instance, loss, data)
    val bad = s.lhs.indices.firstOrNull { i ->
        val l = s.lhs[i]
        val r = s.rhs[i]
        val ok = if (identity.relation() == Relation.LE) l <= r + tolerance.allowed(l, r) + s.allowance[i]
        else l == r || abs(l - r) <= tolerance.allowed(l, r) + s.allowance[i]
        !ok
    }
    val statement = ExprNotation.render(identity.lhs(), identity.relation(), identity.rhs(), identity.preconditions())
    val shown = VerificationText.counterexample(instance.counterexample(s.lhs, s.rhs))
    MatcherResult(
        bad == null,
        {
            val i = bad ?: 0
            "expected ${identity.id()} to hold at this instance (tolerance $tolerance), but entry $i differs: " +
                "lhs ${s.lhs[i]}, rhs ${s.rhs[i]}, |difference| ${abs(s.lhs[i] - s.rhs[i])} > allowed " +
                "${tolerance.allowed(s.lhs[i], s.rhs[i]) + s.allowance[i]}\n  $statement\n$shown"
        },
        { "expected ${identity.id()} to fail at this instance, but it held (max |difference| " +
            "${s.lhs.indices.maxOfOrNull { abs(s.lhs[it] - s.rhs[it]) } ?: 0.0})\n  $statement\n$shown" },
    )
}

/** Asserts this identity holds at [instance] within [DEFAULT_INSTANCE_TOLERANCE]. */
infix fun Identity.shouldHoldAt(instance: NetworkInstance): NetworkInstance =
    instance.also { it should holdAt(this) }

/** Asserts this identity holds at [instance] within [tolerance], with a loss or a data set if it needs one. */
fun Identity.shouldHoldAt(
    instance: NetworkInstance,
    tolerance: Tolerance,
    loss: Loss? = null,
    data: Dataset? = null,
): NetworkInstance = instance.also { it should holdAt(this, tolerance, loss, data) }
