package org.neuromanifold.bench.kernel;

import java.util.concurrent.TimeUnit;

import org.neuromanifold.numeric.kernel.ScalarKernels;
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

/** The scalar twin's GEMM at small n, for reference: what the fallback without the Vector API costs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class ScalarGemmBenchmark {
    @Param({"64", "128"})
    int n;

    private final ScalarKernels kernels = new ScalarKernels();
    private double[] a;
    private double[] b;
    private double[] c;

    @Setup(Level.Trial)
    public void setUp() {
        a = Matrices.deterministic(n * n, 1);
        b = Matrices.deterministic(n * n, 2);
        c = new double[n * n];
    }

    @Benchmark
    public double[] gemm() {
        kernels.gemm(false, false, n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
        return c;
    }
}
