package org.neuromanifold.bench.verify;

import java.util.concurrent.TimeUnit;

import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.numeric.verify.VerificationConfig;
import org.neuromanifold.numeric.verify.VerificationReport;
import org.neuromanifold.numeric.verify.Verifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifier throughput for {@code euler} on bias-free ReLU networks with 3 weight layers of width 8
 * (depth L = 2, widths 8 → 8 → 8 → 1), one input per trial: trials per second on 1 and 2 threads
 * (target: ≥ 100 000 trials/s on 2 cores). One operation is one trial: each invocation runs a whole
 * verification of {@value #TRIALS} trials (instance drawing, both sides by the Expr interpreter — the
 * left side ⟨J, θ⟩ as one forward-mode sweep along θ —, the verdict), so thread start-up and the
 * summary are included.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat
 * bench/target/bench-classpath.txt) org.openjdk.jmh.Main VerifierThroughput}. After each iteration the
 * cores used by other processes are printed ({@link MachineLoad}): the machine is shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class VerifierThroughputBenchmark {
    static final int TRIALS = 20_000;

    @Param({"1", "2"})
    public int threads;

    private VerificationConfig config;
    private final MachineLoad load = new MachineLoad();
    private long seed;

    @Setup(Level.Trial)
    public void setUp() {
        config = config(0);
        VerificationReport check = Verifier.verify(config);
        if (!check.holds()) {
            throw new IllegalStateException("euler must hold on bias-free ReLU networks: " + check.result());
        }
    }

    private VerificationConfig config(long s) {
        return VerificationConfig.builder(CatalogueIdentities.EULER).activation("relu", null, null, null).depth(2)
                .width(8).inputDim(8).outputDim(1).bias(false).trials(TRIALS).seed(s).threads(threads).build();
    }

    @Setup(Level.Iteration)
    public void startLoad() {
        load.start();
    }

    @TearDown(Level.Iteration)
    public void printLoad() {
        System.out.printf(" [other processes: %.2f cores]", load.otherCores());
    }

    /** One verification of {@value #TRIALS} trials; a new seed each time, so no two runs draw the same networks. */
    @Benchmark
    @OperationsPerInvocation(TRIALS)
    public boolean euler() {
        return Verifier.verify(config(seed++)).holds();
    }
}
