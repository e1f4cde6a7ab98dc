package org.neuromanifold.core.result;

import java.util.List;
import java.util.Objects;

import org.neuromanifold.core.expr.Relation;

/**
 * One step {@code previous R expression} of a derivation.
 *
 * @param relation    = or ≤ between the previous expression and this one
 * @param expression  the new expression
 * @param rule        the rule that justifies the step (chain rule, σ'(z)z = σ(z), Gaussian moment, …)
 * @param assumptions the assumptions in force for this step
 * @param symbolic    the symbolic certificate
 * @param numeric     the numeric certificate
 */
public record DerivationStep(Relation relation, Formula expression, String rule, List<String> assumptions,
        SymbolicVerdict symbolic, NumericCertificate numeric) {
    public DerivationStep {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(rule, "rule");
        assumptions = List.copyOf(assumptions);
        Objects.requireNonNull(symbolic, "symbolic");
        Objects.requireNonNull(numeric, "numeric");
    }

    /** A step counts as failed when either certificate says so. */
    public boolean failed() {
        return symbolic.outcome() == SymbolicOutcome.REFUTED || !numeric.agrees();
    }
}
