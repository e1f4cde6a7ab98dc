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
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat64;

/**
 * The MLP gradient in TensorFlow Java 1.1.0 (TensorFlow 2.18 CPU), graph mode with
 * {@code tf.gradients}, FP64, the second JVM peer.
 *
 * <p>The cross-entropy is written out ({@code −Σ onehot ⊙ logSoftmax(z) / B}): the fused
 * {@code softmaxCrossEntropyWithLogits} has no working FP64 gradient in this version (its gradient
 * graph mixes DT_DOUBLE and DT_FLOAT). Inputs, labels and parameters are placeholders fed with tensors
 * created once; nothing is constant, so the graph optimizer cannot fold any of the work away. Threads:
 * intra-op and inter-op parallelism = {@code threads}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 30, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class TensorflowMlpGradientBenchmark {
    /** Intra-op and inter-op threads of the session. */
    @Param({"1", "2"})
    public int threads;

    private Graph graph;
    private Session session;
    private final List<Placeholder<TFloat64>> placeholders = new ArrayList<>();
    private final List<TFloat64> feeds = new ArrayList<>();
    private Operand<TFloat64> loss;
    private Gradients gradients;

    @Setup(Level.Trial)
    public void setUp() {
        PeerSettings.requireThreadEnvironment("TF-Java", threads, "OMP_NUM_THREADS");
        MlpBenchData data = MlpBenchData.standard();
        graph = new Graph();
        Ops tf = Ops.create(graph);
        Placeholder<TFloat64> x = input(tf, "x", data.inputs(), MlpBenchData.BATCH, MlpBenchData.in(0));
        Placeholder<TFloat64> y = input(tf, "y", data.oneHotLabels(), MlpBenchData.BATCH, MlpBenchData.CLASSES);
        List<Operand<TFloat64>> parameters = new ArrayList<>();
        Operand<TFloat64> h = x;
        for (int t = 0; t < MlpBenchData.layerCount(); t++) {
            Placeholder<TFloat64> w = input(tf, "w" + t, data.weight(t), MlpBenchData.out(t), MlpBenchData.in(t));
            Placeholder<TFloat64> b = input(tf, "b" + t, data.bias(t), MlpBenchData.out(t));
            parameters.add(w);
            parameters.add(b);
            Operand<TFloat64> z = tf.math.add(tf.linalg.matMul(h, w, MatMul.transposeB(true)), b);
            h = t + 1 < MlpBenchData.layerCount() ? tf.nn.relu(z) : z;
        }
        Operand<TFloat64> crossEntropySum = tf.reduceSum(tf.math.mul(tf.nn.logSoftmax(h), y), tf.constant(new int[] {0, 1}));
        loss = tf.math.mul(crossEntropySum, tf.constant(-1.0 / MlpBenchData.BATCH));
        gradients = tf.gradients(loss, parameters);

        ConfigProto config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads)
                .setInterOpParallelismThreads(threads)
                .build();
        session = new Session(graph, config);

        List<double[]> parameterValues = data.parameters();
        try (Result result = run()) {
            double lossValue = ((TFloat64) result.get(0)).getDouble();
            List<double[]> grads = new ArrayList<>();
            for (int k = 0; k < parameterValues.size(); k++) {
                grads.add(toArray((TFloat64) result.get(k + 1), parameterValues.get(k).length));
            }
            MlpGradientSummary.of(lossValue, grads, parameterValues)
                    .requireAgreesWith(MlpReferenceGradient.standardSummary(), "TF-Java");
        }
    }

    private Placeholder<TFloat64> input(Ops tf, String name, double[] values, long... shape) {
        Placeholder<TFloat64> p = tf.withName(name).placeholder(TFloat64.class, Placeholder.shape(Shape.of(shape)));
        placeholders.add(p);
        feeds.add(TFloat64.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false)));
        return p;
    }

    private static double[] toArray(TFloat64 tensor, int length) {
        double[] out = new double[length];
        tensor.copyTo(org.tensorflow.ndarray.NdArrays.wrap(tensor.shape(), DataBuffers.of(out, false, false)));
        return out;
    }

    private Result run() {
        Session.Runner runner = session.runner();
        for (int k = 0; k < placeholders.size(); k++) {
            runner.feed(placeholders.get(k), feeds.get(k));
        }
        runner.fetch(loss);
        for (int k = 0; k < placeholders.size() - 2; k++) {
            runner.fetch(gradients.dy(k));
        }
        return runner.run();
    }

    /** One forward and backward pass (loss and all parameter gradients fetched); returns the loss. */
    @Benchmark
    public double gradient() {
        try (Result result = run()) {
            return ((TFloat64) result.get(0)).getDouble();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        feeds.forEach(TFloat64::close);
        feeds.clear();
        if (session != null) {
            session.close();
        }
        if (graph != null) {
            graph.close();
        }
    }
}
