package org.neuromanifold.numeric.expr;

import java.util.Map;
import java.util.function.Function;

import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.numeric.autodiff.Tape;

/**
 * Records a scalar {@link Term} elementwise on a tape, one case per node type, so that derivatives
 * through it are exact: variables bound to recorded nodes (scalars broadcast against the common shape),
 * other variables to numbers.
 *
 * <p>A piecewise term (value a where c &lt; 0, else b) is recorded as b + 1[−c &gt; 0]·(a − b): exact
 * where both branches are finite, which is the domain of the closed forms it is used for.
 */
final class TermRecorder {
    private final Tape t;
    private final Map<String, Integer> arguments;
    private final Map<String, Double> constants;
    private final Function<String, SpecificationException> unbound;

    /**
     * @param arguments nodes bound to variables
     * @param constants numbers bound to variables
     * @param unbound   the error for a variable bound to neither
     */
    TermRecorder(Tape t, Map<String, Integer> arguments, Map<String, Double> constants,
            Function<String, SpecificationException> unbound) {
        this.t = t;
        this.arguments = arguments;
        this.constants = constants;
        this.unbound = unbound;
    }

    int record(Term term) {
        return switch (term) {
            case Term.Const c -> t.scalar(c.value());
            case Term.Var v -> variable(v.name());
            case Term.Sum s -> {
                int acc = record(s.terms().get(0));
                for (Term u : s.terms().subList(1, s.terms().size())) {
                    acc = t.add(acc, record(u));
                }
                yield acc;
            }
            case Term.Product p -> {
                int acc = record(p.factors().get(0));
                for (Term u : p.factors().subList(1, p.factors().size())) {
                    acc = t.mul(acc, record(u));
                }
                yield acc;
            }
            case Term.Power p -> power(p);
            case Term.Apply a -> t.fn(a.fn(), record(a.argument()));
            case Term.Piecewise pw -> {
                int negative = t.step(t.neg(record(pw.condition())));
                int otherwise = record(pw.otherwise());
                yield t.add(otherwise, t.mul(negative, t.sub(record(pw.whenNegative()), otherwise)));
            }
        };
    }

    private int variable(String name) {
        Integer node = arguments.get(name);
        if (node != null) {
            return node;
        }
        Double value = constants.get(name);
        if (value == null) {
            throw unbound.apply(name);
        }
        return t.scalar(value);
    }

    /** Integer exponents exactly (t.pow), ½ as sqrt, any other exponent as exp(e·ln b). */
    private int power(Term.Power p) {
        if (p.exponent() instanceof Term.Const c) {
            double e = c.value();
            if (e == Math.rint(e) && Math.abs(e) <= Integer.MAX_VALUE) {
                return t.pow(record(p.base()), (int) e);
            }
            if (e == 0.5) {
                return t.fn(Fn.SQRT, record(p.base()));
            }
        }
        return t.fn(Fn.EXP, t.mul(record(p.exponent()), t.fn(Fn.LOG, record(p.base()))));
    }
}
