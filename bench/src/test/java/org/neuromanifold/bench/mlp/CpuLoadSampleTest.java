package org.neuromanifold.bench.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuLoadSampleTest {
    @Test
    void busyTicksAreUserNiceSystemIrqSoftirq() {
        String stat = "cpu  100 20 30 9000 7 4 5 60 0 0\ncpu0 50 10 15 4500 3 2 2 30 0 0\n";
        assertEquals(100 + 20 + 30 + 4 + 5, CpuLoadSample.parseBusyTicks(stat));
        assertThrows(IllegalArgumentException.class, () -> CpuLoadSample.parseBusyTicks("intr 1 2 3\n"));
    }

    @Test
    void ownTicksSurviveSpacesAndParenthesesInTheCommandName() {
        String pidStat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 321 79 0 0 20 0 30 0";
        assertEquals(321 + 79, CpuLoadSample.parseOwnTicks(pidStat));
    }

    @Test
    void otherCoresAreBusyMinusOwnOverWallTime() {
        CpuLoadSample start = new CpuLoadSample(0L, 1_000, 500);
        // 2 s: all CPUs busy 300 ticks (3 core-seconds), this process 100 ticks (1 core-second)
        CpuLoadSample end = new CpuLoadSample(2_000_000_000L, 1_300, 600);
        assertEquals(1.0, end.otherCoresSince(start), 1e-12);
        assertEquals(0.5, end.ownCoresSince(start), 1e-12);
        // accounting jitter never reports a negative load
        assertEquals(0.0, new CpuLoadSample(2_000_000_000L, 1_050, 600).otherCoresSince(start), 0.0);
        assertTrue(Double.isNaN(new CpuLoadSample(1L, -1, -1).otherCoresSince(start)));
    }

    @Test
    void liveReadingIsConsistentOnLinux() {
        CpuLoadSample a = CpuLoadSample.now();
        if (a.busyTicks() < 0) {
            return; // not Linux: nothing to read, and the profiler reports NaN
        }
        double sink = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sink += Math.sqrt(i);
        }
        CpuLoadSample b = CpuLoadSample.now();
        assertTrue(sink > 0 && b.busyTicks() >= a.busyTicks() && b.ownTicks() >= a.ownTicks());
    }
}
