package org.neuromanifold.dsl

import org.neuromanifold.core.data.InputDistribution
import org.neuromanifold.core.expr.Expr
import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.expr.Precondition
import org.neuromanifold.core.expr.Relation
import org.neuromanifold.core.model.ParameterGroup
import org.neuromanifold.core.scalar.TermPrinter

/**
 * Renders core expressions in plain-text mathematical notation (Unicode), for `toString`, test
 * failures and logs: `⟨∇_θ ℓ, θ⟩`, `(J_θ f)·θ = (L + 1)·f`. One case per node type; brackets are decided
 * in one place ([wrap]) from one precedence table ([precedence]). LaTeX is the symbolic module's job.
 */
object ExprNotation {
    private const val SUM = 1
    private const val PRODUCT = 2
    private const val PREFIX = 3
    private const val POSTFIX = 4
    private const val ATOM = 5

    /** `lhs R rhs` followed by the preconditions in brackets, if any. */
    fun render(lhs: Expr, relation: Relation, rhs: Expr, preconditions: List<Precondition> = emptyList()): String {
        val r = if (relation == Relation.EQ) "=" else "≤"
        val given = if (preconditions.isEmpty()) "" else preconditions.joinToString("; ", "  [", "]") { name(it) }
        return "${render(lhs)} $r ${render(rhs)}$given"
    }

    /** The expression in notation. */
    fun render(e: Expr): String = when (e) {
        is Expr.Output -> "f"
        is Expr.Input -> "x"
        is Expr.Target -> "y"
        is Expr.LossValue -> "ℓ"
        is Expr.Params -> group(e.group())
        is Expr.Depth -> "L"
        is Expr.Const -> number(e.value())
        is Expr.IdentityMatrix -> if (e.n() == 0) "I" else "I_${e.n()}"
        is Expr.Grad -> "∇_${wrt(e.wrt())} ${wrap(e.of(), ATOM)}"
        is Expr.Hessian -> "∇²_${wrt(e.wrt())} ${wrap(e.of(), ATOM)}"
        is Expr.Jacobian -> "J_${wrt(e.wrt())} ${wrap(e.of(), ATOM)}"
        is Expr.Dot -> "⟨${render(e.a())}, ${render(e.b())}⟩"
        is Expr.Outer -> "${wrap(e.a(), POSTFIX)} ⊗ ${wrap(e.b(), POSTFIX)}"
        is Expr.MatMul -> "${leftFactor(e.a())}·${wrap(e.b(), PREFIX)}"
        is Expr.Transpose -> "${wrap(e.a(), ATOM)}ᵀ"
        is Expr.Trace -> "tr(${render(e.a())})"
        is Expr.Component -> "${wrap(e.of(), ATOM)}[${e.index()}]"
        is Expr.SumOf -> "Σ(${render(e.of())})"
        is Expr.Add -> "${wrap(e.a(), SUM)} + ${wrap(e.b(), SUM)}"
        is Expr.Sub -> "${wrap(e.a(), SUM)} − ${wrap(e.b(), PRODUCT)}"
        is Expr.Mul -> "${leftFactor(e.a())}·${wrap(e.b(), PREFIX)}"
        is Expr.Div -> "${wrap(e.a(), PRODUCT)}/${wrap(e.b(), PREFIX)}"
        is Expr.Neg -> "−${wrap(e.a(), PREFIX)}"
        is Expr.Pow -> "${wrap(e.a(), ATOM)}${superscript(e.n())}"
        is Expr.Apply -> "${e.fn().formulaName()}(${render(e.a())})"
        is Expr.Step -> "1[${render(e.a())} > 0]"
        is Expr.Expectation -> "𝔼_${over(e.over())}[${render(e.body())}]"
        is Expr.FisherInformation -> "𝓘(${group(e.group())})"
        is Expr.LayerSum -> "Σ_t ${wrap(e.body(), PREFIX)}"
        is Expr.LayerValue -> layerQuantity(e.quantity())
        is Expr.AugmentedInput -> "x̃"
        is Expr.PreActivation -> "z⁽${e.layer()}⁾"
        is Expr.Diag -> "diag(${e.blocks().joinToString(", ") { render(it) }})"
        is Expr.Kron -> "${wrap(e.a(), POSTFIX)} ⊗ ${wrap(e.b(), POSTFIX)}"
        is Expr.ScalarTerm -> org.neuromanifold.core.scalar.TermPrinter.print(e.term()) +
            e.arguments().entries.joinToString(", ", " [", "]") { (k, v) -> "$k = ${render(v)}" }
    }

