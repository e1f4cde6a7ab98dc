package org.neuromanifold.symbolic.derive.rfim;

import java.util.HashMap;
import java.util.Map;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;

/**
 * An evaluated Symja expression with every maximal non-polynomial subexpression (a function application
 * such as {@code LogisticSigmoid[u]} or {@code Log[s]}, an exponential {@code E^a}, a power with a
 * non-integer exponent) replaced by a fresh symbol, the same subexpression by the same symbol. What is
 * left is a rational expression in symbols, which Expand multiplies out by plain polynomial arithmetic,
 * without the pattern matching that the exponentials and functions cost it.
 *
 * <p>Sound for zero tests: if the skeleton is identically 0 as an expression in independent symbols, it is
 * 0 at every value of them, in particular at the subexpressions they stand for. The converse fails (the
 * skeleton of e^a e^b − e^{a+b} is not 0), so a nonzero skeleton proves nothing and the caller falls back
 * to the full expression.
 */
final class PolynomialSkeleton {
    private final Map<IExpr, IExpr> opaque = new HashMap<>();
    private final String prefix;

    /** @param prefix the name prefix of the fresh symbols (must not clash with the expression's own symbols) */
    PolynomialSkeleton(String prefix) {
        this.prefix = prefix;
    }

    /** The skeleton of {@code e}; call on a thread prepared for Symja. */
    IExpr of(IExpr e) {
        if (e.isAtom()) {
            return e;
        }
        IAST ast = (IAST) e;
        boolean polynomialNode = ast.isPlus() || ast.isTimes()
                || ast.isPower() && ast.exponent().isInteger() && !ast.base().equals(S.E);
        if (!polynomialNode) {
            return opaque.computeIfAbsent(e, k -> F.symbol(prefix + (opaque.size() + 1)));
        }
        IASTAppendable out = F.ast(ast.head(), ast.argSize());
        for (int i = 1; i <= ast.argSize(); i++) {
            out.append(of(ast.get(i)));
        }
        return out;
    }

    /** The rules symbol → subexpression that undo the skeletons made so far. */
    IAST restoringRules() {
        IASTAppendable rules = F.ListAlloc(opaque.size());
        opaque.forEach((subexpression, symbol) -> rules.append(F.Rule(symbol, subexpression)));
        return rules;
    }

    /** How many distinct subexpressions became symbols. */
    int opaqueCount() {
        return opaque.size();
    }
}
