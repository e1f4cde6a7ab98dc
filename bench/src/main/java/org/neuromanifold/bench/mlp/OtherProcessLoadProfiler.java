package org.neuromanifold.bench.mlp;

import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that records, for every iteration, the cores used by other processes ({@code
 * ·load.others}) and by the benchmark JVM itself ({@code ·load.own}), from {@link CpuLoadSample}.
 * With {@code -rf json} the per-iteration values appear in the secondary metrics' raw data next to
 * the primary scores, so that a report can keep only the samples taken while the machine was quiet.
 * Use with {@code -prof org.neuromanifold.bench.mlp.OtherProcessLoadProfiler}.
 */
public final class OtherProcessLoadProfiler implements InternalProfiler {
    /** Label of the load of other processes, in cores. */
    public static final String OTHERS = "load.others";
    /** Label of the benchmark JVM's own CPU use, in cores. */
    public static final String OWN = "load.own";

    private CpuLoadSample start;

    @Override
    public String getDescription() {
        return "CPU cores used by other processes and by this JVM during each iteration (/proc/stat)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = CpuLoadSample.now();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Collection<? extends org.openjdk.jmh.results.Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        CpuLoadSample end = CpuLoadSample.now();
        return List.of(
                new ScalarResult(OTHERS, end.otherCoresSince(start), "cores", AggregationPolicy.AVG),
                new ScalarResult(OWN, end.ownCoresSince(start), "cores", AggregationPolicy.AVG));
    }
}
