package org.neuromanifold.bench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Records, per iteration, the cores used by other processes ({@code ·load.others}): busy ticks of all
 * CPUs from {@code /proc/stat} minus this JVM's own ticks from {@code /proc/self/stat}, over the
 * iteration's wall time. Linux only (NaN elsewhere). With {@code -rf json} the per-iteration values sit
 * next to the scores, so a report can keep the quiet samples. Use with
 * {@code -prof org.neuromanifold.bench.engine.EngineLoadProfiler}.
 */
public final class EngineLoadProfiler implements InternalProfiler {
    private static final double TICKS_PER_SECOND = 100.0;

    private long startWall;
    private long startBusy;
    private long startOwn;

    @Override
    public String getDescription() {
        return "cores used by other processes during each iteration (/proc/stat minus this JVM)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startWall = System.nanoTime();
        startBusy = busyTicks();
        startOwn = ownTicks();
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        double seconds = (System.nanoTime() - startWall) / 1e9;
        long busy = busyTicks();
        long own = ownTicks();
        double others = busy < 0 || own < 0 ? Double.NaN
                : Math.max(0, (busy - startBusy) - (own - startOwn)) / TICKS_PER_SECOND / seconds;
        return List.of(new ScalarResult("load.others", others, "cores", AggregationPolicy.AVG));
    }

    /** user + nice + system + irq + softirq of all CPUs, or −1. */
    private static long busyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of this process, or −1. */
    private static long ownTicks() {
        try {
            String s = Files.readString(Path.of("/proc/self/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
