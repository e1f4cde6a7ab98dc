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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Square DGEMM C ← A·B (n×n, row-major, no transposes, β = 0) with the Vector API kernels on 1 and 2
 * threads: the figure to set beside numpy/OpenBLAS ({@code bench/run-gemm.sh} converts the time per
 * operation to GFLOP/s = 2n³/t). Inputs are deterministic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {
    @Param({"64", "128", "256", "512", "1024"})
    int n;

    @Param({"1", "2"})
    int threads;

    private VectorKernels kernels;
    private double[] a;
    private double[] b;
    private double[] c;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = new VectorKernels(threads);
        a = Matrices.deterministic(n * n, 1);
        b = Matrices.deterministic(n * n, 2);
        c = new double[n * n];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kernels.setThreads(1); // stops the worker threads
    }

    @Benchmark
    public double[] gemm() {
        kernels.gemm(false, false, n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
        return c;
    }
}
