package org.neuromanifold.numeric.verify;

import java.util.List;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.numeric.expr.Estimate;
import org.neuromanifold.numeric.expr.ExprEvaluator;

/**
 * Evaluates both sides of an identity on instances with one reused {@link ExprEvaluator} (not
 * thread-safe: one per thread).
 *
 * <p>Exact identities take the cheapest path ({@link ExprEvaluator#values}: no standard errors). When a
 * side needs Monte Carlo sampling, the difference {@code lhs − rhs} is evaluated as an expression of its
 * own with the same seed, hence the same draws, so that its standard error accounts for the correlation
 * between the two sides.
 */
final class SideEvaluator {
    /** The values of both sides on one instance; {@code differenceError} is null when both are exact. */
    record Sides(double[] lhs, double[] rhs, double[] differenceError) {
        boolean exact() {
            return differenceError == null;
        }
    }

    private final ExprEvaluator evaluator = new ExprEvaluator();
    private final Identity identity;
    private final Loss loss;
    private final List<Expr> sides;
    private final List<Expr> difference;
    /** Whether the last evaluation needed no sampling (then the cheap path is tried first). */
    private boolean exactSoFar = true;

    SideEvaluator(Identity identity, Loss loss) {
        this.identity = identity;
        this.loss = loss;
        this.sides = List.of(identity.lhs(), identity.rhs());
        this.difference = List.of(new Expr.Sub(identity.lhs(), identity.rhs()));
    }

    /** Both sides at {@code instance}. */
    Sides evaluate(Instance instance) {
        var context = instance.context(loss);
        if (exactSoFar) {
            try {
                double[][] v = evaluator.values(sides, context);
                return checked(v[0], v[1], null);
            } catch (SpecificationException e) {
                if (e.code() != ErrorCode.UNSUPPORTED || !"values".equals(e.argument())) {
                    throw e;
                }
                exactSoFar = false;
            }
        }
        List<Estimate> est = evaluator.evaluate(sides, context);
        double[] l = est.get(0).value().toArray();
        double[] r = est.get(1).value().toArray();
        if (est.get(0).exact() && est.get(1).exact()) {
            exactSoFar = true;
            return checked(l, r, null);
        }
        double[] se = evaluator.evaluate(difference, context).get(0).standardError().toArray();
        return checked(l, r, se);
    }

    private Sides checked(double[] l, double[] r, double[] se) {
        if (l.length != r.length) {
            throw new SpecificationException(ErrorCode.SHAPE_MISMATCH, identity.id(), identity.id()
                    + ": the left side has " + l.length + " entries and the right side " + r.length
                    + "; both sides of an identity must have the same shape");
        }
        return new Sides(l, r, se);
    }
}
