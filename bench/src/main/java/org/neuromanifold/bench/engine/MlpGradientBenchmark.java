package org.neuromanifold.bench.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.neuromanifold.bench.mlp.MlpBenchData;
import org.neuromanifold.bench.mlp.MlpGradientSummary;
import org.neuromanifold.bench.mlp.MlpReferenceGradient;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.core.model.ParameterLayout;
import org.neuromanifold.numeric.kernel.KernelProvider;
import org.neuromanifold.numeric.kernel.Kernels;
import org.neuromanifold.numeric.model.BatchedMlp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The training fast path on the shared MLP problem ({@link MlpBenchData}): the gradient of the mean
 * softmax cross-entropy, and the exact Hessian-vector product (R-operator) on the same batch, so that
 * their ratio can be read off one run. {@code threads} is the kernels' GEMM thread count
 * ({@link Kernels#setThreads}). Before timing, the gradient must reproduce the reference summary
 * that every peer reproduces ({@link MlpGradientSummary#requireAgreesWith}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 20, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MlpGradientBenchmark {
    @Param({"1", "2"})
    public int threads;

    private BatchedMlp mlp;
    private double[] theta;
    private double[] inputs;
    private double[] oneHot;
    private double[] grad;
    private double[] direction;
    private double[] hv;

    @Setup(Level.Trial)
    public void setUp() {
        Kernels kernels = KernelProvider.kernels();
        kernels.setThreads(threads);
        System.err.println("kernels: " + kernels.description() + ", " + kernels.threads() + " thread(s)");
        MlpBenchData data = MlpBenchData.standard();
        theta = data.theta();
        inputs = data.inputs();
        oneHot = data.oneHotLabels();
        mlp = new BatchedMlp(MlpBenchData.network(), new SoftmaxCrossEntropyLoss(), MlpBenchData.BATCH);
        grad = new double[theta.length];
        hv = new double[theta.length];
        direction = MlpBenchData.tensor(theta.length, 99, 0.01);
        double loss = mlp.lossAndGradient(theta, inputs, oneHot, MlpBenchData.BATCH, grad);
        MlpGradientSummary.of(loss, tensors(grad), data.parameters())
                .requireAgreesWith(MlpReferenceGradient.standardSummary(), "Neuromanifold");
    }

    /** The flat gradient cut into W0, b0, W1, b1, … in the layout of {@link MlpBenchData#parameters()}. */
    private static List<double[]> tensors(double[] flat) {
        ParameterLayout layout = MlpBenchData.network().layout();
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < MlpBenchData.layerCount(); t++) {
            for (ParameterBlock block : List.of(layout.weight(t), layout.biasOrNull(t))) {
                out.add(Arrays.copyOfRange(flat, block.offset(), block.offset() + block.size()));
            }
        }
        return out;
    }

    @Benchmark
    public double gradient() {
        return mlp.lossAndGradient(theta, inputs, oneHot, MlpBenchData.BATCH, grad);
    }

    @Benchmark
    public double[] hessianVectorProduct() {
        mlp.hessianVectorProduct(theta, inputs, oneHot, MlpBenchData.BATCH, direction, hv);
        return hv;
    }
}
