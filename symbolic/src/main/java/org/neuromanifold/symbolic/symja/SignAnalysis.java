package org.neuromanifold.symbolic.symja;

import java.util.Map;

import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A syntactic sign proof over the reals: sums of nonnegative terms, products and quotients of factors
 * of known sign, even powers, and functions that are positive everywhere ({@code E^u}, {@code Sech},
 * {@code Cosh}, {@code LogisticSigmoid}) or nonnegative ({@code Abs}, square roots). Symbols take their
 * sign from the bounds in the assumptions ({@code omega > 0}). Sound but incomplete: {@link Sign#UNKNOWN}
 * means "no proof", not "indefinite".
 */
final class SignAnalysis {
    /** What is known about the sign of an expression. */
    enum Sign {
        POSITIVE, NONNEGATIVE, ZERO, NONPOSITIVE, NEGATIVE, UNKNOWN;

        boolean atLeastZero() {
            return this == POSITIVE || this == NONNEGATIVE || this == ZERO;
        }

        boolean atMostZero() {
            return this == NEGATIVE || this == NONPOSITIVE || this == ZERO;
        }

        boolean strict() {
            return this == POSITIVE || this == NEGATIVE;
        }

        Sign negate() {
            return switch (this) {
                case POSITIVE -> NEGATIVE;
                case NONNEGATIVE -> NONPOSITIVE;
                case NONPOSITIVE -> NONNEGATIVE;
                case NEGATIVE -> POSITIVE;
                default -> this;
            };
        }
    }

    private final Map<String, NumericProbe.Interval> bounds;

    SignAnalysis(Map<String, NumericProbe.Interval> bounds) {
        this.bounds = bounds;
    }

    Sign of(IExpr e) {
        if (e.isNumber()) {
            return number(e);
        }
        if (e instanceof ISymbol s) {
            return symbol(s);
        }
        if (!(e instanceof IAST ast) || !(ast.head() instanceof ISymbol head)) {
            return Sign.UNKNOWN;
        }
        return switch (head.getSymbolName()) {
            case "Plus" -> {
                Sign acc = Sign.ZERO;
                for (int i = 1; i <= ast.argSize(); i++) {
                    acc = add(acc, of(ast.get(i)));
                }
                yield acc;
            }
            case "Times" -> {
                Sign acc = Sign.POSITIVE;
                for (int i = 1; i <= ast.argSize(); i++) {
                    acc = multiply(acc, of(ast.get(i)));
                }
                yield acc;
            }
            case "Power" -> power(ast.arg1(), ast.arg2());
            case "Exp", "Sech", "Cosh", "LogisticSigmoid" -> Sign.POSITIVE;
            case "Sqrt", "ArcCos" -> Sign.NONNEGATIVE;
            case "Abs" -> of(ast.arg1()).strict() ? Sign.POSITIVE : Sign.NONNEGATIVE;
            case "Tanh", "Sinh", "ArcTan", "ArcSinh" -> ast.argSize() == 1 ? of(ast.arg1()) : Sign.UNKNOWN;
            case "Piecewise" -> piecewise(ast);
            default -> Sign.UNKNOWN;
        };
    }

    private static Sign number(IExpr e) {
        if (!(e.isReal() || e.isInteger() || e.isFraction())) {
            return Sign.UNKNOWN;
        }
        double v = e.evalf();
        return v > 0 ? Sign.POSITIVE : v < 0 ? Sign.NEGATIVE : Sign.ZERO;
    }

    private Sign symbol(ISymbol s) {
        if (s.equals(S.E) || s.equals(S.Pi)) {
            return Sign.POSITIVE;
        }
        NumericProbe.Interval b = bounds.get(s.getSymbolName());
        if (b == null) {
            return Sign.UNKNOWN;
        }
        if (b.positive()) {
            return Sign.POSITIVE;
        }
        if (b.nonnegative()) {
            return Sign.NONNEGATIVE;
        }
        if (b.negative()) {
            return Sign.NEGATIVE;
        }
        return b.nonpositive() ? Sign.NONPOSITIVE : Sign.UNKNOWN;
    }

    private Sign power(IExpr base, IExpr exponent) {
        if (base.equals(S.E)) {
            return Sign.POSITIVE;
        }
        Sign b = of(base);
        if (exponent.isInteger()) {
            int n = exponent.toIntDefault();
            if (n == Integer.MIN_VALUE) {
                return Sign.UNKNOWN;
            }
            if (n % 2 == 0) {
                return b.strict() ? Sign.POSITIVE : n > 0 ? Sign.NONNEGATIVE : Sign.UNKNOWN;
            }
            return n > 0 || b.strict() ? b : Sign.UNKNOWN;
        }
        if (b == Sign.POSITIVE) {
            return Sign.POSITIVE;
        }
        if (exponent.isFraction() || b == Sign.NONNEGATIVE) {
            // a real fractional power (a root) is nonnegative where it is defined
            return number(exponent).atLeastZero() ? Sign.NONNEGATIVE : Sign.UNKNOWN;
        }
        return Sign.UNKNOWN;
    }

    private Sign piecewise(IAST ast) {
        if (ast.argSize() < 1 || !ast.arg1().isList()) {
            return Sign.UNKNOWN;
        }
        IAST pieces = (IAST) ast.arg1();
        Sign acc = ast.argSize() >= 2 ? of(ast.arg2()) : Sign.ZERO;
        for (int i = 1; i <= pieces.argSize(); i++) {
            if (!(pieces.get(i) instanceof IAST piece) || piece.argSize() != 2) {
                return Sign.UNKNOWN;
            }
            acc = join(acc, of(piece.arg1()));
        }
        return acc;
    }

    /** The sign of one of two values when either may occur. */
    private static Sign join(Sign a, Sign b) {
        if (a == b) {
            return a;
        }
        if (a.atLeastZero() && b.atLeastZero()) {
            return a.strict() && b.strict() ? Sign.POSITIVE : Sign.NONNEGATIVE;
        }
        if (a.atMostZero() && b.atMostZero()) {
            return a.strict() && b.strict() ? Sign.NEGATIVE : Sign.NONPOSITIVE;
        }
        return Sign.UNKNOWN;
    }

    static Sign add(Sign a, Sign b) {
        if (a == Sign.ZERO) {
            return b;
        }
        if (b == Sign.ZERO) {
            return a;
        }
        if (a.atLeastZero() && b.atLeastZero()) {
            return a.strict() || b.strict() ? Sign.POSITIVE : Sign.NONNEGATIVE;
        }
        if (a.atMostZero() && b.atMostZero()) {
            return a.strict() || b.strict() ? Sign.NEGATIVE : Sign.NONPOSITIVE;
        }
        return Sign.UNKNOWN;
    }

    static Sign multiply(Sign a, Sign b) {
        if (a == Sign.ZERO || b == Sign.ZERO) {
            return Sign.ZERO;
        }
        if (a == Sign.UNKNOWN || b == Sign.UNKNOWN) {
            return Sign.UNKNOWN;
        }
        boolean positive = a.atLeastZero() == b.atLeastZero();
        boolean strict = a.strict() && b.strict();
        return positive ? (strict ? Sign.POSITIVE : Sign.NONNEGATIVE) : (strict ? Sign.NEGATIVE : Sign.NONPOSITIVE);
    }
}
