package org.neuromanifold.dsl

import org.neuromanifold.core.expr.Expr
import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.expr.Precondition
import org.neuromanifold.core.expr.Relation

/**
 * `lhs R rhs` under preconditions, before it has a name: what `eq` and `le` return. [identity] turns it
 * into a core [Identity].
 *
 * @property lhs           the left side
 * @property relation      = or ≤
 * @property rhs           the right side
 * @property preconditions the hypotheses under which it is expected to hold
 */
data class Statement(
    val lhs: Expr,
    val relation: Relation,
    val rhs: Expr,
    val preconditions: List<Precondition> = emptyList(),
) {
    /**
     * The same statement with more hypotheses:
     * `dot(grad(f, theta), theta) eq (depth + 1) * f requires { biasFree(); positivelyHomogeneous() }`.
     */
    infix fun requires(block: PreconditionScope.() -> Unit): Statement =
        copy(preconditions = preconditions + PreconditionScope().apply(block).declared)

    /** The core identity with this statement. */
    fun toIdentity(id: String, title: String = id, source: String = USER_DEFINED): Identity =
        Identity(id, title, lhs, relation, rhs, preconditions, source)

    /** E.g. `(J_θ f)·θ = (L + 1)·f  [bias-free; positively homogeneous]`. */
    override fun toString(): String = ExprNotation.render(lhs, relation, rhs, preconditions)

    companion object {
        /** The source recorded for identities stated by users. */
        const val USER_DEFINED: String = "user-defined"
    }
}

/**
 * States an identity in [Notation]; the block's value is the statement, so an identity without one
 * does not compile:
 * ```
 * val myEuler = identity("my-euler", title = "Euler identity") {
 *     dot(grad(f, theta), theta) eq (depth + 1) * f requires { biasFree(); positivelyHomogeneous() }
 * }
 * ```
 * @param id     the identity's id (used in reports and by the command line)
 * @param title  a short human title
 * @param source where it comes from (a paper and equation, or [Statement.USER_DEFINED])
 * @return the core [Identity]
 */
fun identity(
    id: String,
    title: String = id,
    source: String = Statement.USER_DEFINED,
    block: Notation.() -> Statement,
): Identity = Notation.block().toIdentity(id, title, source)
