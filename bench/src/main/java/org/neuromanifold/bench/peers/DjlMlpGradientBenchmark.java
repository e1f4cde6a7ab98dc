package org.neuromanifold.bench.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * The MLP gradient in DJL 0.35.1 on PyTorch 2.7.1 (CPU, FP64, eager autograd), the primary JVM peer.
 *
 * <p>Run offline: {@code -Dai.djl.offline=true} and {@code DJL_CACHE_DIR} pointing at a writable
 * directory (the native libraries come from the {@code pytorch-native-cpu} jar and are unpacked there
 * on first use). The thread count is a property read once when the engine starts, so each value of
 * {@code threads} needs its own fork (JMH's default). Gradients are zeroed per parameter:
 * {@code GradientCollector.zeroGradients()} walks every array of the system manager and takes
 * milliseconds. Every intermediate array of an iteration is closed by an {@link NDScope}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 30, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"})
public class DjlMlpGradientBenchmark {
    /** Intra-op threads of libtorch. */
    @Param({"1", "2"})
    public int threads;

    private NDManager manager;
    private NDArray inputs;
    private NDArray oneHot;
    private final List<NDArray> parameters = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        PeerSettings.requireThreadEnvironment("DJL", threads, "OMP_NUM_THREADS");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Engine engine = Engine.getEngine("PyTorch");
        if (JniUtils.getNumThreads() != threads) {
            throw new IllegalStateException("DJL: libtorch runs " + JniUtils.getNumThreads() + " threads, expected "
                    + threads + "; the engine was started before the property was set (run with forks >= 1)");
        }
        MlpBenchData data = MlpBenchData.standard();
        manager = engine.newBaseManager();
        inputs = manager.create(data.inputs(), new Shape(MlpBenchData.BATCH, MlpBenchData.in(0)));
        oneHot = manager.create(data.oneHotLabels(), new Shape(MlpBenchData.BATCH, MlpBenchData.CLASSES));
        for (int t = 0; t < MlpBenchData.layerCount(); t++) {
            NDArray w = manager.create(data.weight(t), new Shape(MlpBenchData.out(t), MlpBenchData.in(t)));
            NDArray b = manager.create(data.bias(t), new Shape(MlpBenchData.out(t)));
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            parameters.add(w);
            parameters.add(b);
        }
        // twice: the second call checks that zeroing works (gradients would otherwise double)
        for (int round = 0; round < 2; round++) {
            try (NDScope scope = new NDScope()) {
                double loss = gradient();
                List<double[]> gradients = new ArrayList<>();
                List<double[]> values = new ArrayList<>();
                for (NDArray p : parameters) {
                    gradients.add(p.getGradient().toDoubleArray());
                    values.add(p.toDoubleArray());
                }
                MlpGradientSummary.of(loss, gradients, values)
                        .requireAgreesWith(MlpReferenceGradient.standardSummary(), "DJL/PyTorch");
                scope.suppressNotUsedWarning();
            }
        }
    }

    /** One forward and backward pass; returns the loss. */
    @Benchmark
    public double gradient() {
        try (NDScope scope = new NDScope()) {
            for (NDArray p : parameters) {
                if (p.hasGradient()) {
                    NDArray g = p.getGradient();
                    g.subi(g);
                }
            }
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray h = inputs;
                for (int t = 0; t < MlpBenchData.layerCount(); t++) {
                    NDArray z = h.matMul(parameters.get(2 * t).transpose()).add(parameters.get(2 * t + 1));
                    h = t + 1 < MlpBenchData.layerCount() ? Activation.relu(z) : z;
                }
                NDArray loss = h.logSoftmax(1).mul(oneHot).sum().mul(-1.0 / MlpBenchData.BATCH);
                collector.backward(loss);
                scope.suppressNotUsedWarning();
                return loss.getDouble();
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parameters.clear();
        if (manager != null) {
            manager.close();
        }
    }
}
