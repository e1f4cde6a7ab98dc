package org.neuromanifold.symbolic.derive;

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
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermCompiler;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaProver;
import org.neuromanifold.symbolic.symja.SymjaTerms;

/**
 * A derivation chain of scalar expressions produced by Symja. Each expression is kept in Symja input
 * syntax ({@link Formula.OfSymja}); the symbolic certificate of a step is the prover's verdict on
 * {@code previous R next} under the chain's assumptions, and the numeric certificate evaluates both
 * expressions (translated to core terms) at random variable assignments, keyed by core names.
 */
public final class ScalarChain {
    private final ChainBuilder<Map<String, Double>> chain;
    private final SymbolTable symbols;
    private final Assumptions assumptions;
    private final SymjaProver prover;
    private IExpr previous;

    private ScalarChain(ChainBuilder<Map<String, Double>> chain, SymbolTable symbols, Assumptions assumptions,
            SymjaProver prover, IExpr start) {
        this.chain = chain;
        this.symbols = symbols;
        this.assumptions = assumptions;
        this.prover = prover;
        this.previous = start;
    }

    /**
     * Starts at e₀.
     *
     * @param symbols     the table that maps core names (keys of the points) to Symja symbols
     * @param assumptions the hypotheses every symbolic certificate uses (Symja syntax)
     * @param points      variable assignments by core name
     * @param tolerance   relative tolerance of the numeric certificates
     * @param start       e₀
     */
    public static ScalarChain start(String id, String title, String variant, SymbolTable symbols,
            Assumptions assumptions, List<Map<String, Double>> points, double tolerance, IExpr start) {
        ChainBuilder<Map<String, Double>> chain = ChainBuilder.start(id, title, variant, points, tolerance,
                new Formula.OfSymja(SymjaExprs.input(start)), valueOf(start, symbols));
        return new ScalarChain(chain, symbols, assumptions, SymjaProver.shared(), start);
    }

    /** Adds an assumption of the whole derivation (human-readable, for the report). */
    public ScalarChain assume(String assumption) {
        chain.assume(assumption);
        return this;
    }

    /** Adds {@code previous R next}, certified by the prover under the chain's assumptions. */
    public ScalarChain step(Relation relation, IExpr next, String rule, String... stepAssumptions) {
        IExpr prev = previous;
        return step(relation, next, rule, () -> prover.prove(relation, SymjaExprs.input(prev),
                SymjaExprs.input(next), assumptions), stepAssumptions);
    }

    /** Adds {@code previous R next} with a symbolic certificate computed by the caller. */
    public ScalarChain step(Relation relation, IExpr next, String rule, Supplier<SymbolicVerdict> symbolic,
            String... stepAssumptions) {
        chain.step(relation, new Formula.OfSymja(SymjaExprs.input(next)), valueOf(next, symbols), rule,
                Arrays.asList(stepAssumptions), symbolic);
        previous = next;
        return this;
    }

    /** The last expression of the chain. */
    public IExpr current() {
        return previous;
    }

    /** The finished derivation. */
    public Derivation build() {
        return chain.build();
    }

    /** The numeric value of a Symja expression at an assignment (via its core term). */
    public static Function<Map<String, Double>, double[]> valueOf(IExpr expr, SymbolTable symbols) {
        Term term = SymjaTerms.toTerm(expr, symbols);
        return point -> new double[] {TermCompiler.evaluate(term, point)};
    }
}
