package org.neuromanifold.core.result;

import java.util.Objects;

import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.scalar.Term;

/**
 * One expression in a derivation, as produced by the engine: a tensor-level {@link Expr}, a scalar
 * {@link Term} built by the deriver's own algebra, or a scalar expression produced by the computer
 * algebra system (kept in its input syntax, so it can be re-evaluated and rendered).
 */
public sealed interface Formula {
    /** A tensor-level expression of the IR. */
    record OfExpr(Expr expr) implements Formula {
        public OfExpr {
            Objects.requireNonNull(expr, "expr");
        }
    }

    /** A scalar term of the deriver's algebra. */
    record OfTerm(Term term) implements Formula {
        public OfTerm {
            Objects.requireNonNull(term, "term");
        }
    }

    /** A scalar expression produced by the computer algebra system, in its input syntax. */
    record OfSymja(String input) implements Formula {
        public OfSymja {
            Objects.requireNonNull(input, "input");
        }
    }
}
