package org.neuromanifold.symbolic.derive.rfim;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * A derivation chain of tensor expressions about a stochastic network. The numeric certificate of a
 * step evaluates both expressions with the numeric engine ({@link ExprEvaluator}) on the network's
 * engine form at random {@link RfimPoint}s; the symbolic certificate is either an entry-by-entry proof
 * on a {@link SymbolicInstance} or supplied by the deriver (e.g. a scalar proof about the coefficient).
 *
 * <p>Values indexed by a layer's parameters come from the engine in layout order (W row-major, then b);
 * an expression marked with {@link Order#layerInLayoutOrder} is permuted to the neuron-by-neuron order
 * (w₁, …, w_m) in which the derivations state block matrices (the seed's stacking of the columns of W).
 */
final class TensorChain {
    /** How an expression's value is indexed. */
    record Order(int layer) {
        /** Indexed as the expression says (neuron groups, Kronecker and diag forms). */
        static final Order AS_IS = new Order(-1);

        /** A matrix (or vector) over layer {@code layer}'s parameters in layout order, to be permuted. */
        static Order layerInLayoutOrder(int layer) {
            return new Order(layer);
        }
    }

    private final ChainBuilder<RfimPoint> chain;
    private final SymbolicInstance instance;
    private Expr previous;

    private TensorChain(ChainBuilder<RfimPoint> chain, SymbolicInstance instance, Expr start) {
        this.chain = chain;
        this.instance = instance;
        this.previous = start;
    }

    /**
     * Starts at e₀.
     *
     * @param instance the concrete symbolic instance for entry-by-entry proofs (may be null when every step
     *                 supplies its own symbolic certificate)
     */
    static TensorChain start(String id, String title, String variant, List<RfimPoint> points, double tolerance,
            Expr start, Order order, SymbolicInstance instance) {
        ExprEvaluator evaluator = new ExprEvaluator();
        ChainBuilder<RfimPoint> chain = ChainBuilder.start(id, title, variant, points, tolerance,
                new Formula.OfExpr(start), valueOf(evaluator, start, order));
        return new TensorChain(chain, instance, start);
    }

    TensorChain assume(String assumption) {
        chain.assume(assumption);
        return this;
    }

    /** Adds {@code previous = next}, proved entry by entry on the symbolic instance. */
    TensorChain stepOnInstance(Expr next, Order order, String rule, String... assumptions) {
        Objects.requireNonNull(instance, "instance");
        Expr prev = previous;
        return step(next, order, rule, () -> {
            SymTensor a = instance.eval(prev);
            SymTensor b = instance.eval(next);
            if (!instance.mentionsJacobianSymbols(a) || !instance.mentionsJacobianSymbols(b)) {
                a = instance.concrete(a);
                b = instance.concrete(b);
            }
            return EntrywiseProof.equal(a, b, instance.assumptions(), instance.describe());
        }, assumptions);
    }

    /** Adds {@code previous = next} with a symbolic certificate computed by the caller. */
    TensorChain step(Expr next, Order order, String rule, Supplier<SymbolicVerdict> symbolic, String... assumptions) {
        chain.step(Relation.EQ, new Formula.OfExpr(next), valueOf(new ExprEvaluator(), next, order), rule,
                Arrays.asList(assumptions), symbolic);
        previous = next;
        return this;
    }

    Expr current() {
        return previous;
    }

    Derivation build() {
        return chain.build();
    }

    /** The value of {@code e} at a point, flattened, in the order the derivation states it. */
    static Function<RfimPoint, double[]> valueOf(ExprEvaluator evaluator, Expr e, Order order) {
        return p -> value(evaluator, p, e, order);
    }

    static double[] value(ExprEvaluator evaluator, RfimPoint p, Expr e, Order order) {
        double[] v = evaluator.values(List.of(e), p.context())[0];
        if (order.layer() < 0) {
            return v;
        }
        int[] perm = p.net().neuronMajor(order.layer());
        int n = perm.length;
        if (v.length == n) {
            double[] out = new double[n];
            for (int a = 0; a < n; a++) {
                out[a] = v[perm[a]];
            }
            return out;
        }
        if (v.length != n * n) {
            throw new IllegalArgumentException("a value over layer " + order.layer() + "'s " + n
                    + " parameters: expected " + n + " or " + n * n + " entries, got " + v.length);
        }
        double[] out = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < n; c++) {
                out[a * n + c] = v[perm[a] * n + perm[c]];
            }
        }
        return out;
    }
}
