package org.neuromanifold.dsl

import org.neuromanifold.core.error.Checks
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.expr.Expr
import org.neuromanifold.core.expr.Relation
import org.neuromanifold.core.model.ParameterGroup

/**
 * A core [Expr] together with its rank, known at compile time: [ScalarExpr], [VectorExpr] or
 * [MatrixExpr]. The rank decides what an operator means (`J * v` is a matrix–vector product,
 * `s * v` a scaling) and rules out statements of mismatched ranks before anything runs
 * (`dot(loss, theta)` does not compile).
 *
 * The type parameter is the rank's own type, so rank-preserving functions ([Notation.mean],
 * [Notation.step], [Notation.pow]) return the rank they were given.
 *
 * @property expr the core expression this stands for
 */
sealed class TensorExpr<T : TensorExpr<T>>(val expr: Expr) {
    /** 0 for a scalar, 1 for a vector, 2 for a matrix. */
    abstract val rank: Int

    /** The same rank around another expression. */
    @PublishedApi
    internal abstract fun sameRank(e: Expr): T

    override fun equals(other: Any?): Boolean = other is TensorExpr<*> && other.rank == rank && other.expr == expr

    override fun hashCode(): Int = 31 * rank + expr.hashCode()

    /** The expression in mathematical notation, e.g. `⟨∇_θ ℓ, θ⟩`. */
    override fun toString(): String = ExprNotation.render(expr)
}

/** A scalar-valued expression: the loss ℓ, the depth L, ⟨a, b⟩, tr(A), constants. */
class ScalarExpr(expr: Expr) : TensorExpr<ScalarExpr>(expr) {
    override val rank: Int get() = 0
    override fun sameRank(e: Expr) = ScalarExpr(e)

    operator fun plus(o: ScalarExpr) = ScalarExpr(Expr.Add(expr, o.expr))
    operator fun minus(o: ScalarExpr) = ScalarExpr(Expr.Sub(expr, o.expr))
    operator fun times(o: ScalarExpr) = ScalarExpr(Expr.Mul(expr, o.expr))
    operator fun div(o: ScalarExpr) = ScalarExpr(Expr.Div(expr, o.expr))
    operator fun plus(c: Number) = ScalarExpr(Expr.Add(expr, const(c)))
    operator fun minus(c: Number) = ScalarExpr(Expr.Sub(expr, const(c)))
    operator fun times(c: Number) = ScalarExpr(Expr.Mul(expr, const(c)))
    operator fun div(c: Number) = ScalarExpr(Expr.Div(expr, const(c)))

    /** s + v, broadcast over the components of v. */
    operator fun plus(v: VectorExpr) = VectorExpr(Expr.Add(expr, v.expr))
    operator fun minus(v: VectorExpr) = VectorExpr(Expr.Sub(expr, v.expr))

    /** s·v. */
    operator fun times(v: VectorExpr) = VectorExpr(Expr.Mul(expr, v.expr))

    /** s / v componentwise. */
    operator fun div(v: VectorExpr) = VectorExpr(Expr.Div(expr, v.expr))

    /** s·A. */
    operator fun times(m: MatrixExpr) = MatrixExpr(Expr.Mul(expr, m.expr))
    operator fun unaryMinus() = ScalarExpr(Expr.Neg(expr))

    /** sⁿ; write `((depth + 1) pow 2) * …`, since an infix call binds more loosely than `*`. */
    infix fun pow(n: Int) = ScalarExpr(Expr.Pow(expr, n))

    /** The statement `this = other`. */
    infix fun eq(other: ScalarExpr) = Statement(expr, Relation.EQ, other.expr)
    infix fun eq(other: Number) = Statement(expr, Relation.EQ, const(other))

    /** The statement `this ≤ other`. */
    infix fun le(other: ScalarExpr) = Statement(expr, Relation.LE, other.expr)
    infix fun le(other: Number) = Statement(expr, Relation.LE, const(other))
}

/** A vector-valued expression: f, x, y, θ, ∇_θ ℓ, J v. */
open class VectorExpr(expr: Expr) : TensorExpr<VectorExpr>(expr) {
    override val rank: Int get() = 1
    override fun sameRank(e: Expr) = VectorExpr(e)

    operator fun plus(o: VectorExpr) = VectorExpr(Expr.Add(expr, o.expr))
    operator fun minus(o: VectorExpr) = VectorExpr(Expr.Sub(expr, o.expr))

    /** Componentwise (Hadamard) product, as core's `Mul`; for ⟨a, b⟩ use [Notation.dot]. */
    operator fun times(o: VectorExpr) = VectorExpr(Expr.Mul(expr, o.expr))

