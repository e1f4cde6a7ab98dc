package org.neuromanifold.symbolic.derive.gradient;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.ChainBuilder;

/**
 * A chain of tensor-level {@link Expr}s ({@link Formula.OfExpr}): every expression is evaluated by the
 * numeric engine ({@link ExprEvaluator}, autodiff and exact expectations) at the same random
 * {@link Instance}s, which gives each step's numeric certificate; the symbolic certificate is the
 * deriver's (a Symja lemma, a proof on a concrete network).
 */
final class TensorChain {
    private final ExprEvaluator evaluator;
    private final ChainBuilder<Instance> chain;

    private TensorChain(ExprEvaluator evaluator, ChainBuilder<Instance> chain) {
        this.evaluator = evaluator;
        this.chain = chain;
    }

    /** Starts at {@code start}; {@code tolerance} is the relative tolerance of every numeric certificate. */
    static TensorChain start(String id, String title, String variant, List<Instance> points, double tolerance,
            Expr start) {
        ExprEvaluator evaluator = new ExprEvaluator();
        return new TensorChain(evaluator, ChainBuilder.start(id, title, variant, points, tolerance,
                new Formula.OfExpr(start), value(evaluator, start)));
    }

    /** The numeric value of {@code e} at an instance (exact: no Monte Carlo). */
    static Function<Instance, double[]> value(ExprEvaluator evaluator, Expr e) {
        return p -> evaluator.values(List.of(e), p.context())[0];
    }

    /** The value of {@code e} with this chain's evaluator. */
    Function<Instance, double[]> value(Expr e) {
        return value(evaluator, e);
    }

    /** Adds an assumption of the whole derivation. */
    TensorChain assume(String assumption) {
        chain.assume(assumption);
        return this;
    }

    /** Adds the step {@code previous R next}. */
    TensorChain step(Relation relation, Expr next, String rule, Supplier<SymbolicVerdict> symbolic,
            String... stepAssumptions) {
        chain.step(relation, new Formula.OfExpr(next), value(next), rule, Arrays.asList(stepAssumptions), symbolic);
        return this;
    }

    /** The finished derivation. */
    Derivation build() {
        return chain.build();
    }
}
