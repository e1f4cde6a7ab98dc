package org.neuromanifold.symbolic.symja;

import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** Small read-only helpers on Symja expressions. */
public final class SymjaExprs {
    /**
     * Heads that denote an operation rather than a value: when one survives evaluation, Symja did not
     * carry the operation out (e.g. {@code Eigenvalues} of a symbolic matrix, {@code D} of {@code Max}).
     */
    static final Set<String> OPERATION_HEADS = Set.of("D", "Derivative", "Integrate", "NIntegrate", "Simplify",
            "FullSimplify", "Together", "TrigToExp", "ExpToTrig", "Eigenvalues", "Eigenvectors",
            "CharacteristicPolynomial", "Solve", "NSolve", "Reduce", "Resolve", "Limit", "Series", "Sum", "Refine",
            "Factor", "Expand", "ExpandAll", "Apart", "Cancel", "Det", "Inverse", "PiecewiseExpand", "FindRoot",
            "Hold", "HoldForm", "Expectation", "Probability", "TimeConstrained", "Rationalize");

    private SymjaExprs() {
    }

    /** The expression in Symja's (Mathematica) input syntax, e.g. {@code Sech[t]^2/(1 + Tanh[t])}. */
    public static String input(IExpr expr) {
        return expr.toMMA();
    }

    /**
     * The first operation head left unevaluated in {@code expr} (searched in head position, depth
     * first), e.g. {@code "Eigenvalues"} or {@code "Derivative"}; empty when there is none.
     */
    public static Optional<String> unevaluatedOperation(IExpr expr) {
        if (expr instanceof IAST ast) {
            IExpr head = ast.head();
            if (head instanceof ISymbol s && OPERATION_HEADS.contains(s.getSymbolName())) {
                return Optional.of(s.getSymbolName());
            }
            Optional<String> inHead = unevaluatedOperation(head);
            if (inHead.isPresent()) {
                return inHead;
            }
            for (int i = 1; i <= ast.argSize(); i++) {
                Optional<String> inArg = unevaluatedOperation(ast.get(i));
                if (inArg.isPresent()) {
                    return inArg;
                }
            }
        }
        return Optional.empty();
    }

    /** The names of the user (non built-in) symbols in {@code expr}, sorted. */
    public static SortedSet<String> freeSymbols(IExpr expr) {
        SortedSet<String> out = new TreeSet<>();
        collectSymbols(expr, out);
        return out;
    }

    private static void collectSymbols(IExpr expr, SortedSet<String> out) {
        if (expr instanceof IAST ast) {
            collectSymbols(ast.head(), out);
            for (int i = 1; i <= ast.argSize(); i++) {
                collectSymbols(ast.get(i), out);
            }
        } else if (expr instanceof ISymbol s && !s.isBuiltInSymbol() && !expr.isNumber()) {
            out.add(s.getSymbolName());
        }
    }

    /** Whether {@code expr} contains a subexpression with head {@code head}. */
    public static boolean containsHead(IExpr expr, ISymbol head) {
        if (expr instanceof IAST ast) {
            if (ast.head().equals(head)) {
                return true;
            }
            for (int i = 1; i <= ast.argSize(); i++) {
                if (containsHead(ast.get(i), head)) {
                    return true;
                }
            }
            return containsHead(ast.head(), head);
        }
        return false;
    }
}
