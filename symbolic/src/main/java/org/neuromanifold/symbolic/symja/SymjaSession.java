package org.neuromanifold.symbolic.symja;

import java.util.Objects;

import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The view of one engine thread that a {@link SymjaTask} gets: evaluate and parse on that thread's own
 * evaluator. Valid only inside {@link SymjaTask#run}; the time limit of the surrounding
 * {@link SymjaEngine#run} call applies to everything done here.
 */
public final class SymjaSession {
    private final ExprEvaluator evaluator;

    SymjaSession(ExprEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Evaluates {@code expr}. */
    public IExpr eval(IExpr expr) {
        Objects.requireNonNull(expr, "expr");
        checkStop();
        return evaluator.eval(expr);
    }

    /**
     * Parses and evaluates {@code input} (Mathematica syntax, e.g. {@code "D[Tanh[t], t]"}).
     *
     * @throws org.matheclipse.parser.client.SyntaxError when the input does not parse
     */
    public IExpr eval(String input) {
        Objects.requireNonNull(input, "input");
        checkStop();
        return evaluator.eval(input);
    }

    /**
     * Parses {@code input} without evaluating it.
     *
     * @throws org.matheclipse.parser.client.SyntaxError when the input does not parse
     */
    public IExpr parse(String input) {
        Objects.requireNonNull(input, "input");
        return evaluator.parse(input);
    }

    /** Whether the surrounding call's time limit has run out (long tasks should check it between steps). */
    public boolean stopRequested() {
        return evaluator.getEvalEngine().isStopRequested() || Thread.currentThread().isInterrupted();
    }

    private void checkStop() {
        if (stopRequested()) {
            throw new SymjaStoppedException();
        }
    }

    /** Thrown inside a task when its time limit ran out between two evaluations. */
    static final class SymjaStoppedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SymjaStoppedException() {
            super("time limit reached", null, false, false);
        }
    }

    EvalEngine engine() {
        return evaluator.getEvalEngine();
    }
}
