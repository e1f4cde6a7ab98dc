package org.neuromanifold.numeric.expr;

import java.util.ArrayList;
import java.util.List;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.numeric.autodiff.Tape;
import org.neuromanifold.numeric.tensor.Tensor;

/**
 * The numeric interpreter of {@link Expr}: evaluates expressions at concrete θ, x, y (and a data set)
 * with automatic differentiation, and returns each value with its standard error.
 *
 * <p>Semantics, node by node: {@code Output} is f_θ(x) (after the softmax head, if any);
 * {@code LossValue} is ℓ(f, y), where softmax cross-entropy under a softmax head reads the logits;
 * {@code WrtOutput} differentiates with respect to the node the loss reads; {@code Params(group)} and
 * {@code WrtParams(group)} select the group's entries in θ's layout order; expectations over data are
 * exact averages, over the model's Bernoulli or categorical output exact enumerations, over its
 * Gaussian output exact quadrature when the body is a polynomial in y (otherwise Monte Carlo), over
 * Gaussian or uniform inputs Monte Carlo (see {@link Expectations}). A combination that cannot be
 * evaluated is refused with a {@link SpecificationException} naming the
 * node ({@code argument()} is the node type, the message quotes the node).
 *
 * <p>Reuse: one evaluator records every evaluation on the same tape, reset each time, so evaluating
 * many small instances (a verifier's trials) allocates little. Not thread-safe: one evaluator per
 * thread. Evaluating several expressions in one call ({@link #evaluate(List, EvalContext)}) shares
 * the forward pass and every common derivative between them.
 */
public final class ExprEvaluator {
    private final Tape tape = new Tape();
    private final Compiler compiler = new Compiler(tape);

    /** Evaluates one expression. */
    public Estimate evaluate(Expr expr, EvalContext context) {
        return evaluate(List.of(expr), context).get(0);
    }

    /** Evaluates both sides of an identity on one tape: {@code [lhs, rhs]}. */
    public List<Estimate> evaluate(Identity identity, EvalContext context) {
        return evaluate(List.of(identity.lhs(), identity.rhs()), context);
    }

    /** Evaluates several expressions on one tape, sharing common sub-expressions. */
    public List<Estimate> evaluate(List<Expr> exprs, EvalContext context) {
        Scope top = compiler.begin(context);
        int[] nodes = new int[exprs.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = compiler.eval(exprs.get(i), top);
        }
        List<Estimate> out = new ArrayList<>(nodes.length);
        for (int node : nodes) {
            out.add(estimate(node, context));
        }
        return out;
    }

    /**
     * The values only, flattened and concatenated in order, without standard errors: the cheapest call
     * for exact expressions. Throws if a value depends on Monte Carlo sampling (use {@link #evaluate}).
     */
    public double[][] values(List<Expr> exprs, EvalContext context) {
        Scope top = compiler.begin(context);
        double[][] out = new double[exprs.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = tape.toArray(compiler.eval(exprs.get(i), top));
        }
        if (!compiler.monteCarloGroups.isEmpty()) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "values",
                    "values: the expressions need Monte Carlo sampling; use evaluate() to get standard errors");
        }
        return out;
    }

    private Estimate estimate(int node, EvalContext context) {
        Tensor value = tape.value(node);
        int size = tape.size(node);
        double[] variance = new double[size];
        boolean sampled = false;
        for (MonteCarloGroup g : compiler.monteCarloGroups) {
            if (!g.reaches(tape, node)) {
                continue;
            }
            sampled = true;
            double[] v = g.variance(tape, node);
            for (int c = 0; c < size; c++) {
                variance[c] += v[c];
            }
        }
        double[] se = new double[size];
        for (int c = 0; c < size; c++) {
            se[c] = Math.sqrt(variance[c]);
        }
        Tensor error = Tensor.of(value.rank(), value.rows(), value.cols(), se, 0);
        return new Estimate(value, error, sampled ? context.monteCarloSamples() : 0);
    }
}
