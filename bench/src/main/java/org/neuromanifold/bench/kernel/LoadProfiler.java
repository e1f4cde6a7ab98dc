package org.neuromanifold.bench.kernel;

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
 * A JMH profiler ({@code -prof org.neuromanifold.bench.kernel.LoadProfiler}) that records, for every
 * iteration, how many cores processes other than the benchmark JVM kept busy: (Δ busy jiffies of the
 * machine in /proc/stat − Δ CPU jiffies of this process in /proc/self/stat) / Δ wall time. The result
 * {@code load.others} (cores) is stored per iteration, so a report can keep only the iterations
 * measured on a quiet machine. Linux only; elsewhere it reports NaN.
 */
public final class LoadProfiler implements InternalProfiler {
    /** Jiffies per second of /proc (USER_HZ, 100 on Linux). */
    private static final double HZ = 100.0;

    private long busy0;
    private long own0;
    private long wall0;

    @Override
    public String getDescription() {
        return "CPU cores used by other processes during each iteration (from /proc/stat)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        busy0 = machineBusy();
        own0 = ownCpu();
        wall0 = System.nanoTime();
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long wall = System.nanoTime() - wall0;
        long busy = machineBusy() - busy0;
        long own = ownCpu() - own0;
        double others = busy0 < 0 || own0 < 0 ? Double.NaN : Math.max(0, (busy - own) / HZ / (wall / 1e9));
        return List.of(new ScalarResult("load.others", others, "cores", AggregationPolicy.AVG));
    }

    /** user + nice + system + irq + softirq + steal jiffies over all CPUs, or −1. */
    private static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime jiffies of this process (all its threads), or −1. */
    private static long ownCpu() {
        try {
            String s = Files.readString(Path.of("/proc/self/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
