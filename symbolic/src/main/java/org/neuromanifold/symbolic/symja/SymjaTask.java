package org.neuromanifold.symbolic.symja;

/**
 * Symja work run by {@link SymjaEngine#run} on an engine thread under one time limit. Use it when several
 * evaluations belong together (e.g. differentiate, then simplify) and should share one limit.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface SymjaTask<T> {
    /**
     * Does the work.
     *
     * @param session the engine thread's session; valid only during this call
     * @return the result (not {@code null})
     * @throws Exception anything; it becomes an {@link SymjaResult.Undecided} with reason
     *                   {@link SymjaResult.Reason#EXCEPTION} (or {@code SYNTAX_ERROR} for parse errors)
     */
    T run(SymjaSession session) throws Exception;
}
