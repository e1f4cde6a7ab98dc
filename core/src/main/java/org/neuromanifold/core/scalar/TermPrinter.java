package org.neuromanifold.core.scalar;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints a {@link Term} as a formula that {@link TermParser} reads back to an equal term (up to
 * constant folding). Parentheses are decided in one place, by {@link #precedence}.
 */
public final class TermPrinter {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

    private TermPrinter() {
    }

    /** The formula text. */
    public static String print(Term term) {
        return switch (term) {
            case Term.Const c -> number(c.value());
            case Term.Var v -> v.name();
            case Term.Sum s -> sum(s);
            case Term.Product p -> product(p);
            case Term.Power p when isReciprocal(p) -> "1/" + wrap(p.base(), POWER);
            case Term.Power p -> wrap(p.base(), POWER + 1) + "^" + wrap(p.exponent(), POWER);
            case Term.Apply a -> a.fn().formulaName() + "(" + print(a.argument()) + ")";
            case Term.Piecewise pw -> "piecewise(" + print(pw.condition()) + ", " + print(pw.whenNegative()) + ", "
                    + print(pw.otherwise()) + ")";
        };
    }

    /** Formats a double without a trailing {@code .0} for integers. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String sum(Term.Sum s) {
        StringBuilder b = new StringBuilder(wrap(s.terms().get(0), SUM));
        for (Term t : s.terms().subList(1, s.terms().size())) {
            Term negated = negatedOrNull(t);
            if (negated != null) {
                b.append(" - ").append(wrap(negated, PRODUCT));
            } else {
                b.append(" + ").append(wrap(t, SUM + 1));
            }
        }
        return b.toString();
    }

    private static String product(Term.Product p) {
        List<Term> numerator = new ArrayList<>();
        List<Term> denominator = new ArrayList<>();
        boolean negative = false;
        for (Term f : p.factors()) {
            if (f instanceof Term.Const c && c.value() == -1) {
                negative = !negative;
            } else if (f instanceof Term.Power pw && pw.exponent() instanceof Term.Const e && e.value() == -1) {
                denominator.add(pw.base());
            } else {
                numerator.add(f);
            }
        }
        StringBuilder b = new StringBuilder(negative ? "-" : "");
        if (numerator.isEmpty()) {
            b.append("1");
        } else {
            for (int i = 0; i < numerator.size(); i++) {
                if (i > 0) {
                    b.append("*");
                }
                b.append(wrap(numerator.get(i), PRODUCT + (i == 0 && !negative ? 0 : 1)));
            }
        }
        for (Term d : denominator) {
            b.append("/").append(wrap(d, POWER));
        }
        return b.toString();
    }

    private static Term negatedOrNull(Term t) {
        if (t instanceof Term.Product p && p.factors().get(0) instanceof Term.Const c && c.value() < 0) {
            List<Term> rest = new ArrayList<>(p.factors());
            rest.set(0, Term.constant(-c.value()));
            return Term.product(rest);
        }
        if (t instanceof Term.Const c && c.value() < 0) {
            return Term.constant(-c.value());
        }
        return null;
    }

    /** {@code b^(-1)}, printed as {@code 1/b} (the form quotients are stored in). */
    private static boolean isReciprocal(Term.Power p) {
        return p.exponent() instanceof Term.Const e && e.value() == -1;
    }

    private static String wrap(Term t, int context) {
        String s = print(t);
        return precedence(t) < context ? "(" + s + ")" : s;
    }

    /** Binding strength of the node at the top of {@code t}. */
    static int precedence(Term t) {
        return switch (t) {
            case Term.Sum s -> SUM;
            case Term.Product p -> p.factors().get(0) instanceof Term.Const c && c.value() < 0 ? UNARY - 1 : PRODUCT;
            case Term.Power p -> isReciprocal(p) ? PRODUCT : POWER;
            case Term.Const c -> c.value() < 0 ? UNARY - 1 : ATOM;
            case Term.Var v -> ATOM;
            case Term.Apply a -> ATOM;
            case Term.Piecewise pw -> ATOM;
        };
    }
}
