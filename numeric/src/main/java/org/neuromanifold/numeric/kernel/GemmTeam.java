package org.neuromanifold.numeric.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The caller plus {@code size − 1} persistent daemon workers that run one blocked GEMM together.
 *
 * <p><b>Hand-off.</b> Publishing a problem costs a volatile write, plus an unpark only for a worker that
 * has gone to sleep: an idle worker spins for {@link #SPIN_NANOS} after its last task, then parks. (An
 * executor service per call would cost tens of microseconds of hand-off and wake-up per GEMM.)
 *
 * <p><b>Work sharing.</b> For each panel of B (KC×NC, double-buffered) the threads claim tasks from
 * atomic counters: first groups of B strips to pack, then blocks of rows of C to multiply. Nobody owns a
 * fixed share, so when the machine is busy and a worker is descheduled (or never wakes up in time), the
 * caller simply takes the remaining tasks; a worker that arrives after the caller has finished does not
 * join at all. Which thread computes a block never changes its bits: every entry of C is still
 * c ← fma(α·a_ip, b_pj, c) over p in order, and a block of rows is multiplied by the next panel only
 * after every thread has finished the previous one.
 *
 * <p>The team serves one GEMM at a time; {@link #run} returns {@code false} when another caller holds it,
 * and that caller then computes alone.
 */
final class GemmTeam {
    /** How long an idle worker spins before parking. */
    static final long SPIN_NANOS = 200_000;
    /** B strips per packing task. */
    private static final int STRIPS_PER_TASK = 4;
    /** Spins in a wait before it starts yielding the CPU. */
    private static final int SPINS_BEFORE_YIELD = 1 << 8;
    private static final long CLOSED = 1L << 31;

    private final int size;
    private final Worker[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final GemmProblem problem = new GemmProblem();
    /** Epoch in the high 32 bits, CLOSED, and the number of workers that joined in the low bits. */
    private final AtomicLong membership = new AtomicLong();
    private final AtomicInteger left = new AtomicInteger();
    /** Per panel q: [4q] next pack task, [4q+1] pack tasks done, [4q+2] next row task, [4q+3] row tasks done. */
    private AtomicIntegerArray counters = new AtomicIntegerArray(0);
    private double[] packedB0 = new double[0];
    private double[] packedB1 = new double[0];
    private int rowsPerTask;
    private int rowTasks;
    private int panels;
    private boolean inPlace;
    private long epochCount;
    private boolean started;
    private volatile long epoch;
    private volatile boolean shutdown;
    private volatile boolean aborted;
    private volatile Throwable failure;

    GemmTeam(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a GEMM team needs at least 2 threads, got " + size);
        }
        this.size = size;
        this.workers = new Worker[size - 1];
    }

    /**
     * Computes the problem (k ≥ 1) with whoever of the team shows up, the caller included.
     *
     * @return false (and nothing computed) when the team is busy with another caller or shut down
     */
    boolean run(GemmProblem p, GemmWorkspace callerWorkspace) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            if (shutdown) {
                return false;
            }
            startWorkersOnce();
            plan(p);
            long e = ++epochCount;
            membership.set((e & 0xffff_ffffL) << 32);
            left.set(0);
            aborted = false;
            failure = null;
            epoch = e;
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w.thread);
                }
            }
            RuntimeException ownException = null;
            Error ownError = null;
            try {
                work(callerWorkspace);
                await(4 * (panels - 1) + 3, rowTasks);
            } catch (RuntimeException t) {
                ownException = t;
                aborted = true;
            } catch (Error t) {
                ownError = t;
                aborted = true;
            }
            // (if a worker failed first, the caller's exception above is only the abort it caused)
            int joined = close(e);
            for (int spins = 0; left.get() != joined; spins++) {
                pause(spins);
            }
            Throwable theirs = failure; // set only by the first thread to fail, so it is the cause
            if (theirs != null) {
                throw new IllegalStateException("GEMM worker thread failed", theirs);
            }
            if (ownError != null) {
                throw ownError;
            }
            if (ownException != null) {
                throw ownException;
            }
            return true;
        } finally {
            problem.clear();
            busy.set(false);
        }
    }

    /** Stops the workers (after the GEMM in progress, if any); the team refuses work afterwards. */
    void shutdown() {
        while (!busy.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
        shutdown = true;
        epoch = epoch + 1;
        for (Worker w : workers) {
            if (w != null) {
                LockSupport.unpark(w.thread);
            }
        }
        busy.set(false);
    }

    /** Copies the problem, sizes the tasks and buffers, and zeroes the counters (before publishing). */
    private void plan(GemmProblem p) {
        problem.copyFrom(p);
        // about four row tasks per thread, whole strips, at most one packed A block each
        int rows = (p.m + 4 * size - 1) / (4 * size);
        rowsPerTask = Math.min(VectorGemm.MC, Math.max(VectorGemm.MR, (rows + VectorGemm.MR - 1) / VectorGemm.MR
                * VectorGemm.MR));
        rowTasks = (p.m + rowsPerTask - 1) / rowsPerTask;
        panels = ((p.n + VectorGemm.NC - 1) / VectorGemm.NC) * ((p.k + VectorGemm.KC - 1) / VectorGemm.KC);
        inPlace = VectorGemm.aInPlace(p);
        if (counters.length() < 4 * panels) {
            counters = new AtomicIntegerArray(4 * panels);
        } else {
            for (int i = 0; i < 4 * panels; i++) {
                counters.set(i, 0);
            }
        }
        int need = VectorGemm.packedBSize(p);
        if (packedB0.length < need) {
            packedB0 = new double[need];
            packedB1 = new double[need];
        }
    }

    /** One thread's part: claim and run tasks, panel after panel. */
    private void work(GemmWorkspace ws) {
        GemmProblem p = problem;
        int q = 0;
        for (int jc = 0; jc < p.n; jc += VectorGemm.NC) {
            int nc = Math.min(VectorGemm.NC, p.n - jc);
            int strips = VectorGemm.strips(nc);
            int packTasks = (strips + STRIPS_PER_TASK - 1) / STRIPS_PER_TASK;
            for (int pc = 0; pc < p.k; pc += VectorGemm.KC, q++) {
                int kc = Math.min(VectorGemm.KC, p.k - pc);
                double[] packedB = (q & 1) == 0 ? packedB0 : packedB1;
                if (q >= 2) {
                    await(4 * (q - 2) + 3, rowTasks); // nobody still reads this buffer's previous panel
                }
                for (int t; (t = counters.getAndIncrement(4 * q)) < packTasks;) {
                    int s0 = t * STRIPS_PER_TASK;
                    VectorGemm.packPanel(p, pc, kc, jc, s0, Math.min(strips, s0 + STRIPS_PER_TASK), packedB);
                    counters.incrementAndGet(4 * q + 1);
                }
                await(4 * q + 1, packTasks);
                if (q >= 1) {
                    await(4 * (q - 1) + 3, rowTasks); // every block of C has taken the previous panel
                }
                for (int t; (t = counters.getAndIncrement(4 * q + 2)) < rowTasks;) {
                    int r0 = t * rowsPerTask;
                    int r1 = Math.min(p.m, r0 + rowsPerTask);
                    if (q == 0) {
                        VectorGemm.scaleRows(p.beta, p.c, p.cOff, p.ldc, p.n, r0, r1);
                    }
                    VectorGemm.multiplyRows(p, r0, r1, jc, nc, pc, kc, inPlace, ws, packedB);
                    counters.incrementAndGet(4 * q + 3);
                }
            }
        }
    }

    /** Waits until counter {@code index} reaches {@code target}, or throws if another thread failed. */
    private void await(int index, int target) {
        for (int spins = 0; counters.get(index) < target; spins++) {
            if (aborted) {
                throw new IllegalStateException("GEMM aborted: another thread of the team failed");
            }
            pause(spins);
        }
    }

    /** Spin briefly, then give the CPU away (a partner may be waiting for it on a busy machine). */
    private static void pause(int spins) {
        if (spins < SPINS_BEFORE_YIELD) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** A worker joins epoch e unless the caller has closed it; true if it joined. */
    private boolean join(long e) {
        long tag = (e & 0xffff_ffffL) << 32;
        while (true) {
            long s = membership.get();
            if ((s & ~0xffff_ffffL) != tag || (s & CLOSED) != 0) {
                return false;
            }
            if (membership.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    /** Closes epoch e to late workers; returns how many joined. */
    private int close(long e) {
        while (true) {
            long s = membership.get();
            if (membership.compareAndSet(s, s | CLOSED)) {
                return (int) (s & (CLOSED - 1));
            }
        }
    }

    private void startWorkersOnce() {
        if (started) {
            return;
        }
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
        }
        for (Worker w : workers) {
            w.thread.start();
        }
        started = true;
    }

    /** One persistent worker: waits for a new epoch, joins it if still open, takes tasks, leaves. */
    private final class Worker implements Runnable {
        final Thread thread;
        final GemmWorkspace workspace = new GemmWorkspace();
        volatile boolean parked;

        Worker(int index) {
            this.thread = new Thread(this, "neuromanifold-gemm-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long e = awaitEpoch(seen);
                if (shutdown) {
                    return;
                }
                seen = e;
                if (!join(e)) {
                    continue;
                }
                try {
                    work(workspace);
                } catch (RuntimeException | Error t) {
                    if (!aborted) {
                        failure = t;
                        aborted = true;
                    }
                } finally {
                    left.incrementAndGet();
                }
            }
        }

        private long awaitEpoch(long seen) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (true) {
                for (int i = 0; i < 64; i++) {
                    long e = epoch;
                    if (e != seen) {
                        return e;
                    }
                    Thread.onSpinWait();
                }
                if (System.nanoTime() - spinUntil > 0) {
                    parked = true;
                    if (epoch == seen) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    spinUntil = System.nanoTime() + SPIN_NANOS;
                }
            }
        }
    }
}
