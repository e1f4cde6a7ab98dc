package org.neuromanifold.bench.engine;

import java.util.concurrent.TimeUnit;

import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.numeric.model.BatchedMlp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The training fast path on the MLP benchmark problem ({@link EngineMlpProblem}): the gradient of the
 * mean softmax cross-entropy, and the exact Hessian-vector product (R-operator) on the same batch, so
 * that their ratio can be read off one run. {@code threads} is the kernels' GEMM thread count (see
 * {@link KernelThreads}). The setup checks the loss against the value every peer reproduces.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 20, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MlpGradientBenchmark {
    /** The loss every MLP benchmark peer reproduces on this problem. */
    static final double REFERENCE_LOSS = 2.776776658898091;

    @Param({"1"})
    public int threads;

    private EngineMlpProblem problem;
    private BatchedMlp mlp;
    private double[] grad;
    private double[] direction;
    private double[] hv;

    @Setup
    public void setUp() {
        System.err.println("kernels: " + KernelThreads.set(threads));
        problem = new EngineMlpProblem();
        mlp = new BatchedMlp(problem.network, new SoftmaxCrossEntropyLoss(), EngineMlpProblem.BATCH);
        grad = new double[problem.theta.length];
        hv = new double[problem.theta.length];
        direction = EngineMlpProblem.tensor(problem.theta.length, 99, 0.01);
        double loss = mlp.lossAndGradient(problem.theta, problem.inputs, problem.oneHot, EngineMlpProblem.BATCH, grad);
        if (Math.abs(loss - REFERENCE_LOSS) > 1e-9 * REFERENCE_LOSS) {
            throw new IllegalStateException("loss " + loss + " differs from the reference " + REFERENCE_LOSS);
        }
    }

    @Benchmark
    public double gradient() {
        return mlp.lossAndGradient(problem.theta, problem.inputs, problem.oneHot, EngineMlpProblem.BATCH, grad);
    }

    @Benchmark
    public double[] hessianVectorProduct() {
        mlp.hessianVectorProduct(problem.theta, problem.inputs, problem.oneHot, EngineMlpProblem.BATCH, direction, hv);
        return hv;
    }
}
