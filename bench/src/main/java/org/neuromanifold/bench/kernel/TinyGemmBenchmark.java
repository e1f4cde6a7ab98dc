package org.neuromanifold.bench.kernel;

import java.util.concurrent.TimeUnit;

import org.neuromanifold.numeric.kernel.VectorKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-call cost of the tiny shapes a verifier runs millions of times: 8×8 times 8×8 (all transpose
 * pairs that backpropagation uses) and an 8×8 matrix times a vector, on a 2-thread instance (tiny
 * problems must never reach the workers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TinyGemmBenchmark {
    private VectorKernels kernels;
    private double[] a;
    private double[] b;
    private double[] c;
    private double[] x;
    private double[] y;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = new VectorKernels(2);
        a = Matrices.deterministic(64, 1);
        b = Matrices.deterministic(64, 2);
        c = new double[64];
        x = Matrices.deterministic(8, 3);
        y = new double[8];
    }

    @Benchmark
    public double[] gemm8x8() {
        kernels.gemm(false, false, 8, 8, 8, 1.0, a, 0, 8, b, 0, 8, 0.0, c, 0, 8);
        return c;
    }

    @Benchmark
    public double[] gemm8x8TransA() {
        kernels.gemm(true, false, 8, 8, 8, 1.0, a, 0, 8, b, 0, 8, 1.0, c, 0, 8);
        return c;
    }

    @Benchmark
    public double[] gemm8x8TransB() {
        kernels.gemm(false, true, 8, 8, 8, 1.0, a, 0, 8, b, 0, 8, 0.0, c, 0, 8);
        return c;
    }

    @Benchmark
    public double[] gemv8() {
        kernels.gemv(false, 8, 8, 1.0, a, 0, 8, x, 0, 0.0, y, 0);
        return y;
    }
}
