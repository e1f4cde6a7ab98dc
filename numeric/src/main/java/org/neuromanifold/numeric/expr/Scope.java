package org.neuromanifold.numeric.expr;

import java.util.HashMap;
import java.util.Map;

import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.numeric.model.NetworkGraph;

/**
 * The sample an expression is evaluated at: the nodes bound to x and y, the forward pass at x
 * (recorded once, on first use) and a memo of the expensive sub-expressions already evaluated here
 * (derivatives, expectations), so that an expression that names ∇_θℓ twice records one gradient.
 */
final class Scope {
    /** The node of x, or −1 when no input is bound. */
    final int x;
    /** The node of y, or −1 when no target is bound. */
    final int y;
    /** Why there is no x or y, for the error message. */
    final String unbound;

    NetworkGraph.Forward forward;
    /** Each layer's pre-activation node, recorded with {@link #forward}. */
    int[] preActivations;
    int lossInput = -1;
    int loss = -1;
    private Map<Expr, Integer> memo;

    Scope(int x, int y, String unbound) {
        this.x = x;
        this.y = y;
        this.unbound = unbound;
    }

    /** A scope at the same x (sharing its forward pass) with another y. */
    Scope withTarget(int newY) {
        Scope s = new Scope(x, newY, unbound);
        s.forward = forward;
        s.preActivations = preActivations;
        s.lossInput = lossInput;
        return s;
    }

    /** A scope at the same sample (sharing its forward pass and loss) with an empty memo. */
    Scope atSameSample() {
        Scope s = new Scope(x, y, unbound);
        s.forward = forward;
        s.lossInput = lossInput;
        s.loss = loss;
        return s;
    }

    Integer memoized(Expr e) {
        return memo == null ? null : memo.get(e);
    }

    int remember(Expr e, int node) {
        if (memo == null) {
            memo = new HashMap<>();
        }
        memo.put(e, node);
        return node;
    }
}
