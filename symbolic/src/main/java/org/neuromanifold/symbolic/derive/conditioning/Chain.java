package org.neuromanifold.symbolic.derive.conditioning;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.symbolic.derive.ChainBuilder;
import org.neuromanifold.symbolic.symja.SymjaExprs;

/**
 * A derivation chain of Symja expressions (scalars, vectors or matrices) over random points given as
 * variable assignments. Each expression is kept in Symja input syntax ({@link Formula.OfSymja}); its
 * numeric value at a point is computed by {@link FormulaValues} (no Symja involved) unless the step
 * supplies its own evaluation, e.g. the numeric engine computing the defining expression.
 */
final class Chain {
    private final ChainBuilder<Map<String, Double>> builder;
    private IExpr current;

    private Chain(ChainBuilder<Map<String, Double>> builder, IExpr start) {
        this.builder = builder;
        this.current = start;
    }

    /** Starts at e₀, evaluated at each point by {@code startValue}. */
    static Chain start(String id, String title, String variant, List<Map<String, Double>> points, double tolerance,
            IExpr start, Function<Map<String, Double>, double[]> startValue) {
        return new Chain(ChainBuilder.start(id, title, variant, points, tolerance,
                new Formula.OfSymja(SymjaExprs.input(start)), startValue), start);
    }

    /** Adds an assumption of the whole derivation. */
    Chain assume(String assumption) {
        builder.assume(assumption);
        return this;
    }

    /** Adds {@code current R next}, {@code next} evaluated by {@link FormulaValues}. */
    Chain step(Relation relation, IExpr next, String rule, Supplier<SymbolicVerdict> symbolic,
            String... stepAssumptions) {
        return step(relation, next, FormulaValues.valueFunction(next), rule, symbolic, stepAssumptions);
    }

    /** Adds {@code current R next} with its own numeric evaluation. */
    Chain step(Relation relation, IExpr next, Function<Map<String, Double>, double[]> value, String rule,
            Supplier<SymbolicVerdict> symbolic, String... stepAssumptions) {
        builder.step(relation, new Formula.OfSymja(SymjaExprs.input(next)), value, rule,
                Arrays.asList(stepAssumptions), symbolic);
        current = next;
        return this;
    }

    /**
     * Ends the chain where Symja gave no value for the next operation: a last step that repeats the
     * current expression, certified undecided with the reason, so the derivation says where and why it
     * stopped.
     */
    Chain stop(String reason) {
        IExpr same = current;
        return step(Relation.EQ, same, "derivation not completed: " + reason,
                () -> SymbolicVerdict.undecided("Symja gave no value: " + reason));
    }

    /** The last expression. */
    IExpr current() {
        return current;
    }

    /** The finished derivation. */
    Derivation build() {
        return builder.build();
    }
}
