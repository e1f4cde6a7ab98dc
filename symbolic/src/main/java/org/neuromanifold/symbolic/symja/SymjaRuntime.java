package org.neuromanifold.symbolic.symja;

import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import edu.jas.kern.PreemptStatus;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.ContextPath;
import org.matheclipse.core.interfaces.ISymbol;
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
 * <li>{@code PreemptStatus.setAllow()} (after Symja's start-up, which turns it off): JAS polynomial rings
 * check the thread's interrupt flag, so that a long polynomial GCD stops when {@link SymjaEngine} interrupts
 * it at the time limit (JAS does not look at Symja's stop request).</li>
 * </ul>
 *
 * <p>Symja creates symbols through the evaluation engine bound to the current thread, and each engine has
 * its own {@code Global`} context: the symbol {@code x} parsed by one engine is a different object from
 * the {@code x} of another, and {@code D[x^2, x]} mixing the two gives 0. So every engine this bridge
 * creates or touches shares one {@code Global`} context (backed by a concurrent map), and a thread's
 * default engine, which uses the relaxed (lower-casing) syntax, is switched to strict syntax.
 * {@link #prepareThread()} does both for the calling thread; every class of this package that builds
 * or prints Symja expressions calls it.
 */
final class SymjaRuntime {
    /** Recursion limit of each engine (Symja's own default is 256, enough for our expressions). */
    static final int RECURSION_LIMIT = 512;
    /** Iteration limit of each engine. */
    static final int ITERATION_LIMIT = 100_000;

    private static final Object LOCK = new Object();
    private static volatile long startupMillis = -1;
    private static volatile Context sharedGlobal;

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
                    EvalEngine engine = new EvalEngine("neuromanifold-start", RECURSION_LIMIT, ITERATION_LIMIT,
                            nullStream(), nullStream(), false);
                    new ExprEvaluator(engine, true, (short) 0);
                    // Symja's start-up switches off JAS's pre-emption; with it on, JAS polynomial arithmetic (the
                    // GCDs under Together, Factor, Cancel) stops when the engine thread is interrupted at the time
                    // limit, instead of running on after the caller has given up
                    PreemptStatus.setAllow();
                    sharedGlobal = concurrentGlobalContext(engine.getContextPath().getGlobalContext());
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
        shareGlobalContext(engine);
    }

    /** Makes {@code engine} create and look up user symbols in the process-wide {@code Global`} context. */
    private static void shareGlobalContext(EvalEngine engine) {
        ContextPath path = engine.getContextPath();
        if (path.getGlobalContext() != sharedGlobal) {
            path.setGlobalContext(sharedGlobal);
        }
        if (path.currentContext() != sharedGlobal) {
            path.setCurrentContext(sharedGlobal);
        }
    }

    /**
     * A {@code Global`} context like {@code template} but backed by a concurrent map, so that engine threads
     * can create symbols at the same time. Symja offers no public constructor taking the map; if the
     * private one is not reachable, the template itself is shared (correct, but symbol creation is then
     * not safe under concurrent use).
     */
    private static Context concurrentGlobalContext(Context template) {
        try {
            Constructor<Context> c = Context.class.getDeclaredConstructor(String.class, Context.class, Map.class);
            c.setAccessible(true);
            Map<String, ISymbol> table = new ConcurrentHashMap<>();
            template.entrySet().forEach(e -> table.put(e.getKey(), e.getValue()));
            return c.newInstance(template.getContextName(), null, table);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return template;
        }
    }

    /**
     * A new evaluator bound to the calling thread, strict syntax, messages written to {@code messages}.
     */
    static ExprEvaluator newEvaluator(PrintStream messages) {
        ensureStarted();
        EvalEngine engine = new EvalEngine("neuromanifold", RECURSION_LIMIT, ITERATION_LIMIT, messages, messages,
                false);
        shareGlobalContext(engine);
        ExprEvaluator evaluator = new ExprEvaluator(engine, true, (short) 0);
        shareGlobalContext(engine);
        engine.setQuietMode(false);
        EvalEngine.set(engine);
        return evaluator;
    }

    static PrintStream nullStream() {
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }
}
