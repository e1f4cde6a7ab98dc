package org.neuromanifold.core.scalar;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * Turns a {@link Term} into a Java function for numeric evaluation. Hyperparameters are bound once
 * at compile time; the free variables are read from an array in the order given.
 */
public final class TermCompiler {
    private TermCompiler() {
    }

    /** Evaluates {@code term} with every symbol bound in {@code env}. */
    public static double evaluate(Term term, Map<String, Double> env) {
        return compile(term, List.of(), env).applyAsDouble(new double[0]);
    }

    /** A one-variable function {@code variable -> term}, other symbols bound from {@code bindings}. */
    public static DoubleUnaryOperator compile(Term term, String variable, Map<String, Double> bindings) {
        ToDoubleFunction<double[]> f = compile(term, List.of(variable), bindings);
        return x -> f.applyAsDouble(new double[] {x});
    }

    /**
     * A function of the variables {@code variables} (read from the argument array in that order);
     * every other symbol must be bound in {@code bindings}.
     */
    public static ToDoubleFunction<double[]> compile(Term term, List<String> variables, Map<String, Double> bindings) {
        return switch (term) {
            case Term.Const c -> {
                double v = c.value();
                yield x -> v;
            }
            case Term.Var v -> {
                int index = variables.indexOf(v.name());
                if (index >= 0) {
                    yield x -> x[index];
                }
                Double bound = bindings.get(v.name());
                if (bound == null) {
                    throw new SpecificationException(ErrorCode.UNKNOWN_SYMBOL, v.name(),
                            "symbol '" + v.name() + "' is neither a variable " + variables + " nor bound in "
                                    + bindings.keySet());
                }
                double value = bound;
                yield x -> value;
            }
            case Term.Sum s -> {
                List<ToDoubleFunction<double[]>> parts = s.terms().stream()
                        .map(t -> compile(t, variables, bindings)).toList();
                yield x -> {
                    double acc = 0;
                    for (ToDoubleFunction<double[]> p : parts) {
                        acc += p.applyAsDouble(x);
                    }
                    return acc;
                };
            }
            case Term.Product p -> {
                List<ToDoubleFunction<double[]>> parts = p.factors().stream()
                        .map(t -> compile(t, variables, bindings)).toList();
                yield x -> {
                    double acc = 1;
                    for (ToDoubleFunction<double[]> f : parts) {
                        acc *= f.applyAsDouble(x);
                    }
                    return acc;
                };
            }
            case Term.Power p -> {
                ToDoubleFunction<double[]> base = compile(p.base(), variables, bindings);
                if (p.exponent() instanceof Term.Const e && e.value() == -1) {
                    yield x -> 1.0 / base.applyAsDouble(x);
                }
                if (p.exponent() instanceof Term.Const e && e.value() == 2) {
                    yield x -> {
                        double b = base.applyAsDouble(x);
                        return b * b;
                    };
                }
                ToDoubleFunction<double[]> exponent = compile(p.exponent(), variables, bindings);
                yield x -> Math.pow(base.applyAsDouble(x), exponent.applyAsDouble(x));
            }
            case Term.Apply a -> {
                ToDoubleFunction<double[]> arg = compile(a.argument(), variables, bindings);
                Fn fn = a.fn();
                yield x -> fn.apply(arg.applyAsDouble(x));
            }
            case Term.Piecewise pw -> {
                ToDoubleFunction<double[]> c = compile(pw.condition(), variables, bindings);
                ToDoubleFunction<double[]> neg = compile(pw.whenNegative(), variables, bindings);
                ToDoubleFunction<double[]> other = compile(pw.otherwise(), variables, bindings);
                yield x -> c.applyAsDouble(x) < 0 ? neg.applyAsDouble(x) : other.applyAsDouble(x);
            }
        };
    }
}
