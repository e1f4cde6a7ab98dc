package org.neuromanifold.dsl

import org.neuromanifold.core.data.InputDistribution
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.expr.Expr
import org.neuromanifold.core.model.ParameterGroup
import org.neuromanifold.core.scalar.Fn

/**
 * The vocabulary of identity statements: the receiver of [identity] (and usable anywhere with
 * `with(Notation) { … }`). Every name builds a core [Expr]; the Kotlin type carries its rank.
 *
 * Conventions (those of the catalogue): the network has L hidden layers and L+1 weight matrices
 * W⁰…W^L, `depth` is L; `f` is the output vector f_θ(x) (for a one-output network, `f[0]` is the
 * scalar); `grad` of a scalar is a gradient vector and of a vector is the Jacobian (rows = components),
 * so `dot(grad(f, theta), theta)` is ⟨∇_θ f_k, θ⟩ for every output component k, i.e. (J_θ f)·θ — exactly
 * the left side of `CatalogueIdentities.EULER`.
 */
@NeuromanifoldDsl
object Notation {
    /** The network output f_θ(x), a vector of the output width. */
    val f: OutputExpr = OutputExpr()

    /** The input x. */
    val x: InputExpr = InputExpr()

    /** The target y. */
    val y: VectorExpr = VectorExpr(Expr.Target())

    /** The per-sample loss ℓ(f_θ(x), y). */
    val loss: ScalarExpr = ScalarExpr(Expr.LossValue())

    /** All parameters θ. */
    val theta: ParamsExpr = ParamsExpr(ParameterGroup.ALL)

    /** The number L of hidden layers (there are L+1 weight matrices). */
    val depth: ScalarExpr = ScalarExpr(Expr.Depth())

    /** The data set of the context, for `mean(over = data) { … }` (the empirical mean (1/N) Σᵢ). */
    val data: Expr.Over = Expr.OverData()

    /** Layer t's parameters (its weight matrix row-major, then its bias). */
    fun layer(t: Int): ParamsExpr = ParamsExpr(ParameterGroup.Layer(nonNegative("layer index", t)))

    /** Neuron i of layer t: row i of Wᵗ and its bias entry, the w of t = wᵀx̃. */
    fun neuron(t: Int, i: Int): ParamsExpr =
        ParamsExpr(ParameterGroup.Neuron(nonNegative("layer index", t), nonNegative("neuron index", i)))

    /** A constant. */
    fun constant(value: Double): ScalarExpr = ScalarExpr(const(value))

    /** The n×n identity matrix; n = 0 means the size of the matrix it is combined with. */
    fun identityMatrix(n: Int = 0): MatrixExpr = MatrixExpr(Expr.IdentityMatrix(nonNegative("identity size", n)))

    // ---- derivatives ---------------------------------------------------------------------------

    /** ∇ of a scalar: a vector, e.g. `grad(loss, theta)`. */
    fun grad(of: ScalarExpr, wrt: Variable): VectorExpr = VectorExpr(Expr.Grad(of.expr, wrt.wrt))

    /** ∇ of a vector: its Jacobian (rows are components, columns variables), e.g. `grad(f, theta)`. */
    fun grad(of: VectorExpr, wrt: Variable): MatrixExpr = jacobian(of, wrt)

    /** The Jacobian of a vector expression. */
    fun jacobian(of: VectorExpr, wrt: Variable): MatrixExpr = MatrixExpr(Expr.Jacobian(of.expr, wrt.wrt))

    /** ∇² of a scalar (θ by default). */
    fun hessian(of: ScalarExpr, wrt: Variable = theta): MatrixExpr = MatrixExpr(Expr.Hessian(of.expr, wrt.wrt))

    /** ∂s/∂f, e.g. `gradOutput(loss)` = ∂ℓ/∂f. */
    fun gradOutput(of: ScalarExpr): VectorExpr = grad(of, f)

    /** ∇_x of a scalar. */
    fun gradInput(of: ScalarExpr): VectorExpr = grad(of, x)

    /** The Jacobian with respect to x of a vector. */
    fun gradInput(of: VectorExpr): MatrixExpr = grad(of, x)

    // ---- linear algebra ----------------------------------------------------------------------

    /** ⟨a, b⟩. */
    fun dot(a: VectorExpr, b: VectorExpr): ScalarExpr = ScalarExpr(Expr.Dot(a.expr, b.expr))

    /**
     * ⟨row, v⟩ for every row of a Jacobian: `dot(grad(f, theta), theta)` is ⟨∇_θ f_k, θ⟩ per output
     * component k, i.e. the matrix–vector product J v.
     */
    fun dot(rows: MatrixExpr, v: VectorExpr): VectorExpr = rows * v

    /** a ⊗ b = a bᵀ. */
    fun outer(a: VectorExpr, b: VectorExpr): MatrixExpr = MatrixExpr(Expr.Outer(a.expr, b.expr))

    /** tr A. */
    fun trace(a: MatrixExpr): ScalarExpr = ScalarExpr(Expr.Trace(a.expr))

    /** Aᵀ. */
    fun transpose(a: MatrixExpr): MatrixExpr = MatrixExpr(Expr.Transpose(a.expr))

    /** Σᵢ vᵢ. */
    fun sum(v: VectorExpr): ScalarExpr = ScalarExpr(Expr.SumOf(v.expr))

    // ---- elementwise ----------------------------------------------------------------------------

    /** aⁿ (componentwise for a vector). */
    fun <T : TensorExpr<T>> pow(a: TensorExpr<T>, n: Int): T = a.sameRank(Expr.Pow(a.expr, n))

    /** The Heaviside step 1[a > 0], componentwise (0 at a = 0). */
    fun <T : TensorExpr<T>> step(a: TensorExpr<T>): T = a.sameRank(Expr.Step(a.expr))

    /** An elementary function, componentwise: `apply(Fn.TANH, …)`. */
    fun <T : TensorExpr<T>> apply(fn: Fn, a: TensorExpr<T>): T = a.sameRank(Expr.Apply(fn, a.expr))

    // ---- probability ---------------------------------------------------------------------------

    /** 𝔼 of the body over `over`: [data] (the context's data set) or [InputDistribution] via the overload. */
    fun <T : TensorExpr<T>> mean(over: Expr.Over, body: () -> TensorExpr<T>): T =
        body().let { it.sameRank(Expr.Expectation(over, it.expr)) }

    /** 𝔼 over x drawn from an input distribution, e.g. `mean(over = gaussian(dim = 3)) { … }`. */
    fun <T : TensorExpr<T>> mean(over: InputDistribution, body: () -> TensorExpr<T>): T =
        mean(Expr.OverInputs(over), body)

    /** 𝔼 over y drawn from the model's own output distribution p(y | f_θ(x)). */
    fun <T : TensorExpr<T>> meanOverModel(body: () -> TensorExpr<T>): T = mean(Expr.OverModel(), body)

    /**
     * The Fisher information 𝔼_{y∼p(y|x,θ)}[∇ ln p ∇ ln pᵀ] of the model's output distribution with
     * respect to a parameter group; for `layer(t)` or `neuron(t, i)` with the rest held fixed, the
     * relative Fisher information (seed 003, eq. 2).
     */
    fun fisher(group: ParamsExpr): MatrixExpr = MatrixExpr(Expr.FisherInformation(group.group))

    private fun nonNegative(argument: String, value: Int): Int {
        if (value < 0) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, argument, "an index >= 0", value)
        }
        return value
    }
}
