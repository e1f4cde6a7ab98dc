package org.neuromanifold.core.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A scalar symbolic expression: the symbolic form of an activation, a neuron coefficient, a closed
 * form. Terms are plain immutable data; evaluation ({@link TermCompiler}), differentiation
 * ({@link TermDifferentiator}), parsing ({@link TermParser}) and printing ({@link TermPrinter}) are
 * separate interpreters, and the symbolic module translates terms to Symja.
 *
 * <p>Division is a product with a power of -1 and negation a product with the constant -1; the smart
 * constructors {@link #sum}, {@link #product} and {@link #power} fold constants and flatten nesting,
 * so that derived terms stay readable.
 */
public sealed interface Term permits Term.Const, Term.Var, Term.Sum, Term.Product, Term.Power, Term.Apply,
        Term.Piecewise {

    /** A numeric constant. */
    record Const(double value) implements Term {
        public Const {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("Term.Const: expected a number, got NaN");
            }
        }
    }

    /** A named symbol: a variable ({@code z}, {@code t}) or a hyperparameter ({@code iota}, {@code omega}). */
    record Var(String name) implements Term {
        public Var {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Term.Var: expected a non-empty name");
            }
        }
    }

    /** {@code terms[0] + terms[1] + ...} (at least one term; {@link #sum} builds at least two). */
    record Sum(List<Term> terms) implements Term {
        public Sum {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("Term.Sum: expected at least one term; use Term.sum() for 0");
            }
        }
    }

    /** {@code factors[0] * factors[1] * ...} (at least one factor; {@link #product} builds at least two). */
    record Product(List<Term> factors) implements Term {
        public Product {
            factors = List.copyOf(factors);
            if (factors.isEmpty()) {
                throw new IllegalArgumentException(
                        "Term.Product: expected at least one factor; use Term.product() for 1");
            }
        }
    }

    /** {@code base ^ exponent}. */
    record Power(Term base, Term exponent) implements Term {
        public Power {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(exponent, "exponent");
        }
    }

    /** An elementary function applied to an argument. */
    record Apply(Fn fn, Term argument) implements Term {
        public Apply {
            Objects.requireNonNull(fn, "fn");
            Objects.requireNonNull(argument, "argument");
        }
    }

    /**
     * {@code whenNegative} where {@code condition < 0}, otherwise {@code otherwise}. Kinks such as ReLU's
     * are written this way, which is the form a computer-algebra system can differentiate and simplify
     * by case split.
     */
    record Piecewise(Term condition, Term whenNegative, Term otherwise) implements Term {
        public Piecewise {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(whenNegative, "whenNegative");
            Objects.requireNonNull(otherwise, "otherwise");
        }
    }

    Const ZERO = new Const(0);
    Const ONE = new Const(1);
    Const MINUS_ONE = new Const(-1);

    static Term constant(double value) {
        return new Const(value);
    }

    static Term variable(String name) {
        return new Var(name);
    }

    static Term apply(Fn fn, Term argument) {
        if (argument instanceof Const c) {
            var exact = fn.exactValueAt(c.value());
            if (exact.isPresent()) {
                return new Const(exact.getAsDouble());
            }
        }
        return new Apply(fn, argument);
    }

    /** Sum with constants folded, zeros dropped and nested sums flattened. */
    static Term sum(Term... terms) {
        return sum(List.of(terms));
    }

    /** Sum with constants folded, zeros dropped and nested sums flattened. */
    static Term sum(List<Term> terms) {
        List<Term> out = new ArrayList<>();
        double constant = 0;
        for (Term t : terms) {
            List<Term> parts = t instanceof Sum s ? s.terms() : List.of(t);
            for (Term p : parts) {
                if (p instanceof Const c) {
                    constant += c.value();
                } else {
                    out.add(p);
                }
            }
        }
        if (constant != 0) {
            out.add(new Const(constant));
        }
        if (out.isEmpty()) {
            return ZERO;
        }
        return out.size() == 1 ? out.get(0) : new Sum(out);
    }

    /** Product with constants folded (a zero factor gives zero), ones dropped and nesting flattened. */
    static Term product(Term... factors) {
        return product(List.of(factors));
    }

    /** Product with constants folded (a zero factor gives zero), ones dropped and nesting flattened. */
    static Term product(List<Term> factors) {
        List<Term> out = new ArrayList<>();
        double constant = 1;
        for (Term t : factors) {
            List<Term> parts = t instanceof Product p ? p.factors() : List.of(t);
            for (Term p : parts) {
                if (p instanceof Const c) {
                    constant *= c.value();
                } else {
                    out.add(p);
                }
            }
        }
        if (constant == 0) {
            return ZERO;
        }
        if (constant != 1) {
            out.add(0, new Const(constant));
        }
        if (out.isEmpty()) {
            return new Const(constant);
        }
        return out.size() == 1 ? out.get(0) : new Product(out);
    }

    /**
     * {@code base ^ exponent} with {@code x^0 = 1}, {@code x^1 = x} and constant powers folded where the
     * result is exact ({@code 2^3 = 8}, {@code 2^-1 = 0.5}); {@code 3^-1} and {@code 2^0.5} stay symbolic, so
     * that {@code z/3} keeps its exact meaning for computer algebra instead of becoming {@code 0.333…·z}.
     */
    static Term power(Term base, Term exponent) {
        if (exponent instanceof Const e) {
            if (e.value() == 0) {
                return ONE;
            }
            if (e.value() == 1) {
                return base;
            }
            if (base instanceof Const b) {
                var exact = exactPower(b.value(), e.value());
                if (exact.isPresent()) {
                    return new Const(exact.getAsDouble());
                }
            }
        }
        return new Power(base, exponent);
    }

    /**
     * {@code b^e} when {@code e} is an integer and every multiplication (and the final reciprocal for
     * {@code e < 0}) is exact in double precision, checked with fma; otherwise empty.
     */
    private static OptionalDouble exactPower(double b, double e) {
        if (e != Math.rint(e) || Math.abs(e) > 1100) {
            return OptionalDouble.empty();
        }
        double acc = 1;
        for (int k = 0; k < (int) Math.abs(e); k++) {
            double next = acc * b;
            boolean lostBits = Math.fma(acc, b, -next) != 0 || next != 0 && Math.abs(next) < Double.MIN_NORMAL;
            if (!Double.isFinite(next) || lostBits) {
                return OptionalDouble.empty();
            }
            acc = next;
        }
        if (e > 0) {
            return OptionalDouble.of(acc);
        }
        double r = 1 / acc;
        boolean exact = Double.isFinite(r) && Math.abs(r) >= Double.MIN_NORMAL && Math.fma(r, acc, -1) == 0;
        return exact ? OptionalDouble.of(r) : OptionalDouble.empty();
    }

    static Term negate(Term t) {
        return product(MINUS_ONE, t);
    }

    static Term difference(Term a, Term b) {
        return sum(a, negate(b));
    }

    static Term quotient(Term a, Term b) {
        return product(a, power(b, MINUS_ONE));
    }

    static Term square(Term t) {
        return power(t, new Const(2));
    }
}
