package org.neuromanifold.numeric.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The caller plus {@code size − 1} persistent daemon workers that run one blocked GEMM together.
 * Handing a problem over costs a volatile write (and an unpark only when a worker has gone to sleep):
 * an idle worker spins for {@link #SPIN_NANOS} after its last task, then parks. An executor service per
 * call would cost tens of microseconds of hand-off and wake-up per GEMM instead.
 *
 * <p>The team serves one GEMM at a time; {@link #run} returns {@code false} when it is busy (another
 * caller thread got there first), and that caller then computes alone, with bit-identical results.
 */
final class GemmTeam {
    /** How long an idle worker spins before parking. */
    static final long SPIN_NANOS = 200_000;

    private final int size;
    private final Worker[] workers;
    private final SpinBarrier barrier;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final GemmProblem problem = new GemmProblem();
    private double[] packedB0 = new double[0];
    private double[] packedB1 = new double[0];
    private volatile long epoch;
    private volatile boolean shutdown;
    private volatile Throwable failure;
    private boolean started;

    GemmTeam(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a GEMM team needs at least 2 threads, got " + size);
        }
        this.size = size;
        this.barrier = new SpinBarrier(size);
        this.workers = new Worker[size - 1];
    }

    /** Threads in the team, the caller included. */
    int size() {
        return size;
    }

    /**
     * Computes the problem with the whole team, the calling thread taking share 0.
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
            problem.copyFrom(p);
            int need = VectorGemm.packedBSize(p);
            if (packedB0.length < need) {
                packedB0 = new double[need];
                packedB1 = new double[need];
            }
            long e = epoch + 1;
            epoch = e;
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w.thread);
                }
            }
            RuntimeException ownException = null;
            Error ownError = null;
            try {
                VectorGemm.blocked(problem, 0, size, callerWorkspace, packedB0, packedB1, barrier);
            } catch (RuntimeException t) {
                ownException = t;
                barrier.breakBarrier();
            } catch (Error t) {
                ownError = t;
                barrier.breakBarrier();
            }
            for (Worker w : workers) {
                awaitDone(w, e);
            }
            Throwable theirs = failure;
            failure = null;
            barrier.reset();
            if (ownError != null) {
                throw ownError;
            }
            if (ownException != null) {
                throw ownException;
            }
            if (theirs != null) {
                throw new IllegalStateException("GEMM worker thread failed", theirs);
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

    private static void awaitDone(Worker w, long e) {
        int spins = 0;
        while (w.done != e) {
            if (++spins < 1 << 14) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** One persistent worker: waits for a new epoch, computes its share, publishes {@code done}. */
    private final class Worker implements Runnable {
        final int index;
        final Thread thread;
        final GemmWorkspace workspace = new GemmWorkspace();
        volatile long done;
        volatile boolean parked;

        Worker(int index) {
            this.index = index;
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
                try {
                    VectorGemm.blocked(problem, index, size, workspace, packedB0, packedB1, barrier);
                } catch (RuntimeException | Error t) {
                    failure = t;
                    barrier.breakBarrier();
                }
                done = e;
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
