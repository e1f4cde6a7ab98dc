package org.neuromanifold.core.expr;

import java.util.List;
import java.util.Objects;

import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.model.Network;

/**
 * A statement {@code lhs R rhs} about a network and loss, under preconditions.
 *
 * @param id            the catalogue / command-line id (e.g. {@code euler})
 * @param title         a short human title
 * @param lhs           the left side
 * @param relation      = or ≤
 * @param rhs           the right side
 * @param preconditions hypotheses under which it is expected to hold
 * @param source        where it comes from (seed file and equation)
 */
public record Identity(String id, String title, Expr lhs, Relation relation, Expr rhs,
        List<Precondition> preconditions, String source) {
    public Identity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(lhs, "lhs");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(rhs, "rhs");
        preconditions = List.copyOf(preconditions);
        Objects.requireNonNull(source, "source");
    }

    /** Whether every precondition holds, i.e. whether the identity is expected to hold here. */
    public boolean expectedToHold(Network network, Loss loss) {
        return preconditions.stream().allMatch(p -> p.holds(network, loss));
    }

    /** The preconditions that fail for this network and loss. */
    public List<Precondition> failingPreconditions(Network network, Loss loss) {
        return preconditions.stream().filter(p -> !p.holds(network, loss)).toList();
    }

    /** A copy with extra preconditions. */
    public Identity requiring(Precondition... more) {
        List<Precondition> all = new java.util.ArrayList<>(preconditions);
        all.addAll(List.of(more));
        return new Identity(id, title, lhs, relation, rhs, all, source);
    }
}
