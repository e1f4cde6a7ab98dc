// Euler's identity for the empirical loss (catalogue id `loss-euler`; seed 000, Liang et al.):
//   ⟨∇_θ L̂(θ), θ⟩ = (L + 1)·(1/N) Σᵢ ⟨∂ℓ(f(xᵢ), yᵢ)/∂f, f(xᵢ)⟩,   L̂(θ) = (1/N) Σᵢ ℓ(f(xᵢ), yᵢ),
// for bias-free positively homogeneous networks and any differentiable loss (it follows from Euler's
// identity for f by the chain rule).
//
//   ./neuromanifold run examples/specs/loss-euler.nm.kts [--seed 7] [--out target/specs] [--json]
//
// The data set is drawn from the run's seed; the averages over it are exact (no sampling), so both
// sides are computed exactly by the numeric engine for two losses and two activations.

import org.neuromanifold.core.loss.Loss
import org.neuromanifold.core.model.Network
import org.neuromanifold.numeric.expr.EvalContext
import org.neuromanifold.numeric.expr.ExprEvaluator
import org.neuromanifold.numeric.init.Initializer
import kotlin.math.abs

// 1. Twelve samples in dimension 4, targets in {0, 1} so both square loss and cross-entropy apply.
val rows = random(stream = 0)
val data = dataset {
    repeat(12) {
        val x = DoubleArray(4) { rows.nextGaussian() }
        sample(x = x, y = if (rows.nextBoolean()) 1.0 else 0.0)
    }
}

// 2. The identity, as a user writes it; it must be the catalogue's statement.
val lossEuler = identity("loss-euler", title = "Euler identity for the empirical loss") {
    dot(grad(mean(over = data) { loss }, theta), theta) eq
        (depth + 1) * mean(over = data) { dot(gradOutput(loss), f) } requires { biasFree(); positivelyHomogeneous() }
}
report.statement(lossEuler)
report.check("the DSL statement is the catalogue's",
    lossEuler.lhs() == Catalogue.lossEuler.lhs() && lossEuler.rhs() == Catalogue.lossEuler.rhs())

// 3. Both sides, exactly over the data set, at θ drawn from He initialisation.
var everyEvaluationExact = true
fun relativeGap(net: Network, loss: Loss, stream: Long): Double {
    val theta = Initializer.sample(net, he, random(stream))
    val context = EvalContext.builder(net, theta).loss(loss).data(data).build()
    val (lhs, rhs) = ExprEvaluator().evaluate(lossEuler, context)
    everyEvaluationExact = everyEvaluationExact && lhs.exact() && rhs.exact()
    return abs(lhs.scalar() - rhs.scalar()) / (1 + abs(rhs.scalar()))
}

val nets = listOf(
    mlp(4, 6, 6, 1, hidden = relu, bias = false),
    mlp(4, 6, 6, 1, hidden = leakyRelu(0.1), bias = false),
    mlp(4, 6, 6, 1, hidden = softplus, bias = false),
)
var stream = 1L
for (net in nets) {
    for (loss in listOf(squareLoss, bce)) {
        val promised = report.expectation(lossEuler, net, loss)
        val gap = report.value("relative gap, ${net.layers()[0].activation().label()}, ${loss.javaClass.simpleName}",
            relativeGap(net, loss, stream++))
        // rounding leaves ~1e-15 on sums of this size: below 1e-12 is agreement with a thousandfold
        // margin, above 1e-8 a failure that no rounding explains
        if (promised) {
            report.check("holds where promised (gap < 1e-12)", gap < 1e-12)
        } else {
            report.check("fails where not promised (gap > 1e-8)", gap > 1e-8)
        }
    }
}

report.check("every evaluation was exact (averages over the data, no sampling)", everyEvaluationExact)

// 4. The verifier on the declared model and data (random θ per trial; the data set is part of the
//    model and is never altered), and the certified derivation.
val runSeed = seed
report.verdict(verify(lossEuler, model { use(nets[0]); loss = squareLoss; this.data = data }) {
    trials = 1000; seed = runSeed
})
report.verdict(verify(lossEuler, model { use(nets[2]); loss = squareLoss; this.data = data }) {
    trials = 1000; seed = runSeed
})
report.derivation(derive("loss-euler"))
