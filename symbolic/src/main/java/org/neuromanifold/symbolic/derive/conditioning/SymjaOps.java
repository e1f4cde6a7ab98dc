package org.neuromanifold.symbolic.derive.conditioning;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaResult;

/**
 * The Symja operations of the conditioning derivations, on the shared engine: a template such as
 * {@code "D[%s, {{w1, w2}, 2}]"} filled with the input form of expressions and evaluated under a time
 * limit. When Symja gives no value the operation throws {@link Unavailable} with the reason; the
 * derivers turn it into an undecided last step (see {@link Chain#stop}).
 */
final class SymjaOps {
    /** Limit of ordinary operations (Expand, D, Simplify, CoefficientRules, Solve). */
    static final Duration LIMIT = Duration.ofSeconds(10);
    /** Limit of definite integrals (Symja's integrator takes about a second per moment, more when cold). */
    static final Duration INTEGRAL_LIMIT = Duration.ofSeconds(40);

    private SymjaOps() {
    }

    /** Symja gave no value for an operation; the message says which and why. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /** Parses {@code input} without evaluating it (for definitions, kept as written). */
    static IExpr parse(String input) {
        SymjaResult<IExpr> r = SymjaEngine.shared().parse(input);
        if (r instanceof SymjaResult.Value<IExpr> v) {
            return v.value();
        }
        throw new Unavailable("Symja could not parse " + input + ": " + r.describe());
    }

    /** Evaluates {@code template} with each {@code %s} replaced by the input form of an argument. */
    static IExpr eval(String template, IExpr... args) {
        return eval(LIMIT, template, args);
    }

    /** {@link #eval(String, IExpr...)} under another time limit. */
    static IExpr eval(Duration limit, String template, IExpr... args) {
        Object[] inputs = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            inputs[i] = "(" + SymjaExprs.input(Objects.requireNonNull(args[i], "argument " + i)) + ")";
        }
        String input = String.format(Locale.ROOT, template, inputs);
        SymjaResult<IExpr> r = SymjaEngine.shared().evaluate(input, limit);
        if (r instanceof SymjaResult.Value<IExpr> v) {
            return v.value();
        }
        throw new Unavailable(abbreviate(input) + ": " + r.describe());
    }

    /** {@code expr} with symbols replaced (structurally, without evaluation). */
    static IExpr substitute(IExpr expr, Map<String, IExpr> replacements) {
        SymjaEngine.prepareThread();
        IExpr r = expr.replaceAll(sub -> sub instanceof ISymbol s && replacements.containsKey(s.getSymbolName())
                ? replacements.get(s.getSymbolName()) : F.NIL);
        return r.isPresent() ? r : expr;
    }

    /** The symbol {@code name} (on a thread prepared for Symja). */
    static ISymbol symbol(String name) {
        SymjaEngine.prepareThread();
        return F.symbol(name);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
