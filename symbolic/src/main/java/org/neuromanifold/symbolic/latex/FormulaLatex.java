package org.neuromanifold.symbolic.latex;

import java.util.Objects;

import org.neuromanifold.core.result.Formula;

/**
 * One expression of a derivation → LaTeX (math mode): tensor expressions by {@link ExprLatex}, scalar
 * terms and Symja formulas by {@link TermLatex}.
 */
public final class FormulaLatex {
    private final TermLatex terms;

    public FormulaLatex(TermLatex terms) {
        this.terms = Objects.requireNonNull(terms, "terms");
    }

    /** Scalars through the shared Symja engine's {@code TeXForm} (with the Java fallback). */
    public static FormulaLatex standard() {
        return new FormulaLatex(TermLatex.shared());
    }

    /** Scalars through the Java printer only. */
    public static FormulaLatex javaOnly() {
        return new FormulaLatex(TermLatex.javaOnly());
    }

    /** {@code formula} as LaTeX. */
    public String render(Formula formula) {
        return switch (Objects.requireNonNull(formula, "formula")) {
            case Formula.OfExpr e -> ExprLatex.print(e.expr());
            case Formula.OfTerm t -> terms.render(t.term());
            case Formula.OfSymja s -> terms.renderSymjaInput(s.input());
        };
    }
}
