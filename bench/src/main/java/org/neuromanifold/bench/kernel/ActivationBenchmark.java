package org.neuromanifold.bench.kernel;

import java.util.concurrent.TimeUnit;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.numeric.kernel.Kernels;
import org.neuromanifold.numeric.kernel.ScalarKernels;
import org.neuromanifold.numeric.kernel.VectorKernels;
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
 * Activation value plus first derivative over 4096 entries, for the Vector API kernels and the scalar
 * twin (see {@link SoftmaxBenchmark} for the softmax).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp ... org.openjdk.jmh.Main ActivationBenchmark \
 *     -prof org.neuromanifold.bench.mlp.OtherProcessLoadProfiler</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ActivationBenchmark {
    @Param({"relu", "tanh", "sigmoid", "softplus", "elu", "prelu-smooth"})
    String activation;

    @Param({"vector", "scalar"})
    String kernels;

    private Kernels k;
    private Activation act;
    private double[] z;
    private double[] out;
    private double[] d;

    @Setup(Level.Trial)
    public void setUp() {
        k = kernels.equals("vector") ? new VectorKernels(1) : new ScalarKernels();
        act = Activations.named(activation);
        z = Matrices.deterministic(4096, 5);
        for (int i = 0; i < z.length; i++) {
            z[i] *= 6;
        }
        out = new double[4096];
        d = new double[4096];
    }

    @Benchmark
    public double[] valueAndDerivative4096() {
        k.activation(act, 4096, z, 0, out, 0, d, 0);
        return d;
    }
}
