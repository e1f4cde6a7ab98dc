package org.neuromanifold.bench.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many cores other processes kept busy during a measurement: (busy CPU time of the machine − CPU
 * time of this process) / wall time, from {@code /proc/stat} and {@code /proc/self/stat} (Linux only;
 * elsewhere the figure is NaN). The machine is shared, so every throughput figure is reported with it.
 */
final class MachineLoad {
    private long busy0;
    private long own0;
    private long wall0;

    /** Starts a measurement window. */
    void start() {
        busy0 = machineBusyTicks();
        own0 = ownTicks();
        wall0 = System.nanoTime();
    }

    /** Cores used by other processes since {@link #start()}. */
    double otherCores() {
        long busy = machineBusyTicks() - busy0;
        long own = ownTicks() - own0;
        double seconds = (System.nanoTime() - wall0) / 1e9;
        if (busy0 < 0 || own0 < 0 || seconds <= 0) {
            return Double.NaN;
        }
        return Math.max(0, (busy - own) / TICKS_PER_SECOND / seconds);
    }

    /** USER_HZ; 100 on every Linux this project runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private static long machineBusyTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0); // "cpu  user nice system idle iowait ..."
            String[] f = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return total - idle;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ownTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
