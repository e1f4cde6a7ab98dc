package org.neuromanifold.symbolic.symja;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.parser.client.ParserConfig;

/**
 * Process-wide Symja set-up, done once: global flags, the first (expensive) engine start, and the
 * measurement of its cost.
 *
 * <p>Flags set before anything else touches Symja:
 * <ul>
 * <li>{@code Config.JAS_NO_THREADS = true}: otherwise the JAS library leaves a non-daemon thread pool
 * behind after a {@code Simplify} and the JVM cannot exit for about a minute;</li>
 * <li>{@code ParserConfig.PARSER_USE_LOWERCASE_SYMBOLS = false}: Mathematica (case-sensitive) syntax, so
 * that a symbol such as {@code W0x1x2} keeps its case and {@code beta} is not read as the built-in
 * {@code Beta}.</li>
 * </ul>
 *
 * <p>Symja creates symbols through the evaluation engine bound to the current thread, and a thread's
 * default engine uses the relaxed (lower-casing) syntax. {@link #prepareThread()} binds a strict engine
 * to the calling thread; every class of this package that builds or prints Symja expressions calls it.
 */
final class SymjaRuntime {
    /** Recursion limit of each engine (Symja's own default is 256, enough for our expressions). */
    static final int RECURSION_LIMIT = 512;
    /** Iteration limit of each engine. */
    static final int ITERATION_LIMIT = 100_000;

    private static final Object LOCK = new Object();
    private static volatile long startupMillis = -1;

    private SymjaRuntime() {
    }

    /**
     * Sets the global flags and starts the first engine (on a separate thread, joined), measuring the
     * cost. Idempotent and thread-safe; later calls return immediately.
     */
    static void ensureStarted() {
        if (startupMillis >= 0) {
            return;
        }
        synchronized (LOCK) {
            if (startupMillis >= 0) {
                return;
            }
            Config.JAS_NO_THREADS = true;
            ParserConfig.PARSER_USE_LOWERCASE_SYMBOLS = false;
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long t0 = System.nanoTime();
            Thread starter = new Thread(() -> {
                try {
                    newEvaluator(nullStream());
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "symja-start");
            starter.setDaemon(true);
            starter.start();
            try {
                starter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting Symja", e);
            }
            if (failure.get() != null) {
                throw new IllegalStateException("Symja failed to start: " + failure.get(), failure.get());
            }
            startupMillis = Math.max(0, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Wall-clock milliseconds the first engine start took in this process (starting it if needed). */
    static long startupMillis() {
        ensureStarted();
        return startupMillis;
    }

    /**
     * Makes the calling thread safe for building Symja expressions: starts Symja if needed and makes
     * the thread's engine use strict (case-sensitive) syntax.
     */
    static void prepareThread() {
        ensureStarted();
        EvalEngine engine = EvalEngine.get();
        if (engine.isRelaxedSyntax()) {
            engine.setRelaxedSyntax(false);
        }
    }

    /**
     * A new evaluator bound to the calling thread, strict syntax, messages written to {@code messages}.
     */
    static ExprEvaluator newEvaluator(PrintStream messages) {
        EvalEngine engine = new EvalEngine("neuromanifold", RECURSION_LIMIT, ITERATION_LIMIT, messages, messages,
                false);
        ExprEvaluator evaluator = new ExprEvaluator(engine, true, (short) 0);
        engine.setQuietMode(false);
        EvalEngine.set(engine);
        return evaluator;
    }

    static PrintStream nullStream() {
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }
}
