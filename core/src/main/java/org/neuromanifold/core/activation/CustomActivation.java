package org.neuromanifold.core.activation;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

import org.neuromanifold.core.error.Checks;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermCompiler;
import org.neuromanifold.core.scalar.TermDifferentiator;
import org.neuromanifold.core.scalar.TermParser;
import org.neuromanifold.core.scalar.TermPrinter;

/**
 * A user-defined activation given by its formula in {@code z}, e.g. {@code "z*sigmoid(z)"} (swish).
 * The derivatives are obtained by symbolic differentiation of the parsed formula, so value,
 * derivative and symbolic form always agree.
 */
public final class CustomActivation implements Activation {
    private final String name;
    private final Term term;
    private final Map<String, Double> hyperparameters;
    private final boolean positivelyHomogeneous;
    private final DoubleUnaryOperator value;
    private final DoubleUnaryOperator derivative;
    private final DoubleUnaryOperator secondDerivative;

    private CustomActivation(String name, Term term, Map<String, Double> hyperparameters,
            boolean positivelyHomogeneous) {
        this.name = name;
        this.term = term;
        // sorted by name, so that label() and printed output do not depend on hash order
        this.hyperparameters = Collections.unmodifiableMap(new TreeMap<>(hyperparameters));
        this.positivelyHomogeneous = positivelyHomogeneous;
        Term d1 = TermDifferentiator.derivative(term, VARIABLE);
        Term d2 = TermDifferentiator.derivative(d1, VARIABLE);
        this.value = TermCompiler.compile(term, VARIABLE, this.hyperparameters);
        this.derivative = TermCompiler.compile(d1, VARIABLE, this.hyperparameters);
        this.secondDerivative = TermCompiler.compile(d2, VARIABLE, this.hyperparameters);
    }

    /**
     * Parses {@code formula} (variable {@code z}; other symbols must be bound in {@code hyperparameters}).
     * The hyperparameters are kept sorted by name (that is their order in {@link #label()}).
     *
     * @param name                  a name for tables and errors
     * @param formula               the formula, see {@link TermParser}
     * @param hyperparameters       values of the other symbols
     * @param positivelyHomogeneous the declared property σ(z) = σ'(z)z (checked in tests, not trusted)
     * @throws SpecificationException when the formula does not parse or a hyperparameter is not finite
     */
    public static CustomActivation of(String name, String formula, Map<String, Double> hyperparameters,
            boolean positivelyHomogeneous) {
        Objects.requireNonNull(name, "name");
        hyperparameters.forEach((k, v) -> Checks.finite("activation '" + name + "' hyperparameter " + k, v));
        if (hyperparameters.containsKey(VARIABLE)) {
            throw new SpecificationException(ErrorCode.OUT_OF_RANGE, "activation '" + name + "'",
                    "activation '" + name + "': 'z' is the variable and cannot be a hyperparameter");
        }
        Set<String> symbols = new java.util.HashSet<>(hyperparameters.keySet());
        symbols.add(VARIABLE);
        Term term = TermParser.parse("activation '" + name + "' formula", formula, symbols);
        return new CustomActivation(name, term, hyperparameters, positivelyHomogeneous);
    }

    /** Shorthand: no hyperparameters, not declared homogeneous. */
    public static CustomActivation of(String name, String formula) {
        return of(name, formula, Map.of(), false);
    }

    /** The formula as printed from the parsed term. */
    public String formula() {
        return TermPrinter.print(term);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double value(double z) {
        return value.applyAsDouble(z);
    }

    @Override
    public double derivative(double z) {
        return derivative.applyAsDouble(z);
    }

    @Override
    public double secondDerivative(double z) {
        return secondDerivative.applyAsDouble(z);
    }

    @Override
    public Term symbolic() {
        return term;
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return hyperparameters;
    }

    @Override
    public boolean positivelyHomogeneous() {
        return positivelyHomogeneous;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomActivation c && c.name.equals(name) && c.term.equals(term)
                && c.hyperparameters.equals(hyperparameters) && c.positivelyHomogeneous == positivelyHomogeneous;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, term, hyperparameters, positivelyHomogeneous);
    }

    @Override
    public String toString() {
        return "CustomActivation[" + name + ": " + formula() + "]";
    }
}
