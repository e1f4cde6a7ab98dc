// Euler's identity for positively homogeneous networks (catalogue id `euler`; seed 000, Liang et al.,
// Lemma 2.1):  ⟨∇_θ f_θ(x), θ⟩ = (L + 1) f_θ(x)  for a bias-free network with L hidden layers whose
// activations satisfy σ(z) = σ'(z)·z (ReLU, leaky ReLU, identity), one equation per output component.
//
//   ./neuromanifold run examples/specs/euler.nm.kts [--seed 7] [--out target/specs] [--json]
//
// The spec states the identity in the DSL, checks that it is the catalogue's statement, asks for which
// models the hypotheses hold, and evaluates both sides with the numeric engine (autodiff) at one random
// instance per model, drawn from the run's seed.

import org.neuromanifold.numeric.expr.EvalContext
import org.neuromanifold.numeric.expr.ExprEvaluator
import org.neuromanifold.numeric.init.Initializer
import org.neuromanifold.numeric.random.InputSampler
import kotlin.math.abs

// 1. Three models with the same widths: ReLU without biases (the hypotheses hold), the same with tanh,
//    and ReLU with biases (each breaks one hypothesis).
val reluModel = model {
    network(inputs = 3) {
        dense(8, relu, bias = false)
        dense(8, relu, bias = false)
        dense(2, identity, bias = false)
    }
    inputs = gaussian(dim = 3)
    init = he
}
val tanhModel = model { use(reluModel.network.withActivation(tanh, identity)); inputs = gaussian(dim = 3); init = xavier }
val biasedModel = model { use(mlp(3, 8, 8, 2, hidden = relu, bias = true)); inputs = gaussian(dim = 3); init = scaled(2.0, 0.5) }

// 2. The identity in notation. Written independently of the catalogue, it must be the same statement.
val euler = identity("euler", title = "Euler identity") {
    dot(grad(f, theta), theta) eq (depth + 1) * f requires { biasFree(); positivelyHomogeneous() }
}
report.statement(euler)
report.check("the DSL statement is the catalogue's",
    euler.lhs() == Catalogue.euler.lhs() && euler.rhs() == Catalogue.euler.rhs() &&
        euler.preconditions() == Catalogue.euler.preconditions())

// 3. For which models do the hypotheses promise the identity?
report.check("promised for the bias-free ReLU network", report.expectation(euler, reluModel))
report.check("not promised for tanh", !report.expectation(euler, tanhModel))
report.check("not promised with biases", !report.expectation(euler, biasedModel))

// 4. Both sides at one random instance (θ from the model's initialisation, x from its input
//    distribution), evaluated exactly by the autodiff engine. Returns max |lhs − rhs| / (1 + max |rhs|).
fun relativeGap(m: Model, stream: Long): Double {
    val rng = random(stream)
    val theta = Initializer.sample(m.network, m.init!!, rng)
    val x = InputSampler.sample(m.inputs!!, rng)
    val (lhs, rhs) = ExprEvaluator().evaluate(euler, EvalContext.builder(m.network, theta).input(x).build())
    val l = lhs.value().toArray()
    val r = rhs.value().toArray()
    return l.indices.maxOf { abs(l[it] - r[it]) } / (1 + r.maxOf { abs(it) })
}
val gapRelu = report.value("relative gap |lhs − rhs|, ReLU", relativeGap(reluModel, 1))
val gapTanh = report.value("relative gap |lhs − rhs|, tanh", relativeGap(tanhModel, 2))
val gapBiased = report.value("relative gap |lhs − rhs|, ReLU with biases", relativeGap(biasedModel, 3))

// Both sides are sums of a few hundred products of O(1) numbers: rounding leaves ~1e-15, so a gap below
// 1e-12 is agreement with a thousandfold margin, and one above 1e-8 is a failure no rounding explains.
report.check("ReLU: both sides agree to rounding (gap < 1e-12)", gapRelu < 1e-12)
report.check("tanh: the identity fails here (gap > 1e-8)", gapTanh > 1e-8)
report.check("biases: the identity fails here (gap > 1e-8)", gapBiased > 1e-8)

// 5. The verifier over many random instances (the tanh run is expected to fail, with a shrunk
//    counterexample), and the certified derivation, written as LaTeX with --out.
val runSeed = seed
report.verdict(verify(euler, reluModel) { trials = 2000; seed = runSeed })
report.verdict(verify(euler, tanhModel) { trials = 2000; seed = runSeed })
report.derivation(derive("euler"))