    /** The identity as `id: lhs R rhs  [preconditions]`. */
    fun render(identity: Identity): String =
        "${identity.id()}: " + render(identity.lhs(), identity.relation(), identity.rhs(), identity.preconditions())

    /** How tightly a node binds; a child binding more loosely than its context needs brackets. */
    private fun precedence(e: Expr): Int = when (e) {
        is Expr.Add, is Expr.Sub -> SUM
        is Expr.Mul, is Expr.Div, is Expr.MatMul, is Expr.Outer -> PRODUCT
        is Expr.Neg, is Expr.Grad, is Expr.Hessian, is Expr.Jacobian -> PREFIX
        is Expr.Const -> if (e.value() < 0) SUM else if (number(e.value()).contains('E')) PRODUCT else ATOM
        is Expr.Pow, is Expr.Transpose -> POSTFIX
        else -> ATOM
    }

    private fun wrap(e: Expr, atLeast: Int): String =
        if (precedence(e) >= atLeast) render(e) else "(${render(e)})"

    /** A derivative on the left of a product is bracketed: `(J_θ f)·θ`, never read as J_θ (f·θ). */
    private fun leftFactor(e: Expr): String =
        if (e is Expr.Grad || e is Expr.Jacobian || e is Expr.Hessian) "(${render(e)})" else wrap(e, PRODUCT)

    /** Integers without `.0`, a typographic minus. */
    private fun number(v: Double): String = TermPrinter.number(v).replace('-', '−')

    private fun group(g: ParameterGroup): String = when (g) {
        is ParameterGroup.All -> "θ"
        is ParameterGroup.Layer -> "θ[layer ${g.layer()}]"
        is ParameterGroup.Neuron -> "θ[neuron ${g.layer()},${g.index()}]"
    }

    private fun layerQuantity(q: Expr.LayerQuantity): String = when (q) {
        Expr.LayerQuantity.WEIGHTS -> "Wᵗ"
        Expr.LayerQuantity.BIAS -> "bᵗ"
        Expr.LayerQuantity.INPUT -> "Oᵗ"
        Expr.LayerQuantity.PRE_ACTIVATION -> "zᵗ"
        Expr.LayerQuantity.OUTPUT -> "Oᵗ⁺¹"
    }

    private fun wrt(w: Expr.Wrt): String = when (w) {
        is Expr.WrtParams -> group(w.group())
        is Expr.WrtInput -> "x"
        is Expr.WrtOutput -> "f"
        is Expr.WrtLayer -> layerQuantity(w.quantity())
    }

    private fun over(o: Expr.Over): String = when (o) {
        is Expr.OverData -> "data"
        is Expr.OverModel -> "y∼model"
        is Expr.OverInputs -> "x∼" + distribution(o.distribution())
    }

    private fun distribution(d: InputDistribution): String = when (d) {
        is InputDistribution.Gaussian -> "N(${d.mean().joinToString(",", "(", ")") { number(it) }}, " +
            "${number(d.sigma())}²I)"
        is InputDistribution.Uniform -> "U[${number(d.lo())}, ${number(d.hi())}]^${d.dim()}"
        is InputDistribution.Empirical -> "empirical${d.data()}"
    }

    private fun superscript(n: Int): String {
        val digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
        return n.toString().map { if (it == '-') '⁻' else digits[it - '0'] }.joinToString("")
    }

    private fun name(p: Precondition): String = when (p) {
        is Precondition.BiasFree -> "bias-free"
        is Precondition.PositivelyHomogeneous -> "positively homogeneous"
        is Precondition.LossHasStatisticalModel -> "loss is a negative log-likelihood"
        is Precondition.LossIs -> "loss is ${p.kind().simpleName}"
    }
}

/** This identity in notation: `euler: (J_θ f)·θ = (L + 1)·f  [bias-free; positively homogeneous]`. */
fun Identity.notation(): String = ExprNotation.render(this)

/** This expression in notation. */
fun Expr.notation(): String = ExprNotation.render(this)
