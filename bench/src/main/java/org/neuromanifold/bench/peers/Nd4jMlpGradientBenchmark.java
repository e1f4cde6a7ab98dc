package org.neuromanifold.bench.peers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromanifold.bench.mlp.MlpBenchData;
import org.neuromanifold.bench.mlp.MlpGradientSummary;
import org.neuromanifold.bench.mlp.MlpReferenceGradient;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The MLP gradient in ND4J SameDiff 1.0.0-M2.1 (CPU, FP64), the JVM-native autodiff reference.
 *
 * <p>Resolve the dependencies with {@code -Djavacpp.platform=linux-x86_64} (otherwise every platform's
 * natives are downloaded); javacpp is pinned to 1.5.11 in the {@code peers} profile so that ND4J and
 * TF-Java share one classpath. ND4J's helper threads busy-wait, so it is run last, in its own fork,
 * and its own CPU use can exceed {@code threads}. Threads: {@code OMP_NUM_THREADS} and
 * {@code OPENBLAS_NUM_THREADS} (checked) plus {@code Environment.setMaxThreads/setMaxMasterThreads}.
 * The cross-entropy is written out as for TF-Java; weights are stored {@code in × out} so that each
 * layer is {@code x·W + b} (the summary pairs each gradient with its parameter in that layout).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 30, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class Nd4jMlpGradientBenchmark {
    /** Native threads of libnd4j and OpenBLAS. */
    @Param({"1", "2"})
    public int threads;

    private SameDiff sameDiff;
    private final Map<String, INDArray> placeholders = new HashMap<>();
    private final List<String> parameterNames = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        PeerSettings.requireThreadEnvironment("ND4J", threads, "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS");
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        MlpBenchData data = MlpBenchData.standard();
        sameDiff = SameDiff.create();
        SDVariable x = sameDiff.placeHolder("x", DataType.DOUBLE, MlpBenchData.BATCH, MlpBenchData.in(0));
        SDVariable y = sameDiff.placeHolder("y", DataType.DOUBLE, MlpBenchData.BATCH, MlpBenchData.CLASSES);
        placeholders.put("x", Nd4j.create(data.inputs(), new long[] {MlpBenchData.BATCH, MlpBenchData.in(0)}, DataType.DOUBLE));
        placeholders.put("y", Nd4j.create(data.oneHotLabels(), new long[] {MlpBenchData.BATCH, MlpBenchData.CLASSES},
                DataType.DOUBLE));
        List<double[]> parameterValues = new ArrayList<>();
        SDVariable h = x;
        for (int t = 0; t < MlpBenchData.layerCount(); t++) {
            double[] wIn = data.weightTransposed(t);
            double[] b = data.bias(t);
            SDVariable w = sameDiff.var("w" + t, Nd4j.create(wIn, new long[] {MlpBenchData.in(t), MlpBenchData.out(t)},
                    DataType.DOUBLE));
            SDVariable bias = sameDiff.var("b" + t, Nd4j.create(b, new long[] {MlpBenchData.out(t)}, DataType.DOUBLE));
            parameterNames.add("w" + t);
            parameterNames.add("b" + t);
            parameterValues.add(wIn);
            parameterValues.add(b);
            SDVariable z = sameDiff.nn.biasAdd(h.mmul(w), bias, false);
            h = t + 1 < MlpBenchData.layerCount() ? sameDiff.nn.relu(z, 0.0) : z;
        }
        sameDiff.nn.logSoftmax(h).mul(y).sum().mul(-1.0 / MlpBenchData.BATCH).rename("loss");
        sameDiff.setLossVariables("loss");

        // checked after a few timed-style iterations too: closing their results must not disturb the graph
        check(parameterValues);
        for (int i = 0; i < 3; i++) {
            close(sameDiff.calculateGradients(placeholders, parameterNames));
        }
        check(parameterValues);
    }

    private void check(List<double[]> parameterValues) {
        Map<String, INDArray> grads = sameDiff.calculateGradients(placeholders, parameterNames);
        double loss = sameDiff.output(placeholders, "loss").get("loss").getDouble(0);
        List<double[]> gradientValues = new ArrayList<>();
        for (String name : parameterNames) {
            gradientValues.add(grads.get(name).dup('c').data().asDouble());
        }
        MlpGradientSummary.of(loss, gradientValues, parameterValues)
                .requireAgreesWith(MlpReferenceGradient.standardSummary(), "ND4J SameDiff");
    }

    /** Frees the native memory of a result now instead of at the next garbage collection. */
    private static void close(Map<String, INDArray> arrays) {
        for (INDArray a : arrays.values()) {
            if (a.closeable()) {
                a.close();
            }
        }
    }

    /**
     * One forward and backward pass. {@code calculateGradients} does not return the loss; its
     * forward pass computes it, and the result holds every parameter gradient (closed after use).
     */
    @Benchmark
    public void gradient(Blackhole blackhole) {
        Map<String, INDArray> grads = sameDiff.calculateGradients(placeholders, parameterNames);
        blackhole.consume(grads);
        close(grads);
    }
}
