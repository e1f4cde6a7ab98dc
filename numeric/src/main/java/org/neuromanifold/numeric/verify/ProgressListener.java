package org.neuromanifold.numeric.verify;

/**
 * Progress of a verification run, reported on the thread that called the verifier (never on a worker
 * thread), a few times per second while trials run.
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void trials(int done, int total) {
        }
    };

    /** {@code done} of {@code total} trials are evaluated. */
    void trials(int done, int total);

    /** The trials are done; a failing instance is being shrunk. */
    default void shrinking() {
    }
}
