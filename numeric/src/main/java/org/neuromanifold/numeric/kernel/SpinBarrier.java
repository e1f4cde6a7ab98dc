package org.neuromanifold.numeric.kernel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for a fixed number of threads that spins (then yields, so a descheduled partner
 * on a busy machine can run) instead of blocking: the waits inside one GEMM last microseconds, far less
 * than a park/unpark round trip. It can be broken, which makes every waiter throw, so a failure in one
 * thread cannot leave the others spinning forever.
 */
final class SpinBarrier {
    private static final int SPINS_BEFORE_YIELD = 1 << 12;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile boolean broken;

    SpinBarrier(int parties) {
        this.parties = parties;
    }

    /** Waits until all parties have called this method for the current generation. */
    void await() {
        int gen = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = gen + 1;
            return;
        }
        int spins = 0;
        while (generation == gen) {
            if (broken) {
                throw new IllegalStateException("GEMM barrier broken: another thread of the team failed");
            }
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Makes current and future waiters throw until {@link #reset()}. */
    void breakBarrier() {
        broken = true;
    }

    /** Restores a broken barrier once every party has left it. */
    void reset() {
        arrived.set(0);
        broken = false;
    }
}
