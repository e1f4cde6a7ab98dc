package org.neuromanifold.core.scalar;

import java.util.ArrayList;
import java.util.List;

/**
 * Symbolic differentiation of {@link Term}s by the textbook rules (sum, product, power, chain rule).
 * Piecewise terms are differentiated branch by branch, which is the derivative almost everywhere
 * (everywhere except on the switching set {@code condition = 0}).
 */
public final class TermDifferentiator {
    private TermDifferentiator() {
    }

    /** {@code d term / d variable}. */
    public static Term derivative(Term term, String variable) {
        return switch (term) {
            case Term.Const c -> Term.ZERO;
            case Term.Var v -> v.name().equals(variable) ? Term.ONE : Term.ZERO;
            case Term.Sum s -> Term.sum(s.terms().stream().map(t -> derivative(t, variable)).toList());
            case Term.Product p -> product(p, variable);
            case Term.Power p -> power(p, variable);
            case Term.Apply a -> Term.product(outer(a.fn(), a.argument()), derivative(a.argument(), variable));
            case Term.Piecewise pw -> piecewise(pw, variable);
        };
    }

    /** Whether {@code term} mentions {@code variable}. */
    public static boolean dependsOn(Term term, String variable) {
        return switch (term) {
            case Term.Const c -> false;
            case Term.Var v -> v.name().equals(variable);
            case Term.Sum s -> s.terms().stream().anyMatch(t -> dependsOn(t, variable));
            case Term.Product p -> p.factors().stream().anyMatch(t -> dependsOn(t, variable));
            case Term.Power p -> dependsOn(p.base(), variable) || dependsOn(p.exponent(), variable);
            case Term.Apply a -> dependsOn(a.argument(), variable);
            case Term.Piecewise pw -> dependsOn(pw.condition(), variable) || dependsOn(pw.whenNegative(), variable)
                    || dependsOn(pw.otherwise(), variable);
        };
    }

    private static Term product(Term.Product p, String variable) {
        List<Term> terms = new ArrayList<>();
        List<Term> factors = p.factors();
        for (int i = 0; i < factors.size(); i++) {
            Term d = derivative(factors.get(i), variable);
            if (d instanceof Term.Const c && c.value() == 0) {
                continue;
            }
            List<Term> rest = new ArrayList<>(factors);
            rest.set(i, d);
            terms.add(Term.product(rest));
        }
        return Term.sum(terms);
    }

    private static Term power(Term.Power p, String variable) {
        Term base = p.base();
        Term exponent = p.exponent();
        if (!dependsOn(exponent, variable)) {
            // d(b^e) = e * b^(e-1) * b'
            return Term.product(exponent, Term.power(base, Term.sum(exponent, Term.MINUS_ONE)),
                    derivative(base, variable));
        }
        // d(b^e) = b^e * (e' ln b + e b'/b)
        return Term.product(p, Term.sum(
                Term.product(derivative(exponent, variable), Term.apply(Fn.LOG, base)),
                Term.product(exponent, derivative(base, variable), Term.power(base, Term.MINUS_ONE))));
    }

    /** {@code f'(u)} for the elementary function {@code f}. */
    private static Term outer(Fn fn, Term u) {
        return switch (fn) {
            case EXP -> Term.apply(Fn.EXP, u);
            case LOG -> Term.power(u, Term.MINUS_ONE);
            case SQRT -> Term.product(Term.constant(0.5), Term.power(Term.apply(Fn.SQRT, u), Term.MINUS_ONE));
            case SIN -> Term.apply(Fn.COS, u);
            case COS -> Term.negate(Term.apply(Fn.SIN, u));
            case TANH -> Term.difference(Term.ONE, Term.square(Term.apply(Fn.TANH, u)));
            case SECH -> Term.negate(Term.product(Term.apply(Fn.SECH, u), Term.apply(Fn.TANH, u)));
            case SIGMOID -> Term.product(Term.apply(Fn.SIGMOID, u),
                    Term.difference(Term.ONE, Term.apply(Fn.SIGMOID, u)));
            case ARCCOS -> Term.negate(Term.power(Term.apply(Fn.SQRT, Term.difference(Term.ONE, Term.square(u))),
                    Term.MINUS_ONE));
            case ABS -> Term.product(u, Term.power(Term.apply(Fn.ABS, u), Term.MINUS_ONE));
        };
    }

    private static Term piecewise(Term.Piecewise pw, String variable) {
        Term a = derivative(pw.whenNegative(), variable);
        Term b = derivative(pw.otherwise(), variable);
        if (a.equals(b)) {
            return a;
        }
        return new Term.Piecewise(pw.condition(), a, b);
    }
}
