package org.neuromanifold.symbolic.symja;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.parser.client.SyntaxError;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * The one owner of Symja. Every evaluation runs on an engine thread (a daemon thread with its own
 * {@code ExprEvaluator}; Symja engines are bound to one thread) under a time limit, and comes back as
 * an explicit {@link SymjaResult}: a value, or undecided with the reason. Nothing Symja does can hang or
 * crash the caller: exceptions are caught, and when the limit runs out the caller gets
 * {@link SymjaResult.Reason#TIMEOUT} on time. Symja is asked to stop; an engine thread that does not stop
 * within a short grace period (a few Symja routines, such as integer factoring, never check) is
 * abandoned — it is a daemon and cannot keep the JVM alive — and a fresh one takes its place.
 *
 * <p>Engine threads are pooled: concurrent callers each get their own, so evaluations from several
 * threads run in parallel without sharing an evaluator.
 *
 * <p>Input is Mathematica syntax (case-sensitive): {@code D[Tanh[t], t]}, {@code Simplify[x^2 - x*x]}.
 *
 * <p>Building expressions with Symja's {@code F} factory ({@code F.symbol("W0x1x2")}, {@code F.D(f, x)})
 * depends on the engine bound to the building thread: its default lower-cases names and keeps its own
 * symbols. Every method of this class prepares the calling thread first (strict syntax, the process-wide
 * symbol context), so build expressions on a thread that has called {@link #shared()} or any other
 * method here, or call {@link #prepareThread()}.
 *
 * <p>Usage:
 * <pre>{@code
 * SymjaEngine symja = SymjaEngine.shared();
 * SymjaResult<IExpr> r = symja.evaluate("D[Log[(1 + Tanh[t])/2], t]");
 * if (r instanceof SymjaResult.Value<IExpr> v) { IExpr derivative = v.value(); }
 * }</pre>
 */
public final class SymjaEngine {
    /** System property overriding the default time limit of {@link #shared()}, in milliseconds. */
    public static final String TIME_LIMIT_PROPERTY = "neuromanifold.symja.timeLimitMillis";
    /** The default time limit of one evaluation when the property is not set. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

    /** How long a stopped engine thread may take to become free before it is abandoned. */
    private static final long GRACE_MILLIS = 500;
    private static final AtomicInteger THREAD_COUNTER = new AtomicInteger();
    private static volatile SymjaEngine shared;

    private final Duration timeLimit;
    private final Deque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong evaluations = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();

    private SymjaEngine(Duration timeLimit) {
        this.timeLimit = requirePositive(timeLimit);
    }

    /**
     * The process-wide engine, started on first use, with the default time limit
     * ({@value #TIME_LIMIT_PROPERTY} or {@link #DEFAULT_TIME_LIMIT}).
     */
    public static SymjaEngine shared() {
        SymjaRuntime.prepareThread();
        SymjaEngine s = shared;
        if (s == null) {
            synchronized (SymjaEngine.class) {
                s = shared;
                if (s == null) {
                    s = new SymjaEngine(configuredTimeLimit());
                    shared = s;
                }
            }
        }
        return s;
    }

    /**
     * An engine with its own thread pool and default time limit. Symja's global start-up is shared
     * with every other engine of the process.
     */
    public static SymjaEngine create(Duration timeLimit) {
        SymjaRuntime.prepareThread();
        return new SymjaEngine(timeLimit);
    }

    /**
     * Makes the calling thread safe for building Symja expressions with the {@code F} factory: strict
     * (case-sensitive) syntax and the symbol context shared by every engine thread. Starts Symja if needed.
     */
    public static void prepareThread() {
        SymjaRuntime.prepareThread();
    }

    /**
     * Wall-clock milliseconds that starting Symja took in this process (paid once, by the first engine
     * use; calling this starts Symja if nothing has yet).
     */
    public static long startupMillis() {
        return SymjaRuntime.startupMillis();
    }

    /** The default time limit of each call. */
    public Duration timeLimit() {
        return timeLimit;
    }

    /** Parses and evaluates {@code input} under the default time limit. */
    public SymjaResult<IExpr> evaluate(String input) {
        return evaluate(input, timeLimit);
    }

    /**
     * Parses and evaluates {@code input} under {@code limit}. The result is undecided with
     * {@link SymjaResult.Reason#SYNTAX_ERROR} when it does not parse, {@code TIMEOUT} when the limit ran out
     * or Symja aborted, {@code UNEVALUATED} when an operation such as {@code Eigenvalues} came back
     * unevaluated (the head is named), {@code EXCEPTION} when Symja threw.
     */
    public SymjaResult<IExpr> evaluate(String input, Duration limit) {
        Objects.requireNonNull(input, "input");
        return checked(run(session -> session.eval(input), limit));
    }

    /** Evaluates {@code expr} under the default time limit. */
    public SymjaResult<IExpr> evaluate(IExpr expr) {
        return evaluate(expr, timeLimit);
    }

    /** Evaluates {@code expr} under {@code limit}; outcomes as for {@link #evaluate(String, Duration)}. */
    public SymjaResult<IExpr> evaluate(IExpr expr, Duration limit) {
        Objects.requireNonNull(expr, "expr");
        return checked(run(session -> session.eval(expr), limit));
    }

    /** Parses {@code input} without evaluating it (syntax errors become {@code SYNTAX_ERROR}). */
    public SymjaResult<IExpr> parse(String input) {
        Objects.requireNonNull(input, "input");
        return run(session -> session.parse(input), timeLimit);
    }

    /** Runs {@code task} on an engine thread under the default time limit. */
    public <T> SymjaResult<T> run(SymjaTask<T> task) {
        return run(task, timeLimit);
    }

    /**
     * Runs {@code task} on an engine thread under {@code limit}. Never throws for anything the task or
     * Symja does; the outcome says what happened.
     */
    public <T> SymjaResult<T> run(SymjaTask<T> task, Duration limit) {
        Objects.requireNonNull(task, "task");
        long limitMillis = requirePositive(limit).toMillis();
        SymjaRuntime.prepareThread();
        evaluations.incrementAndGet();
        long t0 = System.nanoTime();
        Worker worker = idle.poll();
        if (worker == null) {
            try {
                worker = new Worker();
            } catch (IllegalStateException e) {
                return new SymjaResult.Undecided<>(SymjaResult.Reason.EXCEPTION, describe(e), elapsed(t0), List.of());
            }
        }
        Future<Outcome<T>> future = worker.submit(task);
        try {
            Outcome<T> outcome = future.get(limitMillis, TimeUnit.MILLISECONDS);
            idle.push(worker);
            return outcome.toResult(elapsed(t0));
        } catch (TimeoutException | CancellationException e) {
            timeouts.incrementAndGet();
            stop(worker, future);
            return new SymjaResult.Undecided<>(SymjaResult.Reason.TIMEOUT, "no result within " + limitMillis + " ms",
                    elapsed(t0), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(worker, future);
            return new SymjaResult.Undecided<>(SymjaResult.Reason.EXCEPTION, "the calling thread was interrupted",
                    elapsed(t0), List.of());
        } catch (ExecutionException e) {
            // Outcome wraps everything the task throws, so this only happens for errors outside it
            idle.push(worker);
            return new SymjaResult.Undecided<>(SymjaResult.Reason.EXCEPTION, describe(e.getCause()), elapsed(t0),
                    List.of());
        }
    }

    /** Counters since this engine was created. */
    public Statistics statistics() {
        return new Statistics(evaluations.get(), timeouts.get(), abandoned.get());
    }

    /**
     * Counters of one engine.
     *
     * @param calls     calls to {@code run}/{@code evaluate}/{@code parse}
     * @param timeouts  calls that ran out of time
     * @param abandoned engine threads that did not stop after a timeout and were replaced
     */
    public record Statistics(long calls, long timeouts, long abandoned) {
    }

    private void stop(Worker worker, Future<?> future) {
        worker.session.engine().stopRequest();
        future.cancel(true);
        if (worker.awaitFree(GRACE_MILLIS)) {
            idle.push(worker);
        } else {
            abandoned.incrementAndGet();
            worker.abandon();
        }
    }

    /** Turns values that are Symja's failure signals into undecided outcomes. */
    private static SymjaResult<IExpr> checked(SymjaResult<IExpr> result) {
        if (!(result instanceof SymjaResult.Value<IExpr> v)) {
            return result;
        }
        IExpr value = v.value();
        if (value.equals(S.$Aborted)) {
            return new SymjaResult.Undecided<>(SymjaResult.Reason.TIMEOUT, "Symja aborted the evaluation", v.millis(),
                    v.messages());
        }
        if (value.equals(S.Null)) {
            return new SymjaResult.Undecided<>(SymjaResult.Reason.EXCEPTION, "Symja returned Null"
                    + messagesSuffix(v.messages()), v.millis(), v.messages());
        }
        var operation = SymjaExprs.unevaluatedOperation(value);
        if (operation.isPresent()) {
            return new SymjaResult.Undecided<>(SymjaResult.Reason.UNEVALUATED, operation.get()
                    + " left unevaluated in " + abbreviate(SymjaExprs.input(value)) + messagesSuffix(v.messages()),
                    v.millis(), v.messages());
        }
        return result;
    }

    private static String messagesSuffix(List<String> messages) {
        return messages.isEmpty() ? "" : " (" + String.join("; ", messages) + ")";
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + abbreviate(message.strip());
    }

    private static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static Duration requirePositive(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("time limit: expected a positive duration, got " + limit);
        }
        return limit;
    }

    private static Duration configuredTimeLimit() {
        String value = System.getProperty(TIME_LIMIT_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_TIME_LIMIT;
        }
        try {
            long millis = Long.parseLong(value.strip());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(TIME_LIMIT_PROPERTY + ": expected a positive number of milliseconds, got '"
                + value + "'");
    }

    /** What a task produced on the engine thread, with the messages Symja printed meanwhile. */
    private record Outcome<T>(T value, Throwable failure, List<String> messages) {
        SymjaResult<T> toResult(long millis) {
            if (failure == null && value != null) {
                return new SymjaResult.Value<>(value, millis, messages);
            }
            if (failure == null) {
                return new SymjaResult.Undecided<>(SymjaResult.Reason.EXCEPTION, "the task returned null", millis,
                        messages);
            }
            if (failure instanceof SyntaxError) {
                return new SymjaResult.Undecided<>(SymjaResult.Reason.SYNTAX_ERROR, describe(failure), millis,
                        messages);
            }
            if (failure instanceof SymjaSession.SymjaStoppedException) {
                return new SymjaResult.Undecided<>(SymjaResult.Reason.TIMEOUT, "stopped at the time limit", millis,
                        messages);
            }
            if (failure instanceof SpecificationException u && u.code() == ErrorCode.UNSUPPORTED) {
                return new SymjaResult.Undecided<>(SymjaResult.Reason.UNSUPPORTED, u.getMessage(), millis, messages);
            }
            return new SymjaResult.Undecided<>(SymjaResult.Reason.EXCEPTION, describe(failure), millis, messages);
        }
    }

    /** One engine thread with its own evaluator. */
    private static final class Worker {
        private final ExecutorService executor;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final SymjaSession session;

        Worker() {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "symja-engine-" + THREAD_COUNTER.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            PrintStream messages = new PrintStream(buffer, true, StandardCharsets.UTF_8);
            try {
                ExprEvaluator evaluator = executor.submit(() -> SymjaRuntime.newEvaluator(messages)).get();
                session = new SymjaSession(evaluator);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
                throw new IllegalStateException("interrupted while starting a Symja engine thread", e);
            } catch (ExecutionException e) {
                executor.shutdownNow();
                throw new IllegalStateException("could not start a Symja engine thread: " + e.getCause(), e.getCause());
            }
        }

        <T> Future<Outcome<T>> submit(SymjaTask<T> task) {
            return executor.submit(() -> {
                Thread.interrupted(); // clear an interrupt left over from a cancelled task
                session.engine().setStopRequested(false);
                org.matheclipse.core.eval.EvalEngine.set(session.engine());
                buffer.reset();
                T value = null;
                Throwable failure = null;
                try {
                    value = task.run(session);
                } catch (Throwable t) {
                    failure = t;
                }
                return new Outcome<>(value, failure, drainMessages());
            });
        }

        private List<String> drainMessages() {
            String text = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        boolean awaitFree(long millis) {
            try {
                executor.submit(() -> {
                }).get(millis, TimeUnit.MILLISECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
        }

        void abandon() {
            executor.shutdownNow();
        }
    }
}
