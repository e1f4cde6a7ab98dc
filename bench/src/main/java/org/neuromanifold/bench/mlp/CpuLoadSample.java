package org.neuromanifold.bench.mlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reading of the machine's CPU counters, to tell how much CPU other processes used while a
 * benchmark sample ran (the machine is shared). Linux only: busy time of all CPUs from the first line
 * of {@code /proc/stat} (user + nice + system + irq + softirq; idle, iowait and steal excluded) and
 * this process's own CPU time from {@code /proc/self/stat} (utime + stime, all threads), both in
 * clock ticks of {@link #TICKS_PER_SECOND}.
 *
 * @param wallNanos   {@link System#nanoTime()} at the reading
 * @param busyTicks   busy ticks of all CPUs since boot, or −1 if {@code /proc} is not readable
 * @param ownTicks    CPU ticks of this process since it started, or −1 if not readable
 */
public record CpuLoadSample(long wallNanos, long busyTicks, long ownTicks) {
    /** USER_HZ: the unit of /proc/stat and /proc/[pid]/stat on every mainstream Linux ABI. */
    public static final double TICKS_PER_SECOND = 100.0;

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final Path PROC_SELF_STAT = Path.of("/proc/self/stat");

    /** Reads the counters now. */
    public static CpuLoadSample now() {
        long busy = -1;
        long own = -1;
        try {
            busy = parseBusyTicks(Files.readString(PROC_STAT));
            own = parseOwnTicks(Files.readString(PROC_SELF_STAT));
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is hidden: the load is reported as unknown (NaN)
        }
        return new CpuLoadSample(System.nanoTime(), busy, own);
    }

    /** Busy ticks from the text of {@code /proc/stat} (its aggregate {@code cpu} line). */
    public static long parseBusyTicks(String procStat) {
        String first = procStat.lines().findFirst().orElse("");
        String[] f = first.trim().split("\\s+");
        if (f.length < 8 || !f[0].equals("cpu")) {
            throw new IllegalArgumentException("/proc/stat: expected a first line 'cpu user nice system idle iowait irq "
                    + "softirq ...', got '" + first + "'");
        }
        long user = Long.parseLong(f[1]);
        long nice = Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]);
        long irq = Long.parseLong(f[6]);
        long softirq = Long.parseLong(f[7]);
        return user + nice + system + irq + softirq;
    }

    /** utime + stime from the text of {@code /proc/[pid]/stat}; the command name may hold spaces. */
    public static long parseOwnTicks(String pidStat) {
        int close = pidStat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("/proc/self/stat: no ')' after the command name in '" + pidStat + "'");
        }
        // fields after the command: state(3) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(14) stime(15)
        String[] f = pidStat.substring(close + 1).trim().split("\\s+");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * Cores used by other processes between {@code start} and this reading: (busy − own) / wall, at
     * least 0, or NaN if either reading is unknown.
     */
    public double otherCoresSince(CpuLoadSample start) {
        if (busyTicks < 0 || start.busyTicks < 0 || ownTicks < 0 || start.ownTicks < 0) {
            return Double.NaN;
        }
        double seconds = (wallNanos - start.wallNanos) / 1e9;
        double others = ((busyTicks - start.busyTicks) - (ownTicks - start.ownTicks)) / TICKS_PER_SECOND;
        return Math.max(0.0, others / seconds);
    }

    /** Cores used by this process between {@code start} and this reading, or NaN if unknown. */
    public double ownCoresSince(CpuLoadSample start) {
        if (ownTicks < 0 || start.ownTicks < 0) {
            return Double.NaN;
        }
        double seconds = (wallNanos - start.wallNanos) / 1e9;
        return (ownTicks - start.ownTicks) / TICKS_PER_SECOND / seconds;
    }
}
