package org.neuromanifold.bench.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Initialization;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.numeric.autodiff.AutoDiff;
import org.neuromanifold.numeric.autodiff.Tape;
import org.neuromanifold.numeric.expr.EvalContext;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.numeric.init.Initializer;
import org.neuromanifold.numeric.model.NetworkEvaluator;
import org.neuromanifold.numeric.model.NetworkGraph;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-call overhead of the general engine on the verifier's scale: a bias-free ReLU network with 3
 * weight layers of width 8 (8 → 8 → 8 → 1) on one input. {@code tapeGradient} is the loss gradient on a
 * reused tape; {@code evaluatorGradient} the same through {@link NetworkEvaluator} (argument checks and
 * a copied result included); {@code eulerTrial} and {@code fisherRaoTrial} one verification trial each —
 * draw θ (He) and the sample(s) from a fresh stream, build the context, evaluate both sides of the
 * identity (Fisher–Rao with a 4-sample data set). Trials per second per core = 10⁶ / (µs per trial).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 20, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class SmallNetworkBenchmark {
    private final Network network = Network.mlp(new int[] {8, 8, 8, 1}, new Relu(), new IdentityActivation(), false);
    private final SquareLoss loss = new SquareLoss();
    private final Tape tape = new Tape();
    private final NetworkEvaluator evaluator = new NetworkEvaluator(network, loss);
    private final ExprEvaluator exprEvaluator = new ExprEvaluator();
    private final List<Expr> euler = List.of(CatalogueIdentities.EULER.lhs(), CatalogueIdentities.EULER.rhs());
    private final List<Expr> fisherRao = List.of(CatalogueIdentities.FISHER_RAO.lhs(),
            CatalogueIdentities.FISHER_RAO.rhs());
    private double[] theta;
    private final double[] x = new double[8];
    private final double[] y = {0.5};
    private final double[][] xs = new double[4][8];
    private final double[][] ys = new double[4][1];
    private long trial;

    @Setup
    public void setUp() {
        theta = Initializer.sample(network, new Initialization.He(), Xoshiro256PlusPlus.of(1));
        Xoshiro256PlusPlus.of(2).fillGaussian(x, 0, 8, 0, 1);
    }

    @Benchmark
    public double tapeGradient() {
        tape.reset();
        int th = tape.vector(theta);
        NetworkGraph.Forward fw = NetworkGraph.forward(tape, network, th, tape.vector(x));
        int l = tape.squareLoss(fw.output(), tape.vector(y));
        return tape.get(AutoDiff.grad(tape, l, th), 0);
    }

    @Benchmark
    public double[] evaluatorGradient() {
        return evaluator.lossGradient(theta, x, y).gradient();
    }

    @Benchmark
    public double eulerTrial() {
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(7, trial++);
        Initializer.sampleInto(network, new Initialization.He(), rng, theta);
        rng.fillGaussian(x, 0, 8, 0, 1);
        EvalContext ctx = EvalContext.builder(network, theta).loss(loss).input(x).build();
        double[][] v = exprEvaluator.values(euler, ctx);
        return v[0][0] - v[1][0];
    }

    @Benchmark
    public double fisherRaoTrial() {
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(7, trial++);
        Initializer.sampleInto(network, new Initialization.He(), rng, theta);
        for (int i = 0; i < 4; i++) {
            rng.fillGaussian(xs[i], 0, 8, 0, 1);
            ys[i][0] = rng.nextGaussian();
        }
        EvalContext ctx = EvalContext.builder(network, theta).loss(loss).data(Dataset.of(xs, ys)).build();
        double[][] v = exprEvaluator.values(fisherRao, ctx);
        return v[0][0] - v[1][0];
    }
}
