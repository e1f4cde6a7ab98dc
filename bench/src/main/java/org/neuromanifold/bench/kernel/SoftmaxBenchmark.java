package org.neuromanifold.bench.kernel;

import java.util.concurrent.TimeUnit;

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

/** A 128×10 row softmax with log-sum-exp (a classifier head), Vector API kernels vs the scalar twin. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SoftmaxBenchmark {
    @Param({"vector", "scalar"})
    String kernels;

    private Kernels k;
    private double[] logits;
    private double[] probabilities;
    private double[] lse;

    @Setup(Level.Trial)
    public void setUp() {
        k = kernels.equals("vector") ? new VectorKernels(1) : new ScalarKernels();
        logits = Matrices.deterministic(1280, 6);
        probabilities = new double[1280];
        lse = new double[128];
    }

    @Benchmark
    public double[] softmax128x10() {
        k.softmaxRows(128, 10, logits, 0, probabilities, 0, lse);
        return lse;
    }
}
