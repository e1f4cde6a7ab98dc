package org.neuromanifold.bench.peers;

import java.util.Locale;

/**
 * Shared rules of the peer benchmarks: every peer takes its intra-op thread count from the JMH
 * parameter {@code threads}, and native thread pools that read the environment must see the same
 * number, so a run with {@code -p threads=N} must also export {@code OMP_NUM_THREADS=N} (bench/run-mlp.sh
 * does both).
 */
final class PeerSettings {
    private PeerSettings() {
    }

    /**
     * Fails unless {@code threads} is positive and every named environment variable equals it.
     *
     * @param engine    the peer, named in the message
     * @param threads   the value of the JMH parameter {@code threads}
     * @param variables environment variables that the peer's native code reads
     */
    static void requireThreadEnvironment(String engine, int threads, String... variables) {
        if (threads < 1) {
            throw new IllegalArgumentException(engine + ": parameter threads: expected a positive count, got " + threads);
        }
        for (String variable : variables) {
            String value = System.getenv(variable);
            if (value == null || !value.trim().equals(Integer.toString(threads))) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s: run with %s=%d to match -p threads=%d (found %s); bench/run-mlp.sh sets it",
                        engine, variable, threads, threads, value == null ? "unset" : "'" + value + "'"));
            }
        }
    }
}