    /** Componentwise quotient. */
    operator fun div(o: VectorExpr) = VectorExpr(Expr.Div(expr, o.expr))
    operator fun plus(s: ScalarExpr) = VectorExpr(Expr.Add(expr, s.expr))
    operator fun minus(s: ScalarExpr) = VectorExpr(Expr.Sub(expr, s.expr))
    operator fun times(s: ScalarExpr) = VectorExpr(Expr.Mul(expr, s.expr))
    operator fun div(s: ScalarExpr) = VectorExpr(Expr.Div(expr, s.expr))
    operator fun plus(c: Number) = VectorExpr(Expr.Add(expr, const(c)))
    operator fun minus(c: Number) = VectorExpr(Expr.Sub(expr, const(c)))
    operator fun times(c: Number) = VectorExpr(Expr.Mul(expr, const(c)))
    operator fun div(c: Number) = VectorExpr(Expr.Div(expr, const(c)))
    operator fun unaryMinus() = VectorExpr(Expr.Neg(expr))

    /** Component `i` (from 0): `f[0]` is the scalar output of a one-output network. */
    operator fun get(i: Int): ScalarExpr {
        if (i < 0) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "component index", "an index >= 0", i)
        }
        return ScalarExpr(Expr.Component(expr, i))
    }

    /** Componentwise vⁿ. */
    infix fun pow(n: Int) = VectorExpr(Expr.Pow(expr, n))

    /** The statement `this = other` (componentwise). */
    infix fun eq(other: VectorExpr) = Statement(expr, Relation.EQ, other.expr)

    /** The statement `this ≤ other` (componentwise). */
    infix fun le(other: VectorExpr) = Statement(expr, Relation.LE, other.expr)
}

/** A matrix-valued expression: a Jacobian, a Hessian, a Fisher matrix, a ⊗ b. */
class MatrixExpr(expr: Expr) : TensorExpr<MatrixExpr>(expr) {
    override val rank: Int get() = 2
    override fun sameRank(e: Expr) = MatrixExpr(e)

    operator fun plus(o: MatrixExpr) = MatrixExpr(Expr.Add(expr, o.expr))
    operator fun minus(o: MatrixExpr) = MatrixExpr(Expr.Sub(expr, o.expr))

    /** The matrix–vector product A v. */
    operator fun times(v: VectorExpr) = VectorExpr(Expr.MatMul(expr, v.expr))

    /** The matrix product A B (entrywise products are not an operator here). */
    operator fun times(o: MatrixExpr) = MatrixExpr(Expr.MatMul(expr, o.expr))
    operator fun times(s: ScalarExpr) = MatrixExpr(Expr.Mul(expr, s.expr))
    operator fun times(c: Number) = MatrixExpr(Expr.Mul(expr, const(c)))
    operator fun div(s: ScalarExpr) = MatrixExpr(Expr.Div(expr, s.expr))
    operator fun div(c: Number) = MatrixExpr(Expr.Div(expr, const(c)))
    operator fun unaryMinus() = MatrixExpr(Expr.Neg(expr))

    /** The statement `this = other` (entrywise). */
    infix fun eq(other: MatrixExpr) = Statement(expr, Relation.EQ, other.expr)
}

/** Something a derivative can be taken with respect to: θ or a part of it, the input x, the output f. */
sealed interface Variable {
    /** The core form of "with respect to this". */
    val wrt: Expr.Wrt
}

/** The parameters of a group (θ, `layer(t)`, `neuron(t, i)`), as a vector and as a variable. */
class ParamsExpr internal constructor(val group: ParameterGroup) : VectorExpr(Expr.Params(group)), Variable {
    override val wrt: Expr.Wrt get() = Expr.WrtParams(group)
}

/** The network input x, as a vector and as a variable. */
class InputExpr internal constructor() : VectorExpr(Expr.Input()), Variable {
    override val wrt: Expr.Wrt get() = Expr.WrtInput()
}

/** The network output f_θ(x), as a vector and as a variable (for ∂ℓ/∂f). */
class OutputExpr internal constructor() : VectorExpr(Expr.Output()), Variable {
    override val wrt: Expr.Wrt get() = Expr.WrtOutput()
}

/** A finite number as a core constant. */
internal fun const(c: Number): Expr = Expr.Const(Checks.finite("constant", c.toDouble()))

// Numbers on the left: 1 - y * f, 2 * loss, 1 / depth.

operator fun Number.plus(s: ScalarExpr) = ScalarExpr(Expr.Add(const(this), s.expr))
operator fun Number.minus(s: ScalarExpr) = ScalarExpr(Expr.Sub(const(this), s.expr))
operator fun Number.times(s: ScalarExpr) = ScalarExpr(Expr.Mul(const(this), s.expr))
operator fun Number.div(s: ScalarExpr) = ScalarExpr(Expr.Div(const(this), s.expr))
operator fun Number.plus(v: VectorExpr) = VectorExpr(Expr.Add(const(this), v.expr))
operator fun Number.minus(v: VectorExpr) = VectorExpr(Expr.Sub(const(this), v.expr))
operator fun Number.times(v: VectorExpr) = VectorExpr(Expr.Mul(const(this), v.expr))
operator fun Number.div(v: VectorExpr) = VectorExpr(Expr.Div(const(this), v.expr))
operator fun Number.times(m: MatrixExpr) = MatrixExpr(Expr.Mul(const(this), m.expr))
